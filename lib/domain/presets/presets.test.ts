import { TrackSource } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { queryAuditEvents } from '@/lib/db/audit';
import { codeOf, startTestLiveKit, testActor, uniqueRoom, type TestLiveKit } from '@/test/standin';

import { applyPermissionPreset } from '../bulk/apply-permission-preset';
import { runOperation as run } from '../run-operation';
import { createPermissionPreset } from './create-permission-preset';
import { deletePermissionPreset } from './delete-permission-preset';
import { listPermissionPresets } from './list-permission-presets';

// Admin-defined presets: stored, scoped to the admin's tenant, and applied through the same bulk
// operation as the built-in ones, checked in the stand-in's state.
let lk: TestLiveKit;
const admin = testActor('admin');
const acmeAdmin = testActor('admin', 'acme');
const acmeModerator = testActor('moderator', 'acme');
const globexModerator = testActor('moderator', 'globex');
const moderator = testActor('moderator');

const panelist = {
  key: 'panelist',
  label: 'Panelist',
  description: 'Microphone only.',
  permission: {
    canSubscribe: true,
    canPublish: true,
    canPublishData: false,
    canPublishSources: ['MICROPHONE'],
    hidden: false,
  },
};

beforeAll(async () => {
  lk = await startTestLiveKit();
});
afterAll(async () => {
  await lk?.close();
});

const keysSeenBy = async (actor: typeof admin) =>
  (await run(listPermissionPresets, actor, {})).presets.map((p) => p.key);

describe('permission presets', () => {
  it('lists the built-in presets first, for every role', async () => {
    expect((await keysSeenBy(testActor('viewer'))).slice(0, 4)).toEqual([
      'speaker',
      'screenPresenter',
      'audience',
      'silentObserver',
    ]);
  });

  it('lets an admin define one, in their tenant; moderators cannot', async () => {
    expect(await codeOf(run(createPermissionPreset, acmeModerator, panelist))).toBe('forbidden');
    const created = await run(createPermissionPreset, acmeAdmin, panelist);
    expect(created).toMatchObject({ ...panelist, builtIn: false, tenant: 'acme' });
    expect(await keysSeenBy(acmeModerator)).toContain('panelist');
    expect(await keysSeenBy(admin)).toContain('panelist');
    // Another tenant never sees (nor applies) it.
    expect(await keysSeenBy(globexModerator)).not.toContain('panelist');
    const [row] = (await queryAuditEvents({ action: 'preset.created' })).events;
    expect(row).toMatchObject({ outcome: 'success', params: { key: 'panelist' } });
  });

  it('refuses a taken key, a built-in key and a malformed one', async () => {
    expect(await codeOf(run(createPermissionPreset, admin, panelist))).toBe('conflict');
    expect(await codeOf(run(createPermissionPreset, admin, { ...panelist, key: 'speaker' }))).toBe(
      'invalid_input',
    );
    expect(await codeOf(run(createPermissionPreset, admin, { ...panelist, key: 'Bad Key' }))).toBe(
      'invalid_input',
    );
  });

  it('applies an admin’s preset: its fields set, the others kept', async () => {
    const roomName = uniqueRoom('acme');
    await lk.rooms.createRoom({ name: roomName, metadata: JSON.stringify({ auth_id: 'acme' }) });
    await lk.join({
      room: roomName,
      identity: 'alice',
      tracks: [
        { type: 'AUDIO', source: 'MICROPHONE' },
        { type: 'VIDEO', source: 'CAMERA' },
      ],
    });
    const report = await run(applyPermissionPreset, acmeModerator, {
      roomName,
      preset: 'panelist',
    });
    expect(report.succeeded).toBe(1);
    const alice = await lk.rooms.getParticipant(roomName, 'alice');
    expect(alice.permission).toMatchObject({
      canSubscribe: true,
      canPublish: true,
      canPublishData: false,
      canPublishSources: [TrackSource.MICROPHONE],
      hidden: false,
      canUpdateMetadata: false,
    });
    // CAMERA is no longer allowed: LiveKit unpublishes it, the microphone stays.
    expect(alice.tracks.map((t) => t.source)).toEqual([TrackSource.MICROPHONE]);
    const again = await run(applyPermissionPreset, acmeModerator, { roomName, preset: 'panelist' });
    expect(again.skipped).toContainEqual({ identity: 'alice', reason: 'already Panelist' });

    expect(
      await codeOf(run(applyPermissionPreset, globexModerator, { roomName, preset: 'panelist' })),
    ).toBe('not_found');
    expect(
      await codeOf(run(applyPermissionPreset, moderator, { roomName, preset: 'nosuchpreset' })),
    ).toBe('not_found');
  });

  it('deletes an admin’s preset, never a built-in one nor another tenant’s', async () => {
    await run(createPermissionPreset, testActor('admin', 'globex'), {
      ...panelist,
      key: 'globex-stage',
    });
    expect(await codeOf(run(deletePermissionPreset, acmeAdmin, { key: 'globex-stage' }))).toBe(
      'not_found',
    );
    expect(await codeOf(run(deletePermissionPreset, admin, { key: 'speaker' }))).toBe('conflict');
    expect(await codeOf(run(deletePermissionPreset, acmeModerator, { key: 'panelist' }))).toBe(
      'forbidden',
    );
    await run(deletePermissionPreset, acmeAdmin, { key: 'panelist' });
    expect(await keysSeenBy(admin)).not.toContain('panelist');
    // An admin bound to no tenant removes any tenant's.
    await run(deletePermissionPreset, admin, { key: 'globex-stage' });
    expect(await keysSeenBy(admin)).toEqual([
      'speaker',
      'screenPresenter',
      'audience',
      'silentObserver',
    ]);
  });
});
