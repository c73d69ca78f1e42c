'use client';

import { useDataChannel } from '@livekit/components-react';
import { useRef } from 'react';

import { useCan } from '@/lib/queries/actor-context';
import { callOperation } from '@/lib/queries/mutations/call-operation';
import { CONSENT_ANSWER_TOPIC, consentAnswerMessageSchema } from '@/lib/schemas/protocol';

/**
 * LiveKit gives servers no data packets, so the watch view — a participant of the room — relays
 * the answers participants' apps send to "Ask to unmute" / "Ask to turn on camera" to Moderato,
 * which checks them against the requests it sent and puts them on the timeline. The sender's
 * identity is LiveKit's, never the payload's. A relay refused because another watcher was first
 * (409) or because no such request was sent (404) changes nothing, so it is not reported.
 */
export function useRelayConsentAnswers(roomName: string): void {
  const canRelay = useCan('tracks.mute');
  const relayed = useRef(new Set<string>());
  useDataChannel(CONSENT_ANSWER_TOPIC, (message) => {
    const identity = message.from?.identity;
    if (!canRelay || !identity) return;
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(message.payload));
    } catch {
      return;
    }
    const answer = consentAnswerMessageSchema.safeParse(body);
    if (!answer.success || relayed.current.has(answer.data.requestId)) return;
    relayed.current.add(answer.data.requestId);
    const { requestId, request, accepted } = answer.data;
    void callOperation('recordConsentAnswer', {
      roomName,
      identity,
      requestId,
      request,
      accepted,
    }).catch(() => undefined);
  });
}
