import 'server-only';

import type { Actor } from '../actor';

/**
 * The LiveKit identity of a dashboard user: in the join tokens Moderato issues them, and as the
 * `moderator` of the `force_muted` events they cause. Derived from the actor's stable id (a user's
 * uuid, `key:<id>` for an API key), never from anything the caller sends, so nobody can mint a
 * token in someone else's name.
 */
export function moderatorIdentity(actor: Actor): string {
  return `moderato:${actor.userId}`;
}

/** The popout viewer of that moderator: its own identity, so it never replaces their session. */
export function popoutIdentity(actor: Actor): string {
  return `${moderatorIdentity(actor)}#popout`;
}

export function moderatorName(actor: Actor): string {
  return actor.name || actor.username;
}
