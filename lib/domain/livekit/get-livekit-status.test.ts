import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { startTestLiveKit, testActor, type TestLiveKit } from '@/test/standin';

import { runOperation as run } from '../run-operation';
import { listRooms } from '../rooms/list-rooms';

import { getLiveKitStatus } from './get-livekit-status';

// LiveKit's address is deployment detail: admins see it, no other role does, in no message.
let lk: TestLiveKit;
const DOWN = '127.0.0.1:9'; // the discard port: connection refused

beforeAll(async () => {
  lk = await startTestLiveKit();
});

afterAll(async () => {
  await lk?.close();
});

describe('LiveKit address', () => {
  it('is shown to admins only, and kept in the server log', async () => {
    const url = process.env.LIVEKIT_URL!;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    process.env.LIVEKIT_URL = `http://${DOWN}`;
    try {
      const forAdmin = await run(getLiveKitStatus, testActor('admin'), {});
      expect(forAdmin).toMatchObject({ state: 'unreachable', host: DOWN });
      for (const role of ['viewer', 'moderator'] as const) {
        const status = await run(getLiveKitStatus, testActor(role), {});
        expect(status).toMatchObject({ state: 'unreachable', host: null });
        expect(JSON.stringify(status)).not.toContain('127.0.0.1');
      }
      // Nor in the message of any other operation's error.
      const err = await run(listRooms, testActor('viewer'), {}).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'upstream_unavailable' });
      expect((err as Error).message).not.toContain('127.0.0.1');
      expect(String((err as Error).cause)).toContain(DOWN);
      expect(warn.mock.calls.flat().join(' ')).toContain(DOWN);
    } finally {
      process.env.LIVEKIT_URL = url;
      warn.mockRestore();
    }
  });

  it('is null for non-admins while LiveKit is up, too', async () => {
    expect(await run(getLiveKitStatus, testActor('viewer'), {})).toMatchObject({
      state: 'ok',
      host: null,
    });
    expect((await run(getLiveKitStatus, testActor('admin'), {})).host).toBe(
      new URL(process.env.LIVEKIT_URL!).host,
    );
  });
});
