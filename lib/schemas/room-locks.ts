import { z } from 'zod';

import { identitySchema, roomNameSchema } from './rooms';

/** The most identities a lock's allow-list may hold. */
export const ALLOW_LIST_MAX = 1000;

export const lockRoomInputSchema = z.strictObject({
  roomName: roomNameSchema,
  allowList: z
    .array(identitySchema)
    .max(ALLOW_LIST_MAX, `At most ${ALLOW_LIST_MAX} identities`)
    .default([])
    .describe('Identities that may still join while the room is locked'),
});
export type LockRoomInput = z.input<typeof lockRoomInputSchema>;

export const listRoomLocksInputSchema = z.strictObject({});
export type ListRoomLocksInput = z.input<typeof listRoomLocksInputSchema>;

/**
 * An allow-list typed by a moderator: identities separated by commas or new lines. Universal, so
 * the lock dialog and its test read it the same way.
 */
export function parseAllowList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * What is wrong with a typed allow-list, naming the identity at fault (a long one cut short), or
 * null: the lock dialog says it under the field, instead of a refusal after submitting.
 */
export function allowListProblem(allowList: readonly string[]): string | null {
  const parsed = lockRoomInputSchema.shape.allowList.safeParse(allowList);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const at = issue.path[0];
  if (typeof at !== 'number') return `${issue.message}.`;
  const identity = allowList[at] ?? '';
  const shown = identity.length > 24 ? `${identity.slice(0, 24)}…` : identity;
  return `“${shown}”: ${issue.message}.`;
}
