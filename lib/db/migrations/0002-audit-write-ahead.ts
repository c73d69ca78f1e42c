import 'server-only';

import type { Kysely, Migration } from 'kysely';

/**
 * Write-ahead audit: every write is inserted as `pending` and settled afterwards, and the start-up
 * reconciliation looks for rows left `pending`. Outcomes need no column change (they are text);
 * what changes is how rows are found: `(outcome, id)` makes that look-up, and the audit page's
 * outcome filter (newest first by id), an index range instead of a scan of the whole log.
 */
export function auditWriteAheadMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('audit_events_outcome_id_idx')
        .on('audit_events')
        .columns(['outcome', 'id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('audit_events_outcome_id_idx').execute();
    },
  };
}
