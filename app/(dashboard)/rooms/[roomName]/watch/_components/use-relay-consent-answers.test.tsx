// @vitest-environment jsdom
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { useRelayConsentAnswers } from './use-relay-consent-answers';

// LiveKit's data channel is played by the test: it hands the hook packets as livekit-client would.
type Packet = { payload: Uint8Array; topic?: string; from?: { identity: string } };
const handlers = new Map<string, (packet: Packet) => void>();
let canRelay = true;

vi.mock('@livekit/components-react', () => ({
  useDataChannel: (topic: string, onMessage: (packet: Packet) => void) => {
    handlers.set(topic, onMessage);
    return { isSending: false, send: vi.fn(), message: undefined };
  },
}));
vi.mock('@/lib/queries/actor-context', () => ({ useCan: () => canRelay }));
const callOperation = vi.fn(async () => ({ ok: true, data: null }));
vi.mock('@/lib/queries/mutations/call-operation', () => ({
  callOperation: (...args: unknown[]) => callOperation(...(args as [])),
}));

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const answer = { type: 'consent_answer', requestId: 'r-1', request: 'camera', accepted: true };

function deliver(packet: Packet) {
  const handler = handlers.get('moderato.consent-answer');
  if (!handler) throw new Error('the hook listens on no consent-answer topic');
  handler(packet);
}

beforeEach(() => {
  canRelay = true;
  callOperation.mockClear();
  handlers.clear();
});
afterEach(cleanup);

describe('the watch view relaying consent answers', () => {
  it('relays an answer with the sender LiveKit names, whatever the payload claims', () => {
    renderHook(() => useRelayConsentAnswers('town-hall'));
    deliver({
      payload: encode({ ...answer, identity: 'mallory' }),
      from: { identity: 'alice' },
    });
    expect(callOperation).toHaveBeenCalledExactlyOnceWith('recordConsentAnswer', {
      roomName: 'town-hall',
      identity: 'alice',
      requestId: 'r-1',
      request: 'camera',
      accepted: true,
    });
  });

  it('relays each answer once, however often it arrives', () => {
    renderHook(() => useRelayConsentAnswers('town-hall'));
    deliver({ payload: encode(answer), from: { identity: 'alice' } });
    deliver({ payload: encode(answer), from: { identity: 'alice' } });
    deliver({ payload: encode({ ...answer, requestId: 'r-2' }), from: { identity: 'alice' } });
    expect(callOperation).toHaveBeenCalledTimes(2);
  });

  it('ignores packets that are not answers, or have no sender', () => {
    renderHook(() => useRelayConsentAnswers('town-hall'));
    deliver({ payload: new TextEncoder().encode('not json'), from: { identity: 'alice' } });
    deliver({ payload: encode({ ...answer, accepted: 'yes' }), from: { identity: 'alice' } });
    deliver({ payload: encode({ ...answer, request: 'screen' }), from: { identity: 'alice' } });
    deliver({ payload: encode(answer) });
    expect(callOperation).not.toHaveBeenCalled();
  });

  it('relays nothing for someone who may not ask (a viewer)', () => {
    canRelay = false;
    renderHook(() => useRelayConsentAnswers('town-hall'));
    deliver({ payload: encode(answer), from: { identity: 'alice' } });
    expect(callOperation).not.toHaveBeenCalled();
  });
});
