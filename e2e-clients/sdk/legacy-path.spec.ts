import { DataPacket_Kind } from 'livekit-server-sdk';

import { expect, test } from '../fixtures';

/**
 * The server's moderator calls reach a livekit-client Room on the legacy `/rtc` path (two
 * PeerConnections, `singlePeerConnection: false`) as they reach one on `/rtc/v1`: the same SDK
 * events, the server messages riding the legacy signalling and the subscriber PC's data channel.
 */
test.describe('livekit-client on the legacy /rtc path', () => {
  test('observes a server mute, data, a permission change and its removal', async ({
    livekit,
    roomService,
    joinParticipant,
  }) => {
    const room = await livekit.createRoom({ name: livekit.roomName('legacy-actions') });
    const alice = await joinParticipant({
      roomName: room,
      identity: 'alice',
      publish: ['microphone'],
      connect: { singlePeerConnection: false },
    });
    expect(alice.signalPaths()).toEqual(['/rtc']);
    const mic = alice.publication('microphone');

    await roomService.mutePublishedTrack(room, 'alice', mic.trackSid, true);
    await alice.waitForEvent('trackMuted', (e) => e.trackSid === mic.trackSid && e.local);

    await roomService.sendData(
      room,
      new TextEncoder().encode('hello alice'),
      DataPacket_Kind.RELIABLE,
      {
        topic: 'moderato.test',
        destinationIdentities: ['alice'],
      },
    );
    const data = await alice.waitForEvent('dataReceived', (e) => e.topic === 'moderato.test');
    expect(data.text).toBe('hello alice');

    await roomService.updateParticipant(room, 'alice', {
      permission: { canPublish: false, canSubscribe: true, canPublishData: true },
    });
    await alice.waitForEvent(
      'participantPermissionsChanged',
      (e) => e.local && e.permission?.canPublish === false,
    );
    await alice.waitForEvent('localTrackUnpublished', (e) => e.trackSid === mic.trackSid);

    await roomService.removeParticipant(room, 'alice');
    await alice.waitForEvent('disconnected', (e) => e.reason === 'PARTICIPANT_REMOVED');
    expect(await roomService.listParticipants(room)).toEqual([]);
  });
});
