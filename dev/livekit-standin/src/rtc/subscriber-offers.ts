import { SessionDescription } from '@livekit/protocol';
import type { RTCPeerConnection } from 'werift';

/**
 * How long the real server waits for the answer to an offer before it gives up on the
 * negotiation (`negotiationFailedTimeout` in
 * https://github.com/livekit/livekit/blob/master/pkg/rtc/transport.go).
 */
export const NEGOTIATION_FAILED_TIMEOUT_MS = 15_000;

/**
 * The offer/answer cycle of the legacy path's subscriber PC, which the server offers. One offer
 * is out at a time: a change while it is unanswered is offered once the answer is applied, as the
 * real server does (`createAndSendOffer` / `handleRemoteAnswerReceived` and their
 * NegotiationStateRetry in https://github.com/livekit/livekit/blob/master/pkg/rtc/transport.go).
 *
 * An offer still unanswered after the timeout, on a PC that is connected, fails the negotiation
 * (`setupSignalStateCheckTimer` there); the session then has the client reconnect in full, as the
 * real participant does (`onAnyTransportNegotiationFailed` in pkg/rtc/participant.go). An
 * unanswered first offer is left to the client's own connect timeout, as there.
 */
export class SubscriberOffers {
  private offerId = 0;
  /** An offer is being made or waits for its answer. */
  private outstanding = false;
  /** Something changed meanwhile: offer again after the answer. */
  private again = false;
  /** Runs out when the offer sent last stays unanswered. */
  private answerTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pc: RTCPeerConnection,
    /** Runs a step on the session's negotiation queue (one step at a time, in order). */
    private readonly run: (step: () => Promise<void>) => void,
    private readonly send: (offer: SessionDescription) => void,
    private readonly answerTimeout: { ms: number; failed: () => void },
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
      this.startAnswerTimer();
    });
  }

  /** The client's answer (SessionDescription.id is the offer's id). */
  onAnswer(answer: SessionDescription): void {
    this.run(async () => {
      if (!this.outstanding || (answer.id !== 0 && answer.id !== this.offerId)) return;
      clearTimeout(this.answerTimer);
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

  /** The session ended: no timeout fires any more. */
  close(): void {
    clearTimeout(this.answerTimer);
  }

  private startAnswerTimer(): void {
    clearTimeout(this.answerTimer);
    this.answerTimer = setTimeout(() => {
      if (this.outstanding && this.pc.connectionState === 'connected') this.answerTimeout.failed();
    }, this.answerTimeout.ms);
    this.answerTimer.unref();
  }
}
