import { AccessToken, type VideoGrant } from 'livekit-server-sdk';

/** The stand-in's dev key pair (playwright.clients.config.ts starts it with these). */
export const API_KEY = 'devkey';
export const API_SECRET = 'secret';

export interface TokenOptions {
  roomName: string;
  identity: string;
  name?: string;
  metadata?: string;
  attributes?: Record<string, string>;
  /** Merged over the default join grant (roomJoin on `roomName`, publish, subscribe, data). */
  grants?: Partial<VideoGrant>;
  /** Signs with another secret: a token the server must refuse. */
  secret?: string;
}

/** A participant's join token, minted like an app server mints it with livekit-server-sdk. */
export function mintToken(options: TokenOptions): Promise<string> {
  const token = new AccessToken(API_KEY, options.secret ?? API_SECRET, {
    identity: options.identity,
    name: options.name,
    metadata: options.metadata,
    attributes: options.attributes,
    ttl: '10m',
  });
  token.addGrant({
    roomJoin: true,
    room: options.roomName,
    canPublish: true,
    canSubscribe: true,
    canPublishData: true,
    ...options.grants,
  });

  return token.toJwt();
}
