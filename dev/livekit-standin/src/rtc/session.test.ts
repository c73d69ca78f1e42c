import { EventEmitter } from 'node:events';
import { DisconnectReason, LeaveRequest_Action, SignalResponse } from '@livekit/protocol';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { StandinState } from '../state/store';
import { validateConnect } from './connect-request';
import { RtcSession } from './session';

/*
 * A client removed between its WebSocket upgrade and the socket being handed to its session. The
 * window is one turn of the event loop in the running server, so it is opened here by hand: the
 * session joins, the state removes the participant, then the socket attaches.
 */

/** The part of a `ws` WebSocket a session uses, recording what is sent. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  readonly sent: SignalResponse[] = [];

  send(bytes: Uint8Array): void {
    this.sent.push(SignalResponse.fromBinary(bytes));
  }

  close(): void {
    this.readyState = 3;
  }
}

function joinedSession(state: StandinState): RtcSession {
  const request = validateConnect(
    { iss: 'devkey', sub: 'alice', video: { roomJoin: true, room: 'r' } },
    new URLSearchParams({ protocol: '17' }),
    false,
    false,
  );
  const session = new RtcSession(
    { state, signToken: () => 'token', negotiationTimeoutMs: 15_000, log: () => undefined },
    request,
    'v0',
  );
  session.join();
  return session;
}

/** Attaches a socket and returns the only message written to it, a leave. */
function leaveOnAttach(session: RtcSession): SignalResponse['message'] {
  const socket = new FakeSocket();
  session.attach(socket as unknown as WebSocket);
  expect(socket.sent.map((r) => r.message.case)).toEqual(['leave']);
  expect(socket.readyState).toBe(3);
  return socket.sent[0]!.message;
}

describe('RtcSession.attach after its participant is gone', () => {
  it('the room was deleted → leave ROOM_DELETED', () => {
    const state = new StandinState();
    const session = joinedSession(state);
    state.closeRoom(state.rooms.get('r')!, DisconnectReason.ROOM_DELETED);

    expect(leaveOnAttach(session).value).toMatchObject({
      reason: DisconnectReason.ROOM_DELETED,
      action: LeaveRequest_Action.DISCONNECT,
    });
  });

  it('a second join took over the identity → leave DUPLICATE_IDENTITY', () => {
    const state = new StandinState();
    const session = joinedSession(state);
    state.join('r', { identity: 'alice' });

    expect(leaveOnAttach(session).value).toMatchObject({
      reason: DisconnectReason.DUPLICATE_IDENTITY,
      action: LeaveRequest_Action.DISCONNECT,
    });
  });
});
