import { describe, expect, it } from 'vitest';

import { participantsPath, PERMISSION_PRESETS_PATH, ROOMS_PATH, roomPath } from './api-paths';
import { embedFirstReads } from './embed-first-reads';

describe('embedFirstReads', () => {
  it('starts the room list’s read on the room list', () => {
    expect(embedFirstReads('/embed/p-1/rooms')).toEqual([ROOMS_PATH]);
    expect(embedFirstReads('/embed/p-1/rooms/')).toEqual([ROOMS_PATH]);
  });

  it('starts a room’s reads by the paths its queries request, its name decoded as the page does', () => {
    expect(embedFirstReads('/embed/p-1/rooms/my%20room%2B%3F')).toEqual([
      roomPath('my room+?'),
      participantsPath('my room+?'),
      PERMISSION_PRESETS_PATH,
    ]);
    expect(roomPath('my room+?')).toBe('/api/v1/rooms/my%20room%2B%3F');
  });

  it('starts nothing for other paths, or a segment that is not valid percent-encoding', () => {
    expect(embedFirstReads('/embed/p-1/rooms/a/watch')).toEqual([]);
    expect(embedFirstReads('/embed/p-1')).toEqual([]);
    expect(embedFirstReads('/rooms/a')).toEqual([]);
    expect(embedFirstReads('/embed/p-1/rooms/%E0%A4%A')).toEqual([]);
  });
});
