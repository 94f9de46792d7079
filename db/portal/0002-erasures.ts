/**
 * The records an erasure wiped (issue 9), and which of their fields: every change that reaches
 * the portal afterwards for one of them has those fields set to null before anything else
 * looks at it, so a laptop that had not yet heard of the erasure cannot bring a name back.
 * Ids and field names only. Frozen in time: a migration never imports application code.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('erased_records')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    // JSON array of field names.
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('erasure_id', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('erased_records_pk', ['entity', 'record_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('erased_records').execute();
}
