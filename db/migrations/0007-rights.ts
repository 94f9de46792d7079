/**
 * The rights of the people recorded (issue 9): the erasure records that travel to the portal
 * and to every laptop, the lab's settings (the identity retention period), and the local log
 * of who opened or exported personal data. Frozen in time: a migration never imports
 * application code.
 */
import { sql, type Kysely } from 'kysely';

type Builder = ReturnType<Kysely<any>['schema']['createTable']>;

/** The columns every synced table has. */
function syncColumns(table: Builder): Builder {
  return table
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('synced_revision', 'integer', (c) => c.notNull().defaultTo(0));
}

export async function up(db: Kysely<any>): Promise<void> {
  // One row per erased subject; its id is the subject's id. No personal data: ids, field names, times.
  await syncColumns(
    db.schema
      .createTable('erasures')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('subject_entity', 'text', (c) => c.notNull())
      // JSON array of { entity, recordId, fields }.
      .addColumn('targets', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('request','retention')`))
      .addColumn('erased_at', 'text', (c) => c.notNull())
      .addColumn('erased_by', 'text'),
  )
    .modifyEnd(sql` strict`)
    .execute();

  await syncColumns(
    db.schema
      .createTable('lab_settings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('identity_retention_months', 'integer', (c) => c.notNull().check(sql`identity_retention_months between 1 and 120`)),
  )
    .modifyEnd(sql` strict`)
    .execute();

  // Who opened or exported personal data: the command, the record it was about, who, when.
  // Never the data itself (no name, no search text). Local to this laptop.
  await db.schema
    .createTable('access_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('command', 'text', (c) => c.notNull())
    .addColumn('record_kind', 'text')
    .addColumn('record_id', 'text')
    .modifyEnd(sql` strict`)
    .execute();
  await db.schema.createIndex('access_log_at').on('access_log').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('access_log').execute();
  await db.schema.dropTable('lab_settings').execute();
  await db.schema.dropTable('erasures').execute();
}
