import { describe, expect, it } from 'vitest';

import { roomNameParam, roomNameTitleParam } from './room-name-param';

const NAMES = ['standup', 'my room ä+%?', 'a%20b', '%41', '会议室 #1/2'];
const params = (roomName: string) => Promise.resolve({ roomName });

describe('the room name of /rooms/[roomName]', () => {
  it('decodes the page’s percent-encoded segment back to the exact name', async () => {
    for (const name of NAMES) {
      expect(await roomNameParam(params(encodeURIComponent(name)))).toBe(name);
    }
  });

  it('answers not found for a segment that is not valid percent-encoding', async () => {
    await expect(roomNameParam(params('%E0%A4%A'))).rejects.toThrow();
  });

  it('titles the page right whether generateMetadata gets the segment encoded or decoded', async () => {
    for (const name of NAMES) {
      expect(await roomNameTitleParam(params(encodeURIComponent(name)))).toBe(name);
    }
    // Decoded (Next 16.2+): only a name that is itself a canonical encoding would be misread.
    for (const name of ['standup', 'my room ä+%?', '会议室 #1/2']) {
      expect(await roomNameTitleParam(params(name))).toBe(name);
    }
  });
});
