import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { closeDb, openDb } from './index';
import {
  deletePermissionPreset,
  findPermissionPreset,
  insertPermissionPreset,
  listPermissionPresets,
  type NewPermissionPreset,
} from './permission-presets';
import { testStores, type TestStore } from './test-stores';
import { isUniqueViolation } from './unique-violation';

const T0 = 1_700_000_000_000;

const preset = (overrides: Partial<NewPermissionPreset>): NewPermissionPreset => ({
  key: 'panelist',
  label: 'Panelist',
  description: 'Microphone only.',
  permission: {
    canSubscribe: true,
    canPublish: true,
    canPublishData: true,
    canPublishSources: ['MICROPHONE'],
    hidden: false,
  },
  tenant: 'acme',
  createdBy: 'admin',
  createdAtMs: T0,
  ...overrides,
});

describe.each(testStores())('permission presets on $kind', ({ store: makeStore }) => {
  let store: TestStore;

  beforeAll(async () => {
    store = makeStore();
    await openDb(await store.create());
  });

  afterAll(async () => {
    await closeDb();
    await store.destroy();
  });

  it('stores a preset and reads it back, permission and time as values', async () => {
    const stored = await insertPermissionPreset(preset({}));
    expect(stored).toEqual({
      key: 'panelist',
      label: 'Panelist',
      description: 'Microphone only.',
      permission: preset({}).permission,
      builtIn: false,
      tenant: 'acme',
      createdBy: 'admin',
      createdAtMs: T0,
    });
    expect(await findPermissionPreset('panelist')).toEqual(stored);
    expect(await findPermissionPreset('nobody')).toBeNull();
  });

  it('refuses a second preset with a taken key', async () => {
    const error = await insertPermissionPreset(preset({ label: 'Other' })).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('lists presets oldest first and deletes one by key', async () => {
    await insertPermissionPreset(preset({ key: 'stage', tenant: null, createdAtMs: T0 + 1 }));
    expect((await listPermissionPresets()).map((p) => p.key)).toEqual(['panelist', 'stage']);
    expect(await deletePermissionPreset('panelist')).toBe(true);
    expect(await deletePermissionPreset('panelist')).toBe(false);
    expect((await listPermissionPresets()).map((p) => p.key)).toEqual(['stage']);
  });
});
