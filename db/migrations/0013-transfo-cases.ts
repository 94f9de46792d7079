/**
 * La Transfo's practical cases (issue 11): one row per case, its lists (insights, prototypes,
 * decisions, next steps, sessions, journal) as JSON, each a synced field. Frozen in time: a
 * migration never imports application code. The index is the list's: one campaign's live cases,
 * by state and direction.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('transfo_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('users_met', 'text', (c) => c.notNull())
    // JSON arrays.
    .addColumn('methods', 'text', (c) => c.notNull())
    .addColumn('insights', 'text', (c) => c.notNull())
    .addColumn('prototypes', 'text', (c) => c.notNull())
    .addColumn('decisions', 'text', (c) => c.notNull())
    .addColumn('next_steps', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('sessions', 'text', (c) => c.notNull())
    .addColumn('journal', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('synced_revision', 'integer', (c) => c.notNull().defaultTo(0))
    .modifyEnd(sql` strict`)
    .execute();
  await sql`create index transfo_cases_campaign on transfo_cases (campaign_id, state, direction) where deleted_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('transfo_cases').execute();
}
