import { z } from 'zod';

import { userIdSchema } from './users';

/** GET and DELETE /users/{userId}/sessions: the user is the whole input. */
export const userSessionsInputSchema = z.strictObject({ userId: userIdSchema });
export type UserSessionsInput = z.input<typeof userSessionsInputSchema>;
