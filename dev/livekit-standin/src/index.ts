import type { AddressInfo } from 'node:net';
import { Authenticator } from './auth';
import { signJwt } from './jwt';
import { SignalEndpoint } from './rtc/signal-endpoint';
import { NEGOTIATION_FAILED_TIMEOUT_MS } from './rtc/subscriber-offers';
import { ControlApi } from './control';
import { createHttpServer } from './server';
import { seedDemo } from './seed/demo';
import { agentDispatchService } from './services/agent-dispatch';
import { Staller, type ServiceDeps } from './services/deps';
import { egressService } from './services/egress';
import { ingressService } from './services/ingress';
import { roomService } from './services/room-service';
import { sipService } from './services/sip';
import { startSimulation } from './simulate';
import { StandinState } from './state/store';
import { WebhookNotifier } from './webhooks/notifier';

/*
 * CAUTION: the LiveKit stand-in is for development and testing only. Its control API can rewrite
 * everything and its WebRTC signalling trusts any token signed with its keys. Never expose it.
 */

export interface StandinOptions {
  port?: number; // default 7880; 0 = random free port
  bind?: string; // default '127.0.0.1'
  keys?: Record<string, string>; // apiKey -> secret; default { devkey: 'secret' }
  webhooks?: string[]; // URLs
  webhookApiKey?: string; // key that signs webhooks; default: first key
  webhookRetryBaseMs?: number; // default 1000
  remoteUnmute?: boolean; // room.enable_remote_unmute
  cloud?: boolean; // LiveKit Cloud behaviour for Move/Forward
  seed?: 'demo' | 'none'; // default 'none'
  simulate?: boolean;
  control?: boolean; // default true
  egress?: boolean; // simulate Redis-backed egress/ingress; default false
  stallMs?: number; // psrpc no-responder delay; default 3000
  negotiationTimeoutMs?: number; // unanswered subscriber offer → full reconnect; default 15000
  maxBodyBytes?: number; // default 10 MiB
  log?: (line: string) => void; // default: silent
}

export interface Standin {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_KEYS: Readonly<Record<string, string>> = { devkey: 'secret' };

export async function startStandin(options: StandinOptions = {}): Promise<Standin> {
  const keys = options.keys && Object.keys(options.keys).length > 0 ? options.keys : DEFAULT_KEYS;
  const log = options.log ?? (() => undefined);
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const webhookApiKey = options.webhookApiKey ?? Object.keys(keys)[0]!;
  const webhookSecret = keys[webhookApiKey];
  if (options.webhooks?.length && webhookSecret === undefined) {
    // The real server refuses to start without a usable webhook key (§5.1).
    throw new Error('api_key is required to use webhooks');
  }

  const notifier = new WebhookNotifier({
    urls: options.webhooks ?? [],
    apiKey: webhookApiKey,
    secret: webhookSecret ?? '',
    retryBaseMs: options.webhookRetryBaseMs ?? 1000,
    log,
  });
  const state = new StandinState(notifier);
  const staller = new Staller(options.stallMs ?? 3000);
  const deps: ServiceDeps = {
    state,
    remoteUnmute: options.remoteUnmute ?? false,
    cloud: options.cloud ?? false,
    egress: options.egress ?? false,
    stall: staller.stall,
  };
  const signal = new SignalEndpoint({
    state,
    // A moved client continues with a token for its new room, signed with the key of its own.
    signToken: (claims) => signJwt(claims, keys[claims.iss] ?? ''),
    negotiationTimeoutMs: options.negotiationTimeoutMs ?? NEGOTIATION_FAILED_TIMEOUT_MS,
    log,
  });
  const server = createHttpServer({
    authenticator: new Authenticator(keys),
    signal,
    services: {
      RoomService: roomService(deps),
      AgentDispatchService: agentDispatchService(deps),
      Egress: egressService(deps),
      Ingress: ingressService(deps),
      SIP: sipService(),
    },
    control:
      options.control === false ? undefined : new ControlApi(state, deps.egress, maxBodyBytes),
    maxBodyBytes,
    cloud: deps.cloud,
    log,
  });

  const bind = options.bind ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 7880, bind, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = bind.includes(':') ? `[${bind}]` : bind;

  if (options.seed === 'demo') seedDemo(state);
  // The server's CloseIfEmpty sweep runs once per second (§4.2).
  const sweeper = setInterval(() => state.closeIdleRooms(), 1000);
  sweeper.unref();
  const simulation = options.simulate ? startSimulation(state, log) : undefined;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      (closing ??= (async () => {
        clearInterval(sweeper);
        simulation?.stop();
        staller.flush();
        signal.close();
        await notifier.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })()),
  };
}
