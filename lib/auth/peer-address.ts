import 'server-only';

import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Request header carrying the TCP peer's address into route handlers. Next's route handlers never
 * see the socket, and the `x-forwarded-for` Next fills in keeps whatever the client sent, so the
 * only trustworthy source is the Node server itself: Node publishes every request on this channel
 * before Next sees it, and we overwrite the header there (a client-sent value never survives).
 */
export const PEER_ADDRESS_HEADER = 'x-moderato-peer-address';

type Holder = typeof globalThis & { __moderatoPeerAddressHook?: boolean };
const holder = globalThis as Holder;

interface RequestStart {
  request: IncomingMessage;
  socket: Socket;
}

function stamp(message: unknown): void {
  const { request, socket } = message as RequestStart;
  const address = socket?.remoteAddress;
  if (address) request.headers[PEER_ADDRESS_HEADER] = address;
  else delete request.headers[PEER_ADDRESS_HEADER];
}

/** Called once at server start (instrumentation.ts). Idempotent. */
export function recordPeerAddresses(): void {
  if (holder.__moderatoPeerAddressHook) return;
  diagnosticsChannel.subscribe('http.server.request.start', stamp);
  holder.__moderatoPeerAddressHook = true;
}

/** Whether PEER_ADDRESS_HEADER can be believed (set by us, not by whoever sent the request). */
export function peerAddressesRecorded(): boolean {
  return holder.__moderatoPeerAddressHook === true;
}
