import { startStandin } from '@moderato/livekit-standin';
import { RoomServiceClient } from 'livekit-server-sdk';

import { expect, test } from '../fixtures';
import { API_KEY, API_SECRET } from '../support/tokens';

/**
 * Server settings the suite's own stand-in leaves at LiveKit's defaults, each on a stand-in of its
 * own started here: `room.enable_remote_unmute`, and LiveKit Cloud's MoveParticipant (the
 * open-source server answers it "not implemented"; dev/livekit-standin/README.md). What the real
 * SDK does with each is what an app built on it would see.
 */
async function ownStandin(options: { remoteUnmute?: boolean; cloud?: boolean }) {
  const standin = await startStandin({ port: 0, seed: 'none', ...options });
  return {
    standin,
    wsUrl: standin.url.replace(/^http/, 'ws'),
    rooms: new RoomServiceClient(standin.url, API_KEY, API_SECRET),
  };
}

test.describe('with remote unmute enabled', () => {
  let server: Awaited<ReturnType<typeof ownStandin>>;
  test.beforeAll(async () => {
    server = await ownStandin({ remoteUnmute: true });
  });
  test.afterAll(async () => server.standin.close());

  test('a server-side unmute unmutes the SDK publication after a server-side mute', async ({
    joinParticipant,
  }) => {
    const { rooms, wsUrl } = server;
    await rooms.createRoom({ name: 'unmute-on' });
    const alice = await joinParticipant({
      roomName: 'unmute-on',
      identity: 'alice',
      publish: ['microphone'],
      url: wsUrl,
    });
    const mic = alice.publication('microphone');
    const isAlicesMic = (e: { trackSid: string; local: boolean }) =>
      e.trackSid === mic.trackSid && e.local;

    await rooms.mutePublishedTrack('unmute-on', 'alice', mic.trackSid, true);
    await alice.waitForEvent('trackMuted', isAlicesMic);

    const unmuted = await rooms.mutePublishedTrack('unmute-on', 'alice', mic.trackSid, false);
    expect(unmuted.muted).toBe(false);
    await alice.waitForEvent('trackUnmuted', isAlicesMic);
    // The SDK re-acquires the microphone and tells the server, which lists it live again.
    await expect
      .poll(async () => (await rooms.getParticipant('unmute-on', 'alice')).tracks[0]?.muted)
      .toBe(false);
    expect((await alice.snapshot()).localTracks).toContainEqual(
      expect.objectContaining({ trackSid: mic.trackSid, muted: false }),
    );
  });
});

test.describe('LiveKit Cloud MoveParticipant', () => {
  let server: Awaited<ReturnType<typeof ownStandin>>;
  test.beforeAll(async () => {
    server = await ownStandin({ cloud: true });
  });
  test.afterAll(async () => server.standin.close());

  test('moves a connected client, which carries on in the destination room', async ({
    joinParticipant,
  }) => {
    const { rooms, wsUrl } = server;
    await rooms.createRoom({ name: 'lobby' });
    await rooms.createRoom({ name: 'stage' });
    const alice = await joinParticipant({
      roomName: 'lobby',
      identity: 'alice',
      publish: ['microphone'],
      url: wsUrl,
    });
    const bob = await joinParticipant({ roomName: 'stage', identity: 'bob', url: wsUrl });

    await rooms.moveParticipant('lobby', 'alice', 'stage');

    await alice.waitForEvent('moved', (e) => e.roomName === 'stage');
    await bob.waitForEvent('participantConnected', (e) => e.identity === 'alice');
    expect((await rooms.listParticipants('lobby')).map((p) => p.identity)).toEqual([]);
    expect((await rooms.listParticipants('stage')).map((p) => p.identity).sort()).toEqual([
      'alice',
      'bob',
    ]);
    const snapshot = await alice.snapshot();
    expect(snapshot.state).toBe('connected');
    expect(snapshot.remote.map((p) => p.identity)).toEqual(['bob']);

    // Still the same connection: a moderator action in the new room reaches it.
    const mic = alice.publication('microphone');
    await rooms.mutePublishedTrack('stage', 'alice', mic.trackSid, true);
    await alice.waitForEvent('trackMuted', (e) => e.trackSid === mic.trackSid && e.local);
    const disconnects = (await alice.events()).filter((e) => e.name === 'disconnected');
    expect(disconnects).toEqual([]);
  });
});
