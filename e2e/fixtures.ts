import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

import {
  StandinControl,
  type JoinRequest,
  type StateResponse,
  type TrackRequest,
} from '@moderato/livekit-standin/client';
import { test as base, expect, request as playwrightRequest } from '@playwright/test';
import { RoomServiceClient } from 'livekit-server-sdk';

import { E2E } from './support/ports';

/** Demo accounts (MODERATO_DEMO=1), keyed by the role name the specs use. */
export const ACCOUNTS = {
  admin: { username: 'admin', password: 'admin-demo' },
  moderator: { username: 'moderator', password: 'moderator-demo' },
  viewer: { username: 'viewer', password: 'viewer-demo' },
  acme: { username: 'acme', password: 'acme-demo' },
  globex: { username: 'globex', password: 'globex-demo' },
} as const;
export type AccountName = keyof typeof ACCOUNTS;

type StorageState = Awaited<
  ReturnType<Awaited<ReturnType<typeof playwrightRequest.newContext>>['storageState']>
>;

const AUTH_DIR = path.join(__dirname, '.auth');
const API_KEY = 'devkey';
const API_SECRET = 'secret';

/**
 * Signs in through next-auth's HTTP endpoints (no login form) and returns the cookies.
 * The real form is covered by the login spec.
 */
export async function signIn(
  baseURL: string,
  username: string,
  password: string,
): Promise<{ ok: boolean; state: StorageState }> {
  // Explicitly cookie-less: inside a test, new contexts inherit the test's storageState.
  const ctx = await playwrightRequest.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  try {
    const { csrfToken } = (await (await ctx.get('/api/auth/csrf')).json()) as { csrfToken: string };
    await ctx.post('/api/auth/callback/credentials', {
      form: { csrfToken, username, password, json: 'true', callbackUrl: `${baseURL}/rooms` },
      maxRedirects: 0,
    });
    const session = (await (await ctx.get('/api/auth/session')).json()) as { user?: unknown };

    return { ok: Boolean(session?.user), state: await ctx.storageState() };
  } finally {
    await ctx.dispose();
  }
}

async function sessionIsValid(baseURL: string, state: StorageState): Promise<boolean> {
  const ctx = await playwrightRequest.newContext({ baseURL, storageState: state });
  try {
    const res = await ctx.get('/api/auth/session');
    const session = (await res.json().catch(() => null)) as { user?: unknown } | null;

    return Boolean(session?.user);
  } finally {
    await ctx.dispose();
  }
}

/**
 * The storage state (cookies) of a signed-in demo account on the dashboard at `baseURL`. Cached per
 * account and port under e2e/.auth/ and reused while the session is still accepted.
 */
export async function loginAs(account: AccountName, baseURL: string): Promise<string> {
  const port = new URL(baseURL).port;
  const file = path.join(AUTH_DIR, `${account}-${port}.json`);
  try {
    const cached = JSON.parse(await readFile(file, 'utf8')) as StorageState;
    if (await sessionIsValid(baseURL, cached)) return file;
  } catch {
    // No usable cache: sign in below.
  }
  const { username, password } = ACCOUNTS[account];
  const { ok, state } = await signIn(baseURL, username, password);
  if (!ok) throw new Error(`Demo sign-in as ${username} failed on ${baseURL}`);
  await mkdir(AUTH_DIR, { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(tmp, JSON.stringify(state));
  await rename(tmp, file);

  return file;
}

/** The stand-in's own request and answer types, under the names the specs know. */
export type TrackSeed = TrackRequest;
export type ParticipantSeed = Omit<JoinRequest, 'room'>;
/** What `GET /standin/v1/state` answers: Twirp JSON (snake_case keys, every field present). */
export type StandinState = StateResponse;

/**
 * Seeds rooms (through the real RoomServiceClient) and simulated participants (through the
 * stand-in's control API), and deletes whatever the test created when it ends.
 */
export class LiveKitSeeder {
  readonly url: string;
  readonly control: StandinControl;
  private readonly client: RoomServiceClient;
  private readonly created = new Set<string>();

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.url = url;
    this.client = new RoomServiceClient(url, API_KEY, API_SECRET);
    this.control = new StandinControl({ url, apiKey: API_KEY, apiSecret: API_SECRET });
  }

  /** A room name unique to this test run, e.g. `room-spec-3f9a-standup`. */
  roomName(suffix: string): string {
    return `${this.prefix}-${suffix}`;
  }

  async createRoom(options: {
    name: string;
    metadata?: string;
    emptyTimeout?: number;
    departureTimeout?: number;
    maxParticipants?: number;
  }): Promise<string> {
    this.created.add(options.name);
    await this.client.createRoom({
      emptyTimeout: 600,
      departureTimeout: 60,
      ...options,
    });

    return options.name;
  }

  async addParticipant(room: string, participant: ParticipantSeed): Promise<void> {
    this.created.add(room);
    await this.control.join({ room, ...participant });
  }

  /** Creates a room and fills it in one go. */
  async seedRoom(
    name: string,
    participants: ParticipantSeed[] = [],
    options: { metadata?: string; maxParticipants?: number; emptyTimeout?: number } = {},
  ): Promise<string> {
    await this.createRoom({ name, ...options });
    for (const participant of participants) await this.addParticipant(name, participant);

    return name;
  }

  async deleteRoom(name: string): Promise<void> {
    await this.client.deleteRoom(name).catch(() => undefined);
  }

  state(): Promise<StandinState> {
    return this.control.state();
  }

  async cleanup(): Promise<void> {
    await Promise.all([...this.created].map((name) => this.deleteRoom(name)));
    this.created.clear();
  }
}

export function uniqueSuffix(): string {
  return randomBytes(3).toString('hex');
}

export function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 24);
}

type Fixtures = {
  /** Demo account whose session the page starts with; null = signed out. */
  account: AccountName | null;
  livekit: LiveKitSeeder;
  /** Storage-state file of another account, for a second browser context or request context. */
  loginAs: (account: AccountName) => Promise<string>;
};

export const test = base.extend<Fixtures>({
  account: ['admin', { option: true }],
  storageState: async ({ account, baseURL }, provide) => {
    await provide(account ? await loginAs(account, baseURL!) : { cookies: [], origins: [] });
  },
  livekit: async ({}, provide, testInfo) => {
    const seeder = new LiveKitSeeder(
      `http://127.0.0.1:${E2E.livekitPort}`,
      `${slug(testInfo.title)}-${uniqueSuffix()}`,
    );
    await provide(seeder);
    await seeder.cleanup();
  },
  loginAs: async ({ baseURL }, provide) => {
    await provide((account) => loginAs(account, baseURL!));
  },
});

export { expect };
