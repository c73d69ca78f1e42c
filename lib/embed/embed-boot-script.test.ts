import { describe, expect, it, vi } from 'vitest';

import { EMBED_BOOT_GLOBAL, EMBED_PROTOCOL, EMBED_PROTOCOL_VERSION } from '@/lib/contracts/embed';

import { embedBootScript } from './embed-boot-script';

const HOST = 'https://portal.example';

interface Boot {
  origin: string;
  exchanges: Promise<Response>[];
  reads: Record<string, { response: Promise<Response> }>;
}

/** Runs the script against a stand-in window: framed by `ancestor`, or not framed at all. */
function run({ ancestor, referrer = '' }: { ancestor?: string; referrer?: string }) {
  const parent = { postMessage: vi.fn() };
  const listeners: ((event: unknown) => void)[] = [];
  const window: Record<string, unknown> = {
    addEventListener: (type: string, listener: (event: unknown) => void) => {
      if (type === 'message') listeners.push(listener);
    },
  };
  window.parent = ancestor === undefined && !referrer ? window : parent;
  const fetch = vi.fn((path: string) =>
    Promise.resolve(
      new Response(JSON.stringify(path === '/api/embed/session' ? { sessionToken: 's-1' } : {}), {
        status: 200,
      }),
    ),
  );
  const location = { ancestorOrigins: ancestor ? [ancestor] : [] };
  const script = embedBootScript({
    allowedOrigins: [HOST],
    reads: ['/api/v1/rooms/a', '/api/v1/rooms/a/participants'],
  });
  new Function('window', 'location', 'document', 'fetch', script)(
    window,
    location,
    { referrer },
    fetch,
  );
  const send = (data: unknown, from: { source?: unknown; origin?: string } = {}) =>
    listeners.forEach((l) =>
      l({ source: from.source ?? parent, origin: from.origin ?? HOST, data }),
    );
  return { window, parent, fetch, send, boot: () => window[EMBED_BOOT_GLOBAL] as Boot | undefined };
}

const token = (value: string) => ({
  protocol: EMBED_PROTOCOL,
  version: EMBED_PROTOCOL_VERSION,
  type: 'token',
  token: value,
});

describe('the embed boot script', () => {
  it('does nothing outside a frame, or framed by an origin the portal does not allow', () => {
    for (const page of [run({}), run({ ancestor: 'https://intruder.example' })]) {
      expect(page.boot()).toBeUndefined();
      expect(page.parent.postMessage).not.toHaveBeenCalled();
    }
  });

  it('says ready to the host’s origin only, found by ancestorOrigins or else the referrer', () => {
    for (const page of [run({ ancestor: HOST }), run({ referrer: `${HOST}/some/page` })]) {
      expect(page.boot()?.origin).toBe(HOST);
      expect(page.parent.postMessage).toHaveBeenCalledWith(
        { protocol: EMBED_PROTOCOL, version: EMBED_PROTOCOL_VERSION, type: 'ready' },
        HOST,
      );
    }
  });

  it('exchanges tokens from the host only, and starts the first reads with the first session', async () => {
    const page = run({ ancestor: HOST });
    page.send(token('from-elsewhere'), { origin: 'https://intruder.example' });
    page.send(token('from-another-window'), { source: {} });
    page.send({ ...token('old-protocol'), version: EMBED_PROTOCOL_VERSION + 1 });
    page.send({ type: 'token', token: 'no-protocol' });
    expect(page.fetch).not.toHaveBeenCalled();

    page.send(token('t-1'));
    expect(page.fetch).toHaveBeenCalledWith(
      '/api/embed/session',
      expect.objectContaining({ method: 'POST', body: JSON.stringify({ token: 't-1' }) }),
    );
    expect(page.boot()?.exchanges).toHaveLength(1);
    await vi.waitFor(() => expect(Object.keys(page.boot()!.reads)).toHaveLength(2));
    expect(page.fetch).toHaveBeenCalledWith('/api/v1/rooms/a/participants', {
      headers: { accept: 'application/json', authorization: 'Embed s-1' },
      cache: 'no-store',
    });

    // A later token (a renewal) is exchanged too, with no second round of reads.
    page.send(token('t-2'));
    expect(page.boot()?.exchanges).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(page.fetch).toHaveBeenCalledTimes(4);
  });

  it('cannot be closed early by what it inlines', () => {
    const script = embedBootScript({ allowedOrigins: [HOST], reads: ['/x</script><b>'] });
    expect(script).not.toContain('</script>');
  });
});
