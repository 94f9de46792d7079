/**
 * La Transfo's training (issue 11): the modules of a cohort (one method of design thinking
 * each), the sessions (a `la_transfo_training` workshop's days and the modules each covered)
 * and the agents' attendance day by day. Frozen in time: a migration never imports
 * application code.
 *
 * No unique index on (session, day, candidate): two lab desktops may each record the same day
 * before they sync; the service updates the live row it finds, the matrix reads the latest.
 */
import { sql, type Kysely } from 'kysely';

type Builder = ReturnType<Kysely<any>['schema']['createTable']>;

function syncColumns(table: Builder): Builder {
  return table
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('synced_revision', 'integer', (c) => c.notNull().defaultTo(0));
}

export async function up(db: Kysely<any>): Promise<void> {
  await syncColumns(
    db.schema
      .createTable('transfo_modules')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('objectives', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull()),
  )
    .modifyEnd(sql` strict`)
    .execute();
  await sql`create index transfo_modules_campaign on transfo_modules (campaign_id, sort_order) where deleted_at is null`.execute(db);

  await syncColumns(
    db.schema
      .createTable('transfo_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workshop_id', 'text', (c) => c.notNull())
      .addColumn('campaign_id', 'text', (c) => c.notNull())
      // JSON arrays: the days ({ date, moduleIds }), the facilitators', the designers' names.
      .addColumn('days', 'text', (c) => c.notNull())
      .addColumn('facilitators', 'text', (c) => c.notNull())
      .addColumn('resident_designers', 'text', (c) => c.notNull()),
  )
    .modifyEnd(sql` strict`)
    .execute();
  await sql`create index transfo_sessions_campaign on transfo_sessions (campaign_id) where deleted_at is null`.execute(db);
  await db.schema.createIndex('transfo_sessions_workshop').on('transfo_sessions').column('workshop_id').execute();

  await syncColumns(
    db.schema
      .createTable('transfo_attendances')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('campaign_id', 'text', (c) => c.notNull())
      .addColumn('day', 'integer', (c) => c.notNull())
      .addColumn('candidate_id', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text'),
  )
    .modifyEnd(sql` strict`)
    .execute();
  await sql`create index transfo_attendances_session on transfo_attendances (session_id, day, candidate_id) where deleted_at is null`.execute(db);
  await sql`create index transfo_attendances_campaign on transfo_attendances (campaign_id) where deleted_at is null`.execute(db);
  await db.schema.createIndex('transfo_attendances_person').on('transfo_attendances').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['transfo_attendances', 'transfo_sessions', 'transfo_modules']) await db.schema.dropTable(table).execute();
}
