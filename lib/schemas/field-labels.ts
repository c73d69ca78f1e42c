import { PERMISSION_FLAGS } from '@/lib/contracts/participant-permission';

/**
 * What people call the input fields, where the key does not say it plainly once split into words
 * (`maxParticipants` reads as "Max participants" by itself). Validation messages name fields with
 * these, in forms and in REST 400 bodies alike.
 */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  trackSid: 'Track',
  trackSids: 'Tracks',
  nodeId: 'Node ID',
  userId: 'User ID',
  roomSid: 'Room session',
  q: 'Search',
  destinationIdentities: 'Recipients',
  payload: 'Message',
  mode: 'Action',
  agents: 'Agent dispatches',
  canPublishSources: 'Allowed sources',
  type: 'Event types',
  ...Object.fromEntries(Object.entries(PERMISSION_FLAGS).map(([key, flag]) => [key, flag.label])),
};

/** One entry of a list or record field: "Track 2", "Recipient 1", "Attribute “seat”". */
const ITEM_LABELS: Readonly<Record<string, string>> = {
  trackSids: 'Track',
  destinationIdentities: 'Recipient',
  agents: 'Agent',
  canPublishSources: 'Source',
  attributes: 'Attribute',
};

/** Fields whose keys are the caller's data (a string map), not field names. */
const RECORD_FIELDS: ReadonlySet<string | number> = new Set(['attributes']);

/** "maxPlayoutDelay" → "Max playout delay". */
function words(key: string): string {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}

function labelOfKey(key: string): string {
  return FIELD_LABELS[key] ?? words(key);
}

/**
 * The label of the field at `path`, or null for the input as a whole. An entry of a list or
 * record is named after its field ("Track 2"); a record's own keys are data, never words.
 */
export function fieldLabel(path: readonly PropertyKey[] | undefined): string | null {
  const segments = (path ?? []).filter(
    (s): s is string | number => typeof s === 'string' || typeof s === 'number',
  );
  const last = segments.at(-1);
  if (last === undefined) return null;
  const parent = segments.at(-2);
  const itemOf = typeof parent === 'string' ? ITEM_LABELS[parent] : undefined;
  if (typeof last === 'number') {
    if (itemOf) return `${itemOf} ${last + 1}`;
    return parent === undefined
      ? `Item ${last + 1}`
      : `${labelOfKey(String(parent))} item ${last + 1}`;
  }
  if (parent !== undefined && RECORD_FIELDS.has(parent)) return `${itemOf} “${last}”`;

  return labelOfKey(last);
}
