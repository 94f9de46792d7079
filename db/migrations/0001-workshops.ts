/**
 * Workshops, the outbox that carries every change to the portal, and the device's own facts.
 * Frozen in time: a migration never imports application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workshops')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(
        sql`kind in ('pb_co_construction','citizen_card_atelier','charter_consultation','dataset_meetup','lab_monthly','la_transfo_training')`,
      ),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_search', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('venue_name', 'text', (c) => c.notNull())
    .addColumn('venue_address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('arrondissement', 'integer', (c) => c.notNull().check(sql`arrondissement between 1 and 20`))
    .addColumn('in_qpv', 'integer', (c) => c.notNull().check(sql`in_qpv in (0, 1)`))
    .addColumn('capacity', 'integer')
    .addColumn('partners', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('facilitators', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('planned','open','closed','cancelled')`))
    .addColumn('minutes', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addCheckConstraint('workshops_end_after_start', sql`ends_at > starts_at`)
    .modifyEnd(sql` strict`)
    .execute();

  // The list screen: live workshops by date, filtered by kind, status or arrondissement.
  await db.schema.createIndex('workshops_live_starts_at').on('workshops').columns(['deleted_at', 'starts_at']).execute();
  await db.schema.createIndex('workshops_status').on('workshops').columns(['status', 'starts_at']).execute();
  await db.schema.createIndex('workshops_kind').on('workshops').columns(['kind', 'starts_at']).execute();
  await db.schema
    .createIndex('workshops_arrondissement')
    .on('workshops')
    .columns(['arrondissement', 'starts_at'])
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('change_id', 'text', (c) => c.notNull().unique())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull().check(sql`op in ('create','update','delete')`))
    .addColumn('base_version', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending').check(sql`state in ('pending','rejected')`))
    .addColumn('rejection', 'text')
    .modifyEnd(sql` strict`)
    .execute();
  await db.schema.createIndex('outbox_state_seq').on('outbox').columns(['state', 'seq']).execute();
  await db.schema.createIndex('outbox_record').on('outbox').columns(['entity', 'record_id']).execute();

  await db.schema
    .createTable('device_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .modifyEnd(sql` strict`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('device_meta').execute();
  await db.schema.dropTable('outbox').execute();
  await db.schema.dropTable('workshops').execute();
}
