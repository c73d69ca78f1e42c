/**
 * Test helpers for domain integration tests: a stand-in per test file, the dashboard's env pointed
 * at it, and the stand-in's typed control client to join simulated participants.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startStandin, type Standin, type StandinOptions } from '@moderato/livekit-standin';
import {
  StandinControl,
  type JoinRequest,
  type ParticipantJson,
  type ReceivedEntry,
  type StateResponse,
} from '@moderato/livekit-standin/client';
import { RoomServiceClient } from 'livekit-server-sdk';

import { actorWithRole, type Actor } from '@/lib/domain/actor';
import { DomainError } from '@/lib/domain/errors';

export const API_KEY = 'devkey';
export const API_SECRET = 'secret';

export type StandinState = StateResponse;
export type { ReceivedEntry };

export interface TestLiveKit {
  standin: Standin;
  rooms: RoomServiceClient;
  control: StandinControl;
  join(body: JoinRequest): Promise<ParticipantJson>;
  state(): Promise<StandinState>;
  close(): Promise<void>;
}

/** Starts a stand-in and points the dashboard's env (LIVEKIT_*, data dir) at it. */
export async function startTestLiveKit(options: StandinOptions = {}): Promise<TestLiveKit> {
  const standin = await startStandin({ port: 0, stallMs: 100, ...options });
  process.env.LIVEKIT_URL = standin.url;
  process.env.LIVEKIT_API_KEY = API_KEY;
  process.env.LIVEKIT_API_SECRET = API_SECRET;
  process.env.MODERATO_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'moderato-test-'));
  const control = new StandinControl({ url: standin.url, apiKey: API_KEY, apiSecret: API_SECRET });
  return {
    standin,
    rooms: new RoomServiceClient(standin.url, API_KEY, API_SECRET),
    control,
    join: (body) => control.join(body),
    state: () => control.state(),
    close: () => standin.close(),
  };
}

export function testActor(role: Actor['role'], tenant: string | null = null): Actor {
  return actorWithRole({
    userId: `test-${role}`,
    username: `test-${role}`,
    name: role,
    role,
    tenant,
    source: 'ui',
  });
}

let counter = 0;
/** Unique room names so files and tests never share state. */
export function uniqueRoom(prefix = 'room'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/** What the stand-in sent one simulated participant (data, mute requests, leave…). */
export function received(
  lk: TestLiveKit,
  roomName: string,
  identity: string,
): Promise<ReceivedEntry[]> {
  return lk.control.received(roomName, identity);
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
