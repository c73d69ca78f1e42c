import 'server-only';

import { randomUUID } from 'node:crypto';

import type { PublishSource } from '@/lib/contracts/tracks';

import { getDb } from './index';
import type { Kysely, Selectable } from 'kysely';
import { reusedStatement } from './reused-statement';
import type { Database, MicrophoneRestrictionTakingsTable } from './schema';

/** A room's microphone restrictions while they are on. */
export interface StoredMicRestriction {
  roomName: string;
  /** New with every enable: enforcement checks it is still the restriction it acted for. */
  id: string;
  unrestricted: string[];
  enabledBy: string;
  enabledAtMs: number;
}

/** The publish part of a ParticipantPermission: all the restrictions ever change. */
export interface PublishRights {
  canPublish: boolean;
  canPublishSources: PublishSource[];
}

export interface StoredMicTaking {
  roomName: string;
  identity: string;
  participantSid: string | null;
  previous: PublishRights;
  applied: PublishRights;
  takenAtMs: number;
}

function toTaking(row: Selectable<MicrophoneRestrictionTakingsTable>): StoredMicTaking {
  return {
    roomName: row.room_name,
    identity: row.identity,
    participantSid: row.participant_sid,
    previous: JSON.parse(row.previous) as PublishRights,
    applied: JSON.parse(row.applied) as PublishRights,
    takenAtMs: Number(row.taken_at),
  };
}

/** Asked for joins and microphone publications on the bus (lib/live/): built once. */
const micRestrictionOf = reusedStatement((db: Kysely<Database>, roomName: string) =>
  db.selectFrom('microphone_restrictions').selectAll().where('room_name', '=', roomName),
);

export async function findMicRestriction(roomName: string): Promise<StoredMicRestriction | null> {
  const [row] = (await micRestrictionOf(await getDb(), roomName)).rows;
  if (!row) return null;
  return {
    roomName: row.room_name,
    id: row.id,
    unrestricted: JSON.parse(row.unrestricted) as string[],
    enabledBy: row.enabled_by,
    enabledAtMs: Number(row.enabled_at),
  };
}

/** Turns restrictions on (or replaces the allow-list of those already on) under a new id. */
export async function saveMicRestriction(input: {
  roomName: string;
  unrestricted: string[];
  enabledBy: string;
  nowMs?: number;
}): Promise<StoredMicRestriction> {
  const db = await getDb();
  const stored: StoredMicRestriction = {
    roomName: input.roomName,
    id: randomUUID(),
    unrestricted: [...new Set(input.unrestricted)],
    enabledBy: input.enabledBy,
    enabledAtMs: input.nowMs ?? Date.now(),
  };
  const values = {
    id: stored.id,
    unrestricted: JSON.stringify(stored.unrestricted),
    enabled_by: stored.enabledBy,
    enabled_at: stored.enabledAtMs,
  };
  await db
    .insertInto('microphone_restrictions')
    .values({ room_name: stored.roomName, ...values })
    .onConflict((oc) => oc.column('room_name').doUpdateSet(values))
    .execute();
  return stored;
}

/** Turns restrictions off; true when they were on. The takings stay until each is given back. */
export async function deleteMicRestriction(roomName: string): Promise<boolean> {
  const db = await getDb();
  const result = await db
    .deleteFrom('microphone_restrictions')
    .where('room_name', '=', roomName)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listMicTakings(roomName: string): Promise<StoredMicTaking[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom('microphone_restriction_takings')
    .selectAll()
    .where('room_name', '=', roomName)
    .orderBy('taken_at')
    .orderBy('identity')
    .execute();
  return rows.map(toTaking);
}

export async function findMicTaking(
  roomName: string,
  identity: string,
): Promise<StoredMicTaking | null> {
  const db = await getDb();
  const row = await db
    .selectFrom('microphone_restriction_takings')
    .selectAll()
    .where('room_name', '=', roomName)
    .where('identity', '=', identity)
    .executeTakeFirst();
  return row ? toTaking(row) : null;
}

/** Records (or replaces) what was taken from one identity; written before LiveKit is asked. */
export async function saveMicTaking(taking: StoredMicTaking): Promise<void> {
  const db = await getDb();
  const values = {
    participant_sid: taking.participantSid,
    previous: JSON.stringify(taking.previous),
    applied: JSON.stringify(taking.applied),
    taken_at: taking.takenAtMs,
  };
  await db
    .insertInto('microphone_restriction_takings')
    .values({ room_name: taking.roomName, identity: taking.identity, ...values })
    .onConflict((oc) => oc.columns(['room_name', 'identity']).doUpdateSet(values))
    .execute();
}

/** A taking recorded for a join token now belongs to the session that joined with it. */
export async function adoptMicTaking(
  roomName: string,
  identity: string,
  participantSid: string,
): Promise<void> {
  const db = await getDb();
  await db
    .updateTable('microphone_restriction_takings')
    .set({ participant_sid: participantSid })
    .where('room_name', '=', roomName)
    .where('identity', '=', identity)
    .where('participant_sid', 'is', null)
    .execute();
}

export async function deleteMicTaking(roomName: string, identity: string): Promise<void> {
  const db = await getDb();
  await db
    .deleteFrom('microphone_restriction_takings')
    .where('room_name', '=', roomName)
    .where('identity', '=', identity)
    .execute();
}
