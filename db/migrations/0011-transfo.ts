/**
 * La Transfo's recruiting (issue 11): the calls for volunteers, their candidates and every move
 * of a candidate between stages. A candidate's name and e-mail are its `people` row's
 * (`person_id`), so the rights of the people recorded cover it as any identity, copied on the
 * candidate for the list. Frozen in time: a
 * migration never imports application code.
 *
 * No unique index: records arrive from the portal in any order and two lab desktops may each
 * record one application before they sync; one candidate once per campaign is the service's rule.
 * The indexes are the candidates list's filters (one campaign, then its stage, direction or
 * category) and the rights' lookups by person.
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
      .createTable('transfo_campaigns')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('opens_on', 'text', (c) => c.notNull())
      .addColumn('closes_on', 'text', (c) => c.notNull())
      .addColumn('profile_sought', 'text', (c) => c.notNull())
      // JSON object: the lab's balance rules.
      .addColumn('balance_rules', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('purged_at', 'text')
      .addColumn('purged_by', 'text'),
  )
    .modifyEnd(sql` strict`)
    .execute();

  await syncColumns(
    db.schema
      .createTable('transfo_candidates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull())
      // The person's name and e-mail, copied for the list; search_text: both folded (local).
      .addColumn('full_name', 'text')
      .addColumn('email', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('service', 'text')
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('job', 'text')
      .addColumn('years_in_city', 'integer')
      .addColumn('motivation', 'text')
      .addColumn('manager_agreement', 'integer', (c) => c.notNull())
      .addColumn('manager_agreed_on', 'text')
      .addColumn('availability', 'text', (c) => c.notNull())
      .addColumn('gender', 'text')
      .addColumn('meeting_notes', 'text')
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('met_by', 'text')
      .addColumn('met_on', 'text')
      .addColumn('not_chosen_reason', 'text')
      .addColumn('keep_for_next_call', 'integer', (c) => c.notNull())
      .addColumn('keep_consent_at', 'text')
      .addColumn('stage_changed_at', 'text', (c) => c.notNull())
      .addColumn('stage_changed_by', 'text', (c) => c.notNull()),
  )
    .modifyEnd(sql` strict`)
    .execute();
  // The list's indexes, on live rows only: one campaign, then a filter, then the name order and
  // the id — a page of ids and its count read from the index alone, in the list's order.
  for (const [name, filter] of [['name', null], ['stage', 'stage'], ['direction', 'direction'], ['category', 'category']] as const) {
    const columns = ['campaign_id', ...(filter ? [filter] : []), 'search_text', 'id'];
    await sql`create index ${sql.ref(`transfo_candidates_${name}`)} on transfo_candidates (${sql.join(columns.map((c) => sql.ref(c)))}) where deleted_at is null`.execute(db);
  }
  await db.schema.createIndex('transfo_candidates_person').on('transfo_candidates').column('person_id').execute();

  await syncColumns(
    db.schema
      .createTable('transfo_stage_moves')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull())
      .addColumn('candidate_id', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('from_stage', 'text')
      .addColumn('to_stage', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('by', 'text', (c) => c.notNull())
      .addColumn('reason', 'text'),
  )
    .modifyEnd(sql` strict`)
    .execute();
  await db.schema.createIndex('transfo_stage_moves_candidate').on('transfo_stage_moves').columns(['candidate_id', 'at']).execute();
  await db.schema.createIndex('transfo_stage_moves_person').on('transfo_stage_moves').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['transfo_stage_moves', 'transfo_candidates', 'transfo_campaigns']) await db.schema.dropTable(table).execute();
}
