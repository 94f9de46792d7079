/**
 * The Innovation Lab's monthly publication and the year's report (issue 11): a publication per
 * period (a month or a year) with the lab's text blocks and chosen photos, and its published
 * versions, each kept as published (never updated: the core writes them once, the portal
 * refuses a change). Frozen in time: a migration never imports application code.
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
      .createTable('lab_publications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('period_kind', 'text', (c) => c.notNull())
      .addColumn('period_key', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      // JSON: the text blocks by slot, the chosen photos ({ sha256, alt }[]).
      .addColumn('blocks', 'text', (c) => c.notNull())
      .addColumn('chosen_photos', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('last_published_version', 'integer', (c) => c.notNull()),
  )
    .modifyEnd(sql` strict`)
    .execute();
  await db.schema.createIndex('lab_publications_period').on('lab_publications').columns(['period_kind', 'period_key']).execute();

  await syncColumns(
    db.schema
      .createTable('lab_publication_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('publication_id', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('published_by', 'text', (c) => c.notNull())
      // JSON: the figures, the blocks and the photos' references as published.
      .addColumn('snapshot', 'text', (c) => c.notNull()),
  )
    .modifyEnd(sql` strict`)
    .execute();
  await db.schema.createIndex('lab_publication_versions_publication').on('lab_publication_versions').columns(['publication_id', 'n']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['lab_publication_versions', 'lab_publications']) await db.schema.dropTable(table).execute();
}
