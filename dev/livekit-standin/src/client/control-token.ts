import { AccessToken } from 'livekit-server-sdk';

/** The control API accepts any token signed with one of the stand-in's keys, whatever its grants. */
const TTL_SECONDS = 10 * 60;
/** Re-signed this long before expiry so a token never lapses between signing and the request. */
const RENEW_MARGIN_MS = 60_000;

/**
 * Signs control tokens and reuses one until shortly before it expires: benchmarks and polling
 * helpers call the control API in tight loops, where signing per request would be measured too.
 */
export class ControlTokenSigner {
  private current: { jwt: Promise<string>; renewAt: number } | undefined;

  constructor(
    private readonly apiKey: string,
    private readonly apiSecret: string,
  ) {}

  token(): Promise<string> {
    const now = Date.now();
    if (!this.current || now >= this.current.renewAt) {
      const jwt = new AccessToken(this.apiKey, this.apiSecret, {
        identity: 'standin-control',
        ttl: TTL_SECONDS,
      }).toJwt();
      const current = { jwt, renewAt: now + TTL_SECONDS * 1000 - RENEW_MARGIN_MS };
      // A failed signing must not be cached for ten minutes.
      jwt.catch(() => {
        if (this.current === current) this.current = undefined;
      });
      this.current = current;
    }
    return this.current.jwt;
  }
}
