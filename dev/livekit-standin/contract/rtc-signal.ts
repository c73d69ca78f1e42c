/**
 * Raw signal-path helpers for the real-client contract tests: what a WebSocket upgrade of `/rtc`
 * answers before any WebRTC happens (a refusal, or the first SignalResponse), and tokens for
 * joining. The full client lives in `src/client/rtc-client.ts`.
 */
import { JoinRequest, SignalResponse, WrappedJoinRequest } from '@livekit/protocol';
import WebSocket from 'ws';
import type { VideoGrant } from 'livekit-server-sdk';
import { signalUrl } from '../src/client/rtc-client';
import type { Target } from './harness';

export type UpgradeResult =
  | { kind: 'refused'; status: number; body: string }
  | { kind: 'opened'; first: SignalResponse; closed: Promise<void> };

/** Opens `/rtc` with `extra` query parameters and reports the refusal or the first message. */
export function upgradeLegacy(
  url: string,
  token: string,
  extra: Record<string, string> = {},
): Promise<UpgradeResult> {
  const ws = new WebSocket(signalUrl({ url, token }, extra), { perMessageDeflate: false });
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          kind: 'refused',
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    ws.once('message', (bytes: Buffer) => {
      resolve({ kind: 'opened', first: SignalResponse.fromBinary(bytes), closed });
      ws.close();
    });
    ws.once('error', reject);
  });
}

/**
 * A `/rtc/v1` `join_request` parameter: base64url of an uncompressed WrappedJoinRequest. The join
 * request must not be empty: an empty one encodes to an empty parameter, which counts as missing.
 */
export function joinRequestParam(): string {
  const join = new JoinRequest({ connectionSettings: { autoSubscribe: true } });
  const wrapped = new WrappedJoinRequest({ joinRequest: join.toBinary() });
  return Buffer.from(wrapped.toBinary()).toString('base64url');
}

/** A join token for `identity` in `room` with the token's display `name`. */
export async function joinToken(
  t: Target,
  room: string,
  identity: string,
  grant: Partial<VideoGrant> = {},
): Promise<string> {
  return t.token({ roomJoin: true, room, ...grant }, { identity, name: nameOf(identity) });
}

/** The display name `joinToken` gives an identity. */
export const nameOf = (identity: string): string => `${identity} (display)`;
