import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestLiveKit, testActor, type TestLiveKit } from '@/test/standin';

import { runOperation } from '../run-operation';
import { getLiveKitStatus } from './get-livekit-status';

// Two servers at once: each is asked about itself, keyed by its URL.
let selfHosted: TestLiveKit;
let cloud: TestLiveKit;
const viewer = testActor('viewer');

beforeAll(async () => {
  cloud = await startTestLiveKit({ cloud: true });
  selfHosted = await startTestLiveKit();
});

afterAll(async () => {
  await Promise.all([selfHosted?.close(), cloud?.close()]);
});

async function moveCapabilityOf(lk: TestLiveKit) {
  process.env.LIVEKIT_URL = lk.standin.url;
  const status = await runOperation(getLiveKitStatus, viewer, {});
  expect(status.state).toBe('ok');

  return status.capabilities.moveParticipant;
}

describe('the Move/Forward capability, before anyone tries', () => {
  it('is unsupported on a self-hosted server, learnt from the first status check', async () => {
    expect(await moveCapabilityOf(selfHosted)).toBe('unsupported');
  });

  it('is supported on LiveKit Cloud', async () => {
    expect(await moveCapabilityOf(cloud)).toBe('supported');
  });

  it('stays unknown while the server cannot be asked', async () => {
    process.env.LIVEKIT_URL = 'http://127.0.0.1:9'; // discard port: connection refused
    try {
      const status = await runOperation(getLiveKitStatus, viewer, {});
      expect(status).toMatchObject({
        state: 'unreachable',
        capabilities: { moveParticipant: 'unknown' },
      });
    } finally {
      process.env.LIVEKIT_URL = selfHosted.standin.url;
    }
  });
});
