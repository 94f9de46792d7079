/**
 * The Citizen Card ateliers (issue 10): the catalogue of atelier types, the rules of each
 * occurrence (a workshop of the `citizen_card_atelier` kind), the card holders (the identity
 * side: a holder names its `people` row), registrations, the published draws and the
 * promotions from the waiting list. Frozen in time: a migration never imports application code.
 *
 * No foreign keys and no unique index across synced rows: records arrive from the portal in any
 * order, and two laptops may each record a holder with one card number before they sync — a
 * pulled page must never be refused by the database. One holder once per occurrence, one
 * settings row and one draw per workshop, one promotion per freed place hold by construction:
 * their ids are derived from what they are about (src-shared/citizen-card/derived-id.ts). Two
 * holders with one card number are found and merged by the lab (citizen-card:duplicates).
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
      .createTable('card_atelier_types')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('theme', 'text', (c) => c.notNull())
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('duration_minutes', 'integer', (c) => c.notNull())
      // JSON arrays of codes.
      .addColumn('accessibility', 'text', (c) => c.notNull())
      .addColumn('languages', 'text', (c) => c.notNull()),
  )
    .modifyEnd(sql` strict`)
    .execute();

  // Its id is derived from the workshop's: one row per occurrence, whichever laptop made it.
  await syncColumns(
    db.schema
      .createTable('card_occurrences')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workshop_id', 'text', (c) => c.notNull())
      .addColumn('atelier_type_id', 'text', (c) => c.notNull())
      .addColumn('places', 'integer', (c) => c.notNull())
      // JSON array of { group, places }.
      .addColumn('reserved', 'text', (c) => c.notNull())
      .addColumn('walk_ins_allowed', 'integer', (c) => c.notNull()),
  )
    .modifyEnd(sql` strict`)
    .execute();
  await db.schema.createIndex('card_occurrences_workshop').on('card_occurrences').column('workshop_id').execute();
  await db.schema.createIndex('card_occurrences_type').on('card_occurrences').column('atelier_type_id').execute();

  // Its id is derived from the workshop's: two laptops never draw twice.
  await syncColumns(
    db.schema
      .createTable('card_draws')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workshop_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('algorithm', 'text', (c) => c.notNull())
      .addColumn('draw_date', 'text', (c) => c.notNull())
      .addColumn('seed', 'text', (c) => c.notNull())
      .addColumn('places', 'integer', (c) => c.notNull())
      .addColumn('reserved', 'text', (c) => c.notNull())
      // JSON arrays: the published list, the drawn and the waiting list with their ranks.
      .addColumn('entries', 'text', (c) => c.notNull())
      .addColumn('drawn', 'text', (c) => c.notNull())
      .addColumn('waiting', 'text', (c) => c.notNull())
      .addColumn('announced_at', 'text', (c) => c.notNull())
      .addColumn('announced_by', 'text', (c) => c.notNull())
      .addColumn('drawn_at', 'text')
      .addColumn('drawn_by', 'text'),
  )
    .modifyEnd(sql` strict`)
    .execute();
  await db.schema.createIndex('card_draws_workshop').on('card_draws').column('workshop_id').execute();

  // Its id is derived from the freed registration: one promotion per freed place.
  await syncColumns(
    db.schema
      .createTable('card_promotions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workshop_id', 'text', (c) => c.notNull())
      .addColumn('freed_registration_id', 'text', (c) => c.notNull())
      .addColumn('promoted_registration_id', 'text', (c) => c.notNull())
      .addColumn('promoted_at', 'text', (c) => c.notNull())
      .addColumn('promoted_by', 'text', (c) => c.notNull()),
  )
    .modifyEnd(sql` strict`)
    .execute();
  await db.schema.createIndex('card_promotions_workshop').on('card_promotions').columns(['workshop_id', 'promoted_at']).execute();

  // The card side of an identity: the name and contacts are its `people` row's.
  await syncColumns(
    db.schema
      .createTable('card_holders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('card_number', 'text')
      .addColumn('birth_year', 'integer')
      .addColumn('arrondissement', 'integer')
      .addColumn('contact_consent', 'integer', (c) => c.notNull())
      .addColumn('contact_consent_at', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('merged_into', 'text')
      .addColumn('listed_at', 'text'),
  )
    .modifyEnd(sql` strict`)
    .execute();
  // Found by card number at the desk and at the door (live, not merged ones; not unique, see above).
  await sql`create index card_holders_card_number on card_holders (card_number) where card_number is not null and deleted_at is null and merged_into is null`.execute(db);
  await db.schema.createIndex('card_holders_person').on('card_holders').column('person_id').execute();

  await syncColumns(
    db.schema
      .createTable('card_registrations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workshop_id', 'text', (c) => c.notNull())
      .addColumn('holder_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      // JSON array of priority groups.
      .addColumn('groups', 'text', (c) => c.notNull())
      .addColumn('rank', 'integer')
      .addColumn('registered_at', 'text', (c) => c.notNull())
      .addColumn('status_changed_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull()),
  )
    .modifyEnd(sql` strict`)
    .execute();
  await db.schema.createIndex('card_registrations_workshop').on('card_registrations').columns(['workshop_id', 'status']).execute();
  await db.schema.createIndex('card_registrations_holder').on('card_registrations').column('holder_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['card_registrations', 'card_holders', 'card_promotions', 'card_draws', 'card_occurrences', 'card_atelier_types']) {
    await db.schema.dropTable(table).execute();
  }
}
