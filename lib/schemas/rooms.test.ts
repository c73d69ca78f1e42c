import { describe, expect, it } from 'vitest';

import { createRoomInputSchema, roomRefInputSchema } from './rooms';

const roomNameError = (roomName: string) => {
  const result = createRoomInputSchema.safeParse({ roomName });
  return result.success ? null : result.error.issues.map((issue) => issue.message);
};

describe('the name of a room being created', () => {
  it('accepts any name LiveKit takes that a person can read and type', () => {
    for (const name of ['standup', 'my room ä+%?', 'a/b#c', 'räum', '会议室', 'x'.repeat(256)]) {
      expect(roomNameError(name)).toBeNull();
    }
  });

  it('refuses blank, padded and control-character names with one plain message each', () => {
    expect(roomNameError('')).toEqual(['Room name is required']);
    expect(roomNameError('   ')).toEqual(['Room name cannot be only spaces']);
    expect(roomNameError('\u00a0')).toEqual(['Room name cannot be only spaces']);
    expect(roomNameError(' standup')).toEqual(['Room name cannot start or end with a space']);
    expect(roomNameError('standup ')).toEqual(['Room name cannot start or end with a space']);
    expect(roomNameError('stand\nup')).toEqual([
      'Room name cannot contain line breaks, tabs or other control characters',
    ]);
    expect(roomNameError('a\u0000b')).toEqual([
      'Room name cannot contain line breaks, tabs or other control characters',
    ]);
    expect(roomNameError('ä'.repeat(129))).toEqual(['Room name is at most 256 bytes']);
    // Too many characters is too many bytes too: still one message.
    expect(roomNameError('a'.repeat(300))).toEqual(['Room name is at most 256 bytes']);
  });

  it('still addresses an existing room whose name was created elsewhere with spaces', () => {
    expect(roomRefInputSchema.safeParse({ roomName: ' padded ' }).success).toBe(true);
  });
});
