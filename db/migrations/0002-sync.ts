/**
 * What the sync client needs locally: the portal revision each record is based on, the base
 * revision and conflict resolutions carried by each outbox entry, and the portal's open
 * conflicts shown for a person to resolve. Frozen in time: imports no application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The portal revision the local copy is based on (0: never seen from the portal).
  await db.schema
    .alterTable('workshops')
    .addColumn('synced_revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Captured when the change is written, so that several edits before a sync share their base.
  await db.schema.alterTable('outbox').addColumn('base_revision', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // JSON array of the fields whose conflict this change settles, or null.
  await db.schema.alterTable('outbox').addColumn('resolves', 'text').execute();

  await db.schema
    .createTable('sync_conflicts')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    /** JSON array of { value, deviceId, capturedAt }. */
    .addColumn('candidates', 'text', (c) => c.notNull())
    .addColumn('winner', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_conflicts_pk', ['entity', 'record_id', 'field'])
    .modifyEnd(sql` strict`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sync_conflicts').execute();
  await db.schema.alterTable('outbox').dropColumn('resolves').execute();
  await db.schema.alterTable('outbox').dropColumn('base_revision').execute();
  await db.schema.alterTable('workshops').dropColumn('synced_revision').execute();
}
