import { describe, expect, it } from 'vitest';

import {
  ALLOW_LIST_MAX,
  allowListProblem,
  lockRoomInputSchema,
  parseAllowList,
} from './room-locks';

describe('the lock dialog’s allow-list', () => {
  it('reads identities one per line or separated by commas, trimmed, once each', () => {
    expect(parseAllowList(' vip \n\nguest-1, guest-2\nvip,')).toEqual([
      'vip',
      'guest-1',
      'guest-2',
    ]);
    expect(parseAllowList('  \n , ')).toEqual([]);
  });

  it('names the identity at fault before anything is sent', () => {
    expect(allowListProblem(['vip', 'guest'])).toBe(null);
    expect(allowListProblem(['vip', 'x'.repeat(300)])).toBe(
      `“${'x'.repeat(24)}…”: Identity is at most 256 bytes.`,
    );
    const many = Array.from({ length: ALLOW_LIST_MAX + 1 }, (_, i) => `id-${i}`);
    expect(allowListProblem(many)).toBe(`At most ${ALLOW_LIST_MAX} identities.`);
  });
});

describe('lockRoomInputSchema', () => {
  it('defaults to an empty allow-list and refuses blank or too many identities', () => {
    expect(lockRoomInputSchema.parse({ roomName: 'r' })).toEqual({ roomName: 'r', allowList: [] });
    expect(lockRoomInputSchema.safeParse({ roomName: 'r', allowList: [''] }).success).toBe(false);
    const many = Array.from({ length: ALLOW_LIST_MAX + 1 }, (_, i) => `id-${i}`);
    expect(lockRoomInputSchema.safeParse({ roomName: 'r', allowList: many }).success).toBe(false);
    expect(lockRoomInputSchema.safeParse({ roomName: 'r', extra: 1 }).success).toBe(false);
  });
});
