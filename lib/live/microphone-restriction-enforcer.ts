import 'server-only';

import type { ParticipantDto } from '@/lib/contracts/dto';
import type { LiveEvent } from '@/lib/contracts/live-events';
import { enforceMicrophoneRestriction } from '@/lib/domain/moderation/enforce-microphone-restriction';
import { isRestrictable } from '@/lib/domain/moderation/microphone-restriction-rules';
import { allowedSources, permissionOf } from '@/lib/domain/moderation/publish-rights';

import { isOwnEvent, type LiveBus } from './bus';
import { processSingleton } from './process-singleton';

export interface MicRestrictionEnforcerOptions {
  bus: LiveBus;
  log?: Pick<Console, 'warn'>;
  /** The domain step; replaceable in tests. */
  enforce?: typeof enforceMicrophoneRestriction;
}

/**
 * Keeps microphone restrictions holding for people who join after they were enabled, publish a
 * microphone again, or get MICROPHONE back by other means (a permission change seen by
 * reconciliation). It listens to the bus for `participant.joined`, `track.published` of a
 * microphone and `participant.updated`, from webhooks, reconciliation or action read-backs alike,
 * so it holds with webhooks off too (reconciliation of watched rooms).
 *
 * - **Never in the webhook's way.** The receiver publishes synchronously and must answer LiveKit
 *   in milliseconds; the listener only starts the work (a store read, then LiveKit calls).
 * - **Once per deployment, idempotent anyway.** Every instance hears every event but acts only on
 *   those it published itself (ids carry its instance id): a webhook on the instance LiveKit sent
 *   it to, reconciliation on the leader. Should two paths still meet, restricting is a no-op for a
 *   participant without MICROPHONE, and one participant is changed by one step at a time.
 * - **Cheap when off.** Events of participants who cannot publish a microphone are skipped before
 *   the store is asked.
 */
export class MicRestrictionEnforcer {
  private readonly log: Pick<Console, 'warn'>;
  private readonly enforce: typeof enforceMicrophoneRestriction;
  private readonly pending = new Set<Promise<void>>();
  private readonly unsubscribe: () => void;

  constructor(private readonly options: MicRestrictionEnforcerOptions) {
    this.log = options.log ?? console;
    this.enforce = options.enforce ?? enforceMicrophoneRestriction;
    this.unsubscribe = options.bus.subscribe((event) => this.onEvent(event));
  }

  /** Resolves once all work started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.idle();
  }

  private onEvent(event: LiveEvent): void {
    if (!isOwnEvent(this.options.bus, event)) return;
    const identity = identityToCheck(event);
    if (identity === null) return;
    const work = this.enforce({
      roomName: event.roomName,
      identity,
      tenant: event.tenant,
      via: `${event.type} (${event.origin})`,
    }).then(
      () => undefined,
      (err: unknown) => {
        this.log.warn(
          `[moderato] microphone restrictions: could not restrict ${identity} in ${event.roomName}: ${String(err)}`,
        );
      },
    );
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }
}

/** The participant an event may have given a microphone to, or null. */
function identityToCheck(event: LiveEvent): string | null {
  switch (event.type) {
    case 'participant.joined':
    case 'participant.updated':
      return couldUseMicrophone(event.participant) ? event.participant.identity : null;
    case 'track.published':
    case 'track.unmuted':
      return event.track.source === 'MICROPHONE' ? event.identity : null;
    default:
      return null;
  }
}

function couldUseMicrophone(participant: ParticipantDto): boolean {
  if (!isRestrictable(participant)) return false;
  return (
    allowedSources(permissionOf(participant)).has('MICROPHONE') ||
    participant.tracks.some((t) => t.source === 'MICROPHONE' && !t.muted)
  );
}

export function startMicRestrictionEnforcer(bus: LiveBus): MicRestrictionEnforcer {
  return processSingleton('live.micRestrictionEnforcer', () => new MicRestrictionEnforcer({ bus }));
}
