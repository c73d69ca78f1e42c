import 'server-only';

import { userSessionListSchema, type UserSessionDto } from '@/lib/contracts/user-sessions';
import { listActiveSessions, type StoredSession } from '@/lib/db/sessions';
import { userSessionsInputSchema } from '@/lib/schemas/user-sessions';

import { defineOperation } from '../operation';

import { findManagedUser } from './user-rules';

/** The signed-in browsers of a user that could still make a request, most recently seen first. */
export const listUserSessions = defineOperation({
  name: 'listUserSessions',
  summary: 'List a user’s active sessions',
  description:
    'Each signed-in browser that can still be used: when it signed in, when it was last seen (to the minute), its browser and address as reported at sign-in.',
  tag: 'Users',
  input: userSessionsInputSchema,
  output: userSessionListSchema,
  permission: 'users.manage',
  http: { method: 'GET', path: '/users/{userId}/sessions' },
  audit: {
    action: 'user.sessions_listed',
    target: () => ({}),
    params: ({ userId }) => ({ userId }),
  },
  errors: ['not_found'],
  async act({ actor }, { userId }) {
    const user = await findManagedUser(actor, userId);
    return { sessions: (await listActiveSessions(user.id)).map(toUserSessionDto) };
  },
});

function toUserSessionDto(session: StoredSession): UserSessionDto {
  return {
    id: session.id,
    createdAtMs: session.createdAtMs,
    lastSeenAtMs: session.lastSeenAtMs,
    expiresAtMs: session.expiresAtMs,
    userAgent: session.userAgent,
    ip: session.ip,
  };
}
