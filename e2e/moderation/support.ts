import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, request as playwrightRequest, type Page } from '@playwright/test';
import { AccessToken } from 'livekit-server-sdk';

/** Helpers shared by the moderation specs: stand-in reads, audit reads, hand-made action calls. */

async function controlToken(): Promise<string> {
  const token = new AccessToken('devkey', 'secret', { identity: 'e2e-moderation', ttl: '10m' });
  token.addGrant({ roomAdmin: true, roomList: true });

  return token.toJwt();
}

export interface StandinPermission {
  can_subscribe: boolean;
  can_publish: boolean;
  can_publish_data: boolean;
  can_publish_sources: string[];
  hidden: boolean;
  recorder: boolean;
  can_update_metadata: boolean;
  agent: boolean;
  can_subscribe_metrics: boolean;
  can_manage_agent_session: boolean;
}

export interface StandinParticipant {
  sid: string;
  identity: string;
  name: string;
  metadata: string;
  attributes: Record<string, string>;
  permission: StandinPermission;
  kind_details: string[];
  tracks: { sid: string; source: string; muted: boolean }[];
}

export interface StandinRoom {
  room: {
    name: string;
    metadata: string;
    empty_timeout: number;
    departure_timeout: number;
    max_participants: number;
  };
  participants: StandinParticipant[];
  dispatches: { agent_name: string; metadata: string }[];
}

export type ReceivedEntry = { type: string } & Record<string, unknown>;

/** Raw reads of one stand-in's state (snake_case Twirp JSON, all fields). */
export class Standin {
  constructor(readonly url: string) {}

  async rooms(): Promise<StandinRoom[]> {
    const res = await fetch(`${this.url}/standin/v1/state`, {
      headers: { authorization: `Bearer ${await controlToken()}` },
    });
    expect(res.ok).toBe(true);

    return ((await res.json()) as { rooms: StandinRoom[] }).rooms;
  }

  async room(name: string): Promise<StandinRoom | undefined> {
    return (await this.rooms()).find((r) => r.room.name === name);
  }

  async participant(room: string, identity: string): Promise<StandinParticipant | undefined> {
    return (await this.room(room))?.participants.find((p) => p.identity === identity);
  }

  async track(room: string, identity: string, source: string) {
    const p = await this.participant(room, identity);
    const track = p?.tracks.find((t) => t.source === source);
    if (!track) throw new Error(`${identity} has no ${source} track in ${room}`);

    return track;
  }

  async received(room: string, identity: string): Promise<ReceivedEntry[]> {
    const res = await fetch(
      `${this.url}/standin/v1/participants/${encodeURIComponent(room)}/${encodeURIComponent(identity)}/received`,
      { headers: { authorization: `Bearer ${await controlToken()}` } },
    );
    expect(res.ok).toBe(true);

    return ((await res.json()) as { received: ReceivedEntry[] }).received;
  }

  /** The participant mutes or unmutes its own track (what its app would do). */
  async selfMute(room: string, identity: string, trackSid: string, muted: boolean) {
    const res = await fetch(
      `${this.url}/standin/v1/participants/${encodeURIComponent(room)}/${encodeURIComponent(identity)}/tracks/${trackSid}/mute`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await controlToken()}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ muted }),
      },
    );
    expect(res.ok).toBe(true);
  }
}

export const decodePayload = (entry: ReceivedEntry) =>
  Buffer.from(String(entry.payload), 'base64').toString('utf8');

/** Opens a participant row's actions menu and picks an item by its accessible name. */
export async function chooseAction(page: Page, identity: string, item: string | RegExp) {
  await page
    .getByRole('button', { name: `Actions for ${identity}`, exact: true })
    .first()
    .click();
  await page.getByRole('menuitem', { name: item }).click();
}

export const ACTION_NAMES = [
  'createRoomAction',
  'deleteRoomAction',
  'updateRoomMetadataAction',
  'sendDataAction',
  'muteTrackAction',
  'requestUnmuteAction',
  'removeParticipantAction',
  'updatePermissionsAction',
  'updateParticipantAction',
  'updateSubscriptionsAction',
  'moveParticipantAction',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/** Server-action ids of the current build, by exported name. */
export function actionIds(): Record<ActionName, string> {
  const manifest = JSON.parse(
    readFileSync(path.join(__dirname, '../../.next/server/server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, { exportedName?: string }> };
  const ids = {} as Record<ActionName, string>;
  for (const [id, entry] of Object.entries(manifest.node)) {
    const name = entry.exportedName as ActionName | undefined;
    if (name && (ACTION_NAMES as readonly string[]).includes(name)) ids[name] = id;
  }
  for (const name of ACTION_NAMES) if (!ids[name]) throw new Error(`no action id for ${name}`);

  return ids;
}

/**
 * Posts a server action by hand, the way the browser does (`Next-Action` header, JSON args), with
 * the cookies of `storageState`. Returns the raw RSC answer text.
 */
export async function postAction(options: {
  baseURL: string;
  storageState: string;
  actionId: string;
  pagePath: string;
  body: string;
  headers?: Record<string, string>;
}): Promise<{ status: number; text: string }> {
  const ctx = await playwrightRequest.newContext({
    baseURL: options.baseURL,
    storageState: options.storageState,
  });
  try {
    const res = await ctx.post(options.pagePath, {
      headers: {
        accept: 'text/x-component',
        'content-type': 'text/plain;charset=UTF-8',
        origin: options.baseURL,
        ...options.headers,
        'next-action': options.actionId,
      },
      data: options.body,
    });

    return { status: res.status(), text: await res.text() };
  } finally {
    await ctx.dispose();
  }
}

export interface AuditEvent {
  action: string;
  outcome: string;
  errorCode: string | null;
  role: string | null;
  tenant: string | null;
  roomName: string | null;
  identity: string | null;
  params: Record<string, unknown> | null;
}

/** Audit events as the admin's REST API lists them. */
export async function auditEvents(
  baseURL: string,
  adminState: string,
  filters: Record<string, string>,
): Promise<AuditEvent[]> {
  const ctx = await playwrightRequest.newContext({ baseURL, storageState: adminState });
  try {
    const res = await ctx.get(`/api/v1/audit?${new URLSearchParams(filters)}`);
    expect(res.status()).toBe(200);

    return ((await res.json()) as { events: AuditEvent[] }).events;
  } finally {
    await ctx.dispose();
  }
}
