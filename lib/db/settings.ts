import 'server-only';

import { getDb } from './index';

/** Settings admins change from the dashboard; each name's value is its own module's business. */
export type SettingName = 'join_link_template';

/** The scope of a setting for every tenant; otherwise a scope is a tenant's `auth_id`. */
export const EVERY_TENANT = '';

export interface StoredSetting {
  name: SettingName;
  scope: string;
  value: string;
  updatedBy: string;
  updatedAtMs: number;
}

export async function findSetting(name: SettingName, scope: string): Promise<StoredSetting | null> {
  const db = await getDb();
  const row = await db
    .selectFrom('settings')
    .selectAll()
    .where('name', '=', name)
    .where('scope', '=', scope)
    .executeTakeFirst();
  if (!row) return null;
  return {
    name,
    scope: row.scope,
    value: row.value,
    updatedBy: row.updated_by,
    updatedAtMs: Number(row.updated_at),
  };
}

/** Sets (or replaces) a setting's value in one scope. */
export async function saveSetting(setting: StoredSetting): Promise<void> {
  const db = await getDb();
  const values = {
    value: setting.value,
    updated_by: setting.updatedBy,
    updated_at: setting.updatedAtMs,
  };
  await db
    .insertInto('settings')
    .values({ name: setting.name, scope: setting.scope, ...values })
    .onConflict((oc) => oc.columns(['name', 'scope']).doUpdateSet(values))
    .execute();
}

/** Removes a setting from one scope (the next wider scope, or the default, applies again). */
export async function deleteSetting(name: SettingName, scope: string): Promise<boolean> {
  const db = await getDb();
  const result = await db
    .deleteFrom('settings')
    .where('name', '=', name)
    .where('scope', '=', scope)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
