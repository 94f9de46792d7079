/**
 * Attendance at workshops, with consent. Identity (`people`) and the anonymous study profile
 * (`participant_profiles`) are separate tables with no link from the profile back to a person:
 * the study and its exports read profiles without ever touching a name.
 *
 * No foreign keys between these tables: records arrive from the portal page by page and entity
 * by entity, so an attendance may land before its person; the services keep the links sound.
 * Frozen in time: a migration never imports application code.
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

const yesNoUnknown = (column: string) => sql.raw(`${column} in ('yes','no','unknown')`);

export async function up(db: Kysely<any>): Promise<void> {
  await syncColumns(
    db.schema
      .createTable('people')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text')
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('citizen_card_number', 'text')
      // Local only: normalised name and email, what the check-in search reads.
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo('')),
  )
    .modifyEnd(sql` strict`)
    .execute();

  await syncColumns(
    db.schema
      .createTable('participant_profiles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workshop_id', 'text', (c) => c.notNull())
      .addColumn('age_bracket', 'text', (c) =>
        c.notNull().check(sql`age_bracket in ('0_15','16_25','26_40','41_60','61_75','76_plus','not_said')`),
      )
      .addColumn('residence', 'text', (c) => c.notNull().check(sql`residence in ('paris','outside_paris','unknown')`))
      .addColumn('residence_arrondissement', 'integer', (c) => c.check(sql`residence_arrondissement between 1 and 20`))
      .addColumn('residence_commune', 'text')
      .addColumn('lives_in_qpv', 'text', (c) => c.notNull().check(yesNoUnknown('lives_in_qpv')))
      .addColumn('gender', 'text')
      .addColumn('occupation_category', 'text', (c) => c.notNull())
      .addColumn('first_participation', 'text', (c) => c.notNull().check(yesNoUnknown('first_participation')))
      .addColumn('neighbourhood_council_member', 'text', (c) =>
        c.notNull().check(yesNoUnknown('neighbourhood_council_member')),
      )
      .addColumn('association_member', 'text', (c) => c.notNull().check(yesNoUnknown('association_member')))
      .addColumn('association_name', 'text'),
  )
    .modifyEnd(sql` strict`)
    .execute();

  await syncColumns(
    db.schema
      .createTable('attendances')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workshop_id', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text')
      .addColumn('profile_id', 'text')
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('registered','present','cancelled','no_show')`),
      )
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('pre_registered','walk_in','paper')`))
      .addColumn('checked_in_at', 'text')
      .addColumn('recorded_by', 'text', (c) => c.notNull()),
  )
    .modifyEnd(sql` strict`)
    .execute();

  await syncColumns(
    db.schema
      .createTable('consents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('attendance_id', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('contact','study')`))
      .addColumn('granted', 'integer', (c) => c.notNull().check(sql`granted in (0, 1)`))
      .addColumn('text_version', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull()),
  )
    .modifyEnd(sql` strict`)
    .execute();

  await syncColumns(
    db.schema
      .createTable('head_count_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workshop_id', 'text', (c) => c.notNull())
      .addColumn('delta', 'integer', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull()),
  )
    .modifyEnd(sql` strict`)
    .execute();

  // The check-in screen: a workshop's attendances (with their status), and their people.
  await db.schema.createIndex('attendances_workshop').on('attendances').columns(['workshop_id', 'status']).execute();
  await db.schema.createIndex('attendances_person').on('attendances').column('person_id').execute();
  // The check-in search keeps a workshop's list in memory and re-reads only what changed since.
  await db.schema.createIndex('attendances_workshop_updated').on('attendances').columns(['workshop_id', 'updated_at']).execute();
  await db.schema.createIndex('people_updated').on('people').column('updated_at').execute();
  await db.schema.createIndex('consents_attendance').on('consents').columns(['attendance_id', 'purpose']).execute();
  await db.schema.createIndex('profiles_workshop').on('participant_profiles').column('workshop_id').execute();
  await db.schema.createIndex('head_count_workshop').on('head_count_entries').column('workshop_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['head_count_entries', 'consents', 'attendances', 'participant_profiles', 'people']) {
    await db.schema.dropTable(table).execute();
  }
}
