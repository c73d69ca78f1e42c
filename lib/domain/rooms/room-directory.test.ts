import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import * as livekit from '@/lib/livekit/room-service';
import { startTestLiveKit, uniqueRoom, type TestLiveKit } from '@/test/standin';

import { findRoom, forgetRoom, rememberRoomListing } from './room-directory';

vi.mock('@/lib/livekit/room-service', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/livekit/room-service')>();
  return { ...actual, listRooms: vi.fn(actual.listRooms) };
});

// Scope checks reuse reconciliation's listings of every room, without ever being fresher than a
// lookup of their own, and without undoing what our own writes invalidated.
let lk: TestLiveKit;
const lookups = vi.mocked(livekit.listRooms);

beforeAll(async () => {
  lk = await startTestLiveKit();
});
afterAll(async () => {
  await lk?.close();
});
beforeEach(() => lookups.mockClear());

const acme = JSON.stringify({ auth_id: 'acme' });

describe('rememberRoomListing', () => {
  it('answers the next scope check from a listing of every room, with its tenant', async () => {
    const roomName = uniqueRoom('listed');
    await lk.rooms.createRoom({ name: roomName, metadata: acme });
    const askedAtMs = Date.now();
    rememberRoomListing(await livekit.listRooms(), askedAtMs);
    lookups.mockClear();

    await expect(findRoom(roomName)).resolves.toMatchObject({ name: roomName, tenant: 'acme' });
    expect(lookups).not.toHaveBeenCalled();
  });

  it('does not restore a room our own write invalidated after the listing was asked', async () => {
    const roomName = uniqueRoom('rewritten');
    await lk.rooms.createRoom({ name: roomName, metadata: acme });
    const askedAtMs = Date.now() - 50;
    const listing = await livekit.listRooms();
    await lk.rooms.updateRoomMetadata(roomName, JSON.stringify({ auth_id: 'globex' }));
    forgetRoom(roomName);
    rememberRoomListing(listing, askedAtMs);
    lookups.mockClear();

    await expect(findRoom(roomName)).resolves.toMatchObject({ tenant: 'globex' });
    expect(lookups).toHaveBeenCalledWith([roomName]);
  });

  it('forgets a cached room the listing lacks, so the next check asks LiveKit', async () => {
    const roomName = uniqueRoom('finished');
    await lk.rooms.createRoom({ name: roomName });
    await expect(findRoom(roomName)).resolves.toMatchObject({ name: roomName });
    await lk.rooms.deleteRoom(roomName);
    rememberRoomListing(await livekit.listRooms(), Date.now() + 1);
    lookups.mockClear();

    await expect(findRoom(roomName)).resolves.toBeNull();
    expect(lookups).toHaveBeenCalledWith([roomName]);
  });

  it('keeps a fresher lookup of our own over an older listing', async () => {
    const roomName = uniqueRoom('fresher');
    await lk.rooms.createRoom({ name: roomName, metadata: acme });
    const stale = (await livekit.listRooms()).map((room) =>
      room.name === roomName ? { ...room, metadata: '' } : room,
    );
    await findRoom(roomName, { fresh: true });
    rememberRoomListing(stale, Date.now() - 1_000);
    lookups.mockClear();

    await expect(findRoom(roomName)).resolves.toMatchObject({ tenant: 'acme' });
    expect(lookups).not.toHaveBeenCalled();
  });
});
