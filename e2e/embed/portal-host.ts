import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { SignJWT } from 'jose';

/** The claims a portal's backend puts in an embed token (docs/embedding.md). */
export interface EmbedClaims {
  sub: string;
  name?: string;
  role: 'viewer' | 'moderator' | 'admin';
  auth_id?: string | null;
  rooms: '*' | string[];
}

export interface PortalKey {
  portalId: string;
  secret: string;
}

/** Mints an embed token the way a portal's backend does, with jose (docs/embedding.md). */
export async function mintEmbedToken(
  key: PortalKey,
  claims: EmbedClaims,
  options: { ttlSeconds?: number; issuedAt?: number; jti?: string } = {},
): Promise<string> {
  const iat = options.issuedAt ?? Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', kid: key.portalId })
    .setSubject(claims.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.ttlSeconds ?? 300))
    .setJti(options.jti ?? randomUUID())
    .sign(new TextEncoder().encode(key.secret));
}

/**
 * A portal's web server on another site than Moderato (`localhost` vs `127.0.0.1`: another
 * site, so the iframe is third-party). It serves a page that embeds `embedPath` with Moderato's
 * /embed.js, lists the events the embed reports, and answers `GET /token` with a fresh token
 * minted by its "backend", as a real portal would.
 */
export class PortalHost {
  private server: Server | undefined;
  /** How many tokens the page asked for (the first, then each refresh). */
  tokensIssued = 0;

  constructor(
    private readonly options: {
      moderatoUrl: string;
      /** The /embed/… page to frame, and the portal's key: set by `usePortal` once it exists. */
      embedPath?: string;
      key?: PortalKey;
      claims: EmbedClaims;
      ttlSeconds?: number;
      /** What /token answers instead of a good token (to show a refusal). */
      badToken?: string;
    },
  ) {}

  /** The portal needs this host's origin to exist; the host then needs the portal's key. */
  usePortal(key: PortalKey, embedPath: string): void {
    this.options.key = key;
    this.options.embedPath = embedPath;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      if (req.url === '/token') {
        this.tokensIssued += 1;
        const token = this.options.badToken
          ? Promise.resolve(this.options.badToken)
          : mintEmbedToken(this.options.key!, this.options.claims, {
              ttlSeconds: this.options.ttlSeconds,
            });
        void token.then((value) => {
          res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
          res.end(value);
        });
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(this.page());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  /** The page's origin: `localhost`, a different site from Moderato's `127.0.0.1`. */
  get origin(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://localhost:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private page(): string {
    const { moderatoUrl, embedPath } = this.options;
    return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Acme portal</title></head>
<body>
  <h1>Acme portal</h1>
  <div id="moderato"></div>
  <h2>Moderato events</h2>
  <ul id="events" aria-label="Moderato events"></ul>
  <script src="${moderatoUrl}/embed.js"></script>
  <script>
    // When the iframe was asked for: what bench/embed.ts measures from.
    window.moderatoEmbedAt = performance.now();
    const embed = Moderato.embed({
      element: '#moderato',
      url: ${JSON.stringify(embedPath ?? '')},
      title: 'Moderato',
      getToken: () => fetch('/token').then((r) => r.text()),
    });
    embed.on('*', (detail, type) => {
      const item = document.createElement('li');
      item.textContent = type + ' ' + JSON.stringify(detail);
      item.dataset.atMs = String(Math.round(performance.now() - window.moderatoEmbedAt));
      document.getElementById('events').append(item);
    });
  </script>
</body>
</html>`;
  }
}
