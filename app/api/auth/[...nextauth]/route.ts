// GET/POST /api/auth/* – next-auth v4: sign-in, callbacks, session, CSRF token, sign-out
import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';

import { getAuthOptions } from '@/lib/auth/options';
import { refuseBadAuthRequest } from '@/lib/http/auth-request-guard';

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are resolved per request (lazily, once) so env is read at run time, not at build.
async function handler(request: NextRequest, context: Context): Promise<Response> {
  const options = getAuthOptions();
  const { nextauth } = await context.params;
  const providers = options.providers.map(({ id, type }) => ({ id, type }));
  // Malformed requests get a 4xx here rather than a 500 and a stack trace from next-auth.
  const refused = await refuseBadAuthRequest(request, nextauth, providers);
  if (refused) return refused;
  return NextAuth(request, context, options);
}

export { handler as GET, handler as POST };
