// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { EMBED_BOOT_GLOBAL, type EmbedSessionDto } from '@/lib/contracts/embed';

const session: EmbedSessionDto = {
  sessionToken: 'session-1',
  expiresAtMs: 1,
  actor: { name: 'a', role: 'viewer', tenant: null, rooms: null, permissions: [] },
};

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

/** What the boot script leaves on window (lib/embed/embed-boot-script.ts). */
function boot(fields: Partial<Record<string, unknown>> = {}) {
  const value = { origin: 'https://portal.example', exchanges: [], onExchange: null, reads: {} };
  Object.assign(value, fields);
  (window as unknown as Record<string, unknown>)[EMBED_BOOT_GLOBAL] = value;
  return value as {
    exchanges: Promise<Response>[];
    onExchange: ((exchange: Promise<Response>) => void) | null;
    reads: Record<string, unknown>;
  };
}

// The module keeps the latest session: each test gets a fresh copy (and its ApiError class).
const load = async () => ({ ...(await import('./embed-boot')), ...(await import('./read-json')) });

beforeEach(() => vi.resetModules());
afterEach(() => {
  delete (window as unknown as Record<string, unknown>)[EMBED_BOOT_GLOBAL];
  vi.useRealTimers();
});

describe('the embed boot handover', () => {
  it('knows no host without the boot script', async () => {
    const { embedHostOrigin, onEmbedSession, takeEarlyRead } = await load();
    expect(embedHostOrigin()).toBeNull();
    const handler = vi.fn();
    onEmbedSession(handler)();
    expect(handler).not.toHaveBeenCalled();
    expect(takeEarlyRead('/api/v1/rooms')).toBeNull();
  });

  it('hands over the exchanges started before and after, each read once', async () => {
    const state = boot({ exchanges: [json(session)] });
    const { embedHostOrigin, onEmbedSession, isApiError } = await load();
    expect(embedHostOrigin()).toBe('https://portal.example');
    const sessions: Promise<EmbedSessionDto>[] = [];
    const stop = onEmbedSession((s) => sessions.push(s));
    expect(sessions).toHaveLength(1);
    await expect(sessions[0]).resolves.toEqual(session);

    state.onExchange?.(json({ error: { code: 'unauthenticated', message: 'Replayed.' } }, 401));
    expect(sessions).toHaveLength(2);
    const refused = await sessions[1]!.catch((err: unknown) => err);
    expect(isApiError(refused, 'unauthenticated')).toBe(true);

    stop();
    expect(state.onExchange).toBeNull();
  });

  it('gives a frame mounted again the session a token already bought', async () => {
    boot({ exchanges: [json(session)] });
    const { onEmbedSession } = await load();
    onEmbedSession(() => {})();
    const again = vi.fn();
    onEmbedSession(again);
    expect(again).toHaveBeenCalledTimes(1);
    await expect(again.mock.calls[0]![0]).resolves.toEqual(session);
  });

  it('uses an early read once, and only while it is fresh', async () => {
    vi.useFakeTimers();
    const rooms = json({ rooms: [] });
    const presets = json({ presets: [] });
    boot({
      reads: {
        '/api/v1/rooms': { atMs: Date.now(), response: rooms },
        '/api/v1/permission-presets': { atMs: Date.now(), response: presets },
      },
    });
    const { takeEarlyRead } = await load();
    expect(takeEarlyRead('/api/v1/rooms')).toBe(rooms);
    expect(takeEarlyRead('/api/v1/rooms')).toBeNull();

    vi.advanceTimersByTime(5_001);
    expect(takeEarlyRead('/api/v1/permission-presets')).toBeNull();
  });
});
