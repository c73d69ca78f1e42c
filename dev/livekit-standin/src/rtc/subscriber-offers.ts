import { SessionDescription } from '@livekit/protocol';
import type { RTCPeerConnection } from 'werift';

/**
 * The offer/answer cycle of the legacy path's subscriber PC, which the server offers. One offer
 * is out at a time: a change while it is unanswered is offered once the answer is applied, as the
 * real server does (`createAndSendOffer` / `handleRemoteAnswerReceived` and their
 * NegotiationStateRetry in https://github.com/livekit/livekit/blob/master/pkg/rtc/transport.go).
 */
export class SubscriberOffers {
  private offerId = 0;
  /** An offer is being made or waits for its answer. */
  private outstanding = false;
  /** Something changed meanwhile: offer again after the answer. */
  private again = false;

  constructor(
    private readonly pc: RTCPeerConnection,
    /** Runs a step on the session's negotiation queue (one step at a time, in order). */
    private readonly run: (step: () => Promise<void>) => void,
    private readonly send: (offer: SessionDescription) => void,
  ) {}

  /** Offers the subscriber PC now, or right after the outstanding offer is answered. */
  offer(): void {
    if (this.outstanding) {
      this.again = true;
      return;
    }
    this.outstanding = true;
    this.run(async () => {
      try {
        await this.pc.setLocalDescription(await this.pc.createOffer());
      } catch (error) {
        this.outstanding = false;
        throw error;
      }
      this.offerId += 1;
      this.send(
        new SessionDescription({
          type: 'offer',
          sdp: this.pc.localDescription?.sdp ?? '',
          id: this.offerId,
        }),
      );
    });
  }

  /** The client's answer (SessionDescription.id is the offer's id). */
  onAnswer(answer: SessionDescription): void {
    this.run(async () => {
      if (!this.outstanding || (answer.id !== 0 && answer.id !== this.offerId)) return;
      try {
        await this.pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
      } finally {
        this.outstanding = false;
        if (this.again) {
          this.again = false;
          this.offer();
        }
      }
    });
  }
}
