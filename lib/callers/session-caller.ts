import 'server-only';

import { headers as requestHeaders } from 'next/headers';

import { getActor } from '@/lib/auth/session';
import { DomainError } from '@/lib/domain/errors';

import type { CallerStrategy } from './types';

/**
 * The NextAuth session cookie. Cookie-authenticated writes must come from our own pages: a
 * cross-site form or fetch carrying the session cookie is refused (CSRF), and so is a write with no
 * `Origin` at all — browsers always send it on POST, PUT, PATCH and DELETE, and a script replaying
 * a cookie can send it too. Server actions are writes (POST) read from Next's request headers.
 */
export const sessionCaller: CallerStrategy = {
  name: 'session',
  async resolve({ request, source }) {
    const actor = await getActor(source, request);
    if (!actor) return null;
    const method = request?.method ?? 'POST';
    if (method !== 'GET' && method !== 'HEAD') {
      assertSameOrigin(request?.headers ?? (await requestHeaders()));
    }
    return actor;
  },
};

function assertSameOrigin(headers: Headers): void {
  const origin = headers.get('origin');
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || !host || originHost !== host) {
    throw new DomainError(
      'forbidden',
      'Cross-site request refused: send a same-origin Origin header.',
    );
  }
}
