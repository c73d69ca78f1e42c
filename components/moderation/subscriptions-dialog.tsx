'use client';

import { useId, useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Modal, ModalClose, ModalContent, ModalFooter } from '@/components/ui/modal';
import { RelativeTime } from '@/components/ui/relative-time';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ParticipantDto } from '@/lib/contracts/dto';
import { TOKEN_DEFAULT_PERMISSION } from '@/lib/contracts/participant-permission';
import type { SubscriptionChangeDto } from '@/lib/contracts/subscriptions';
import { useUpdateSubscriptions } from '@/lib/queries/mutations/use-update-subscriptions';
import { useParticipantSubscriptions } from '@/lib/queries/participant-subscriptions';
import { useParticipants } from '@/lib/queries/participants';

import { trackName } from './labels';

const tracks = (n: number) => `${n} ${n === 1 ? 'track' : 'tracks'}`;

/**
 * Where the ticks come from, said honestly: LiveKit reports no subscriptions, so the dialog starts
 * from LiveKit's rules (an app subscribes to everything unless it opts out; without the subscribe
 * permission it gets nothing) and the changes moderators made through Moderato.
 */
function sourceNote(identity: string, canSubscribe: boolean, loaded: boolean): string {
  const known = loaded
    ? `the changes moderators made here since ${identity} joined`
    : `changes made here could not be loaded, so only the rule above`;
  const rule = canSubscribe
    ? `apps subscribe to every track unless they turn that off`
    : `${identity} may not subscribe (their permission), so they get no tracks unless a moderator subscribes them`;

  return `LiveKit does not report what ${identity} is subscribed to. The ticks show what Moderato knows: ${rule}; then ${known}.`;
}

/**
 * A participant's subscriptions to the tracks of the others, ticked as Moderato knows them. Only
 * the tracks the moderator touches are sent: one call to subscribe, one to unsubscribe.
 */
export function SubscriptionsDialog({
  roomName,
  participant,
  onClose,
}: {
  roomName: string;
  participant: ParticipantDto;
  onClose: () => void;
}) {
  const { identity } = participant;
  const canSubscribe = (participant.permission ?? TOKEN_DEFAULT_PERMISSION).canSubscribe;
  const { data: participants = [] } = useParticipants(roomName);
  const known = useParticipantSubscriptions(roomName, identity);
  const update = useUpdateSubscriptions();
  const [edits, setEdits] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [search, setSearch] = useState('');
  const [saving, setSaving] = useState(false);
  const noteIdPrefix = useId();
  // A cached answer may predate the last change: start only from one fetched for this opening.
  const loading = !known.isFetchedAfterMount;

  const changes = new Map<string, SubscriptionChangeDto>(
    (known.data?.changes ?? []).map((change) => [change.trackSid, change]),
  );
  const baseline = (sid: string) => changes.get(sid)?.subscribed ?? canSubscribe;
  const subscribed = (sid: string) => edits.get(sid) ?? baseline(sid);
  const toSubscribe = [...edits].filter(([, on]) => on).map(([sid]) => sid);
  const toUnsubscribe = [...edits].filter(([, on]) => !on).map(([sid]) => sid);

  const needle = search.trim().toLowerCase();
  const publishers = participants
    .filter((p) => p.identity !== identity && p.tracks.length > 0)
    .filter(
      (p) =>
        !needle ||
        p.identity.toLowerCase().includes(needle) ||
        p.name.toLowerCase().includes(needle),
    )
    .slice(0, 100);

  const toggle = (sid: string, on: boolean) => setEdits((current) => new Map(current).set(sid, on));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving || edits.size === 0) return;
    setSaving(true);
    try {
      if (toSubscribe.length > 0) {
        await update.mutateAsync({ roomName, identity, trackSids: toSubscribe, subscribe: true });
      }
      if (toUnsubscribe.length > 0) {
        await update.mutateAsync({
          roomName,
          identity,
          trackSids: toUnsubscribe,
          subscribe: false,
        });
      }
      onClose();
    } catch {
      // The failure toast says what went wrong; the dialog stays open to try again.
    } finally {
      setSaving(false);
    }
  };

  const summary =
    edits.size === 0
      ? 'No changes yet'
      : [
          toSubscribe.length > 0 ? `subscribe to ${tracks(toSubscribe.length)}` : null,
          toUnsubscribe.length > 0 ? `unsubscribe from ${tracks(toUnsubscribe.length)}` : null,
        ]
          .filter(Boolean)
          .join(' and ')
          .replace(/^./, (c) => c.toUpperCase());

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())}>
      <ModalContent
        title={`Subscriptions of ${identity}`}
        description={sourceNote(identity, canSubscribe, !known.isError)}
        className="max-w-xl"
      >
        <form onSubmit={handleSubmit} className="flex flex-col gap-3">
          <Input
            type="search"
            aria-label="Filter publishers"
            placeholder="Filter by identity or name"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          {loading ? (
            <p role="status" className="text-muted-foreground text-sm">
              Loading the changes made here…
            </p>
          ) : publishers.length === 0 ? (
            <p className="text-muted-foreground text-sm">Nobody else publishes tracks.</p>
          ) : (
            <ul className="flex max-h-72 flex-col gap-3 overflow-y-auto rounded-md border p-3">
              {publishers.map((p) => (
                <li key={p.identity}>
                  <fieldset>
                    <legend className="text-sm font-medium">{p.identity}</legend>
                    <div className="mt-1 flex flex-col gap-1">
                      {p.tracks.map((track) => {
                        const change = edits.has(track.sid) ? undefined : changes.get(track.sid);
                        const noteId = `${noteIdPrefix}-${track.sid}`;

                        return (
                          <div key={track.sid} className="flex items-center gap-2 text-sm">
                            <label className="flex items-center gap-2">
                              <input
                                type="checkbox"
                                className="size-4"
                                checked={subscribed(track.sid)}
                                aria-describedby={change ? noteId : undefined}
                                onChange={(e) => toggle(track.sid, e.target.checked)}
                              />
                              {`${trackName(track, p.tracks)} of ${p.identity}`}
                            </label>
                            {change ? (
                              <span id={noteId} className="text-muted-foreground text-xs">
                                {change.subscribed ? 'subscribed' : 'unsubscribed'} by{' '}
                                {change.actorName} <RelativeTime atMs={change.atMs} />
                              </span>
                            ) : null}
                          </div>
                        );
                      })}
                    </div>
                  </fieldset>
                </li>
              ))}
            </ul>
          )}
          <p className="text-muted-foreground text-xs" aria-live="polite">
            {summary}
          </p>
          <ModalFooter>
            <ModalClose asChild>
              <Button variant="secondary">Cancel</Button>
            </ModalClose>
            <SubmitButton pending={saving} disabled={edits.size === 0 || loading}>
              {`Save subscriptions of ${identity}`}
            </SubmitButton>
          </ModalFooter>
        </form>
      </ModalContent>
    </Modal>
  );
}
