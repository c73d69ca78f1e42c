import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
  StandinControl,
  type ParticipantJson,
  type PermissionJson,
  type ReceivedEntry,
  type RoomStateJson,
} from '@moderato/livekit-standin/client';
import {
  expect,
  request as playwrightRequest,
  type APIRequestContext,
  type Page,
} from '@playwright/test';

/** Helpers shared by the moderation specs: stand-in reads, audit reads, hand-made action calls. */

/** The stand-in's own answer types (snake_case Twirp JSON, all fields), as the specs name them. */
export type StandinPermission = PermissionJson;
export type StandinParticipant = ParticipantJson;
export type StandinRoom = RoomStateJson;
export type { ReceivedEntry };

/**
 * Reads and self-mutes on one stand-in: its typed control client (`room`, `participant`,
 * `track`, `received`, `selfMute`, …) plus `rooms()`.
 */
export class Standin extends StandinControl {
  constructor(url: string) {
    super({ url });
  }

  async rooms(): Promise<StandinRoom[]> {
    return (await this.state()).rooms;
  }
}

/** A `data` entry's payload as text. */
export function decodePayload(entry: ReceivedEntry): string {
  if (entry.type !== 'data') throw new Error(`not a data entry: ${JSON.stringify(entry)}`);

  return Buffer.from(entry.payload, 'base64').toString('utf8');
}

/** Opens a participant row's actions menu and picks an item by its accessible name. */
export async function chooseAction(page: Page, identity: string, item: string | RegExp) {
  await page
    .getByRole('button', { name: `Actions for ${identity}`, exact: true })
    .first()
    .click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** The UI's one server action: it runs any operation of the registry by name. */
export const ACTION_NAMES = ['runOperationAction'] as const;
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

/** The body the browser posts for `runOperationAction(name, input)`: its arguments as JSON. */
export function operationActionBody(name: string, input: unknown): string {
  return JSON.stringify([name, input]);
}

/**
 * Posts a server action by hand, the way the browser does (`Next-Action` header, JSON args), with
 * the cookies of `storageState` (a file or a state) or through an existing request context.
 * Returns the raw RSC answer text.
 */
export async function postAction(options: {
  baseURL: string;
  storageState?: string | StorageState;
  request?: APIRequestContext;
  actionId: string;
  pagePath: string;
  body: string;
  headers?: Record<string, string>;
}): Promise<{ status: number; text: string }> {
  const ctx =
    options.request ??
    (await playwrightRequest.newContext({
      baseURL: options.baseURL,
      storageState: options.storageState,
    }));
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
    if (!options.request) await ctx.dispose();
  }
}

type StorageState = Exclude<
  NonNullable<Parameters<typeof playwrightRequest.newContext>[0]>['storageState'],
  undefined
>;

/** What `runOperationAction` answered: the `{ ok, data | error }` row of the RSC text. */
export function actionResult(
  text: string,
): { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } } {
  const row = /^[0-9a-f]+:(\{"ok":.*)$/m.exec(text);
  if (!row) throw new Error(`no action result in: ${text.slice(0, 300)}`);
  return JSON.parse(row[1]!) as ReturnType<typeof actionResult>;
}

export interface AuditEvent {
  action: string;
  outcome: string;
  actorName: string;
  source: string;
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
