/**
 * Test helpers for domain integration tests: a stand-in per test file, the dashboard's env pointed
 * at it, and a control-API client to join simulated participants.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';

import { startStandin, type Standin, type StandinOptions } from '@/dev/livekit-standin/src/index';
import type { Actor } from '@/lib/domain/actor';
import { DomainError } from '@/lib/domain/errors';

export const API_KEY = 'devkey';
export const API_SECRET = 'secret';

export interface TestLiveKit {
  standin: Standin;
  rooms: RoomServiceClient;
  join(body: Record<string, unknown>): Promise<Record<string, unknown>>;
  state(): Promise<StandinState>;
  close(): Promise<void>;
}

export interface StandinState {
  rooms: { room: { name: string; metadata: string }; participants: { identity: string }[] }[];
}

/** Starts a stand-in and points the dashboard's env (LIVEKIT_*, data dir) at it. */
export async function startTestLiveKit(options: StandinOptions = {}): Promise<TestLiveKit> {
  const standin = await startStandin({ port: 0, stallMs: 100, ...options });
  process.env.LIVEKIT_URL = standin.url;
  process.env.LIVEKIT_API_KEY = API_KEY;
  process.env.LIVEKIT_API_SECRET = API_SECRET;
  process.env.MODERATO_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'moderato-test-'));
  const control = async (method: string, route: string, body?: unknown) => {
    const token = await new AccessToken(API_KEY, API_SECRET, { identity: 'tests' }).toJwt();
    const res = await fetch(`${standin.url}${route}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${route} → ${res.status} ${await res.text()}`);
    return res.json();
  };
  return {
    standin,
    rooms: new RoomServiceClient(standin.url, API_KEY, API_SECRET),
    join: (body) => control('POST', '/standin/v1/participants', body),
    state: () => control('GET', '/standin/v1/state'),
    close: () => standin.close(),
  };
}

export function testActor(role: Actor['role'], tenant: string | null = null): Actor {
  return {
    userId: `test-${role}`,
    username: `test-${role}`,
    name: role,
    role,
    tenant,
    source: 'ui',
  };
}

let counter = 0;
/** Unique room names so files and tests never share state. */
export function uniqueRoom(prefix = 'room'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

export interface ReceivedEntry {
  type: string;
  at: number;
  [key: string]: unknown;
}

/** What the stand-in sent one simulated participant (data, mute requests, leave…). */
export async function received(
  lk: TestLiveKit,
  roomName: string,
  identity: string,
): Promise<ReceivedEntry[]> {
  const token = await new AccessToken(API_KEY, API_SECRET, { identity: 'tests' }).toJwt();
  const route = `/standin/v1/participants/${encodeURIComponent(roomName)}/${encodeURIComponent(identity)}/received`;
  const res = await fetch(`${lk.standin.url}${route}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`GET ${route} → ${res.status}`);
  const body = (await res.json()) as { received?: ReceivedEntry[] } | ReceivedEntry[];
  return Array.isArray(body) ? body : (body.received ?? []);
}

/** The DomainError code a domain call ends with ('resolved' when it succeeds). */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    return err instanceof DomainError ? err.code : `unexpected: ${String(err)}`;
  }
}
