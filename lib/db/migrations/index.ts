import 'server-only';

import type { Migration, MigrationProvider } from 'kysely';

import type { DbKind } from '../target';
import { initialMigration } from './0001-initial';
import { auditWriteAheadMigration } from './0002-audit-write-ahead';
import { sessionsMigration } from './0003-sessions';
import { historyMigration } from './0004-history';
import { apiKeysMigration } from './0005-api-keys';
import { embedPortalsMigration } from './0006-embed-portals';
import { bansMigration } from './0007-bans';
import { microphoneRestrictionsMigration } from './0008-microphone-restrictions';
import { roomLocksMigration } from './0009-room-locks';
import { settingsMigration } from './0010-settings';
import { permissionPresetsMigration } from './0011-permission-presets';
import { participantLeavesIndexMigration } from './0012-participant-leaves-index';

/**
 * In-code migrations (no file-system scanning, so they survive bundling). Names sort
 * lexicographically = apply order; never rename or edit one that has shipped — add a new one.
 */
export function migrationProvider(kind: DbKind): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '0001_initial': initialMigration(kind),
        '0002_audit_write_ahead': auditWriteAheadMigration(),
        '0003_sessions': sessionsMigration(),
        '0004_history': historyMigration(),
        '0005_api_keys': apiKeysMigration(),
        '0006_embed_portals': embedPortalsMigration(),
        '0007_bans': bansMigration(),
        '0008_microphone_restrictions': microphoneRestrictionsMigration(),
        '0009_room_locks': roomLocksMigration(),
        '0010_settings': settingsMigration(),
        '0011_permission_presets': permissionPresetsMigration(),
        '0012_participant_leaves_index': participantLeavesIndexMigration(),
      };
    },
  };
}
