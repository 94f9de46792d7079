/**
 * The participation charter's consultation (issue 10): the draft charter's structure
 * (chapters, articles, questions), its themes (tags), the consultations, and the
 * contributions given at workshops, on paper or online. Frozen in time: a migration never
 * imports application code.
 *
 * No foreign keys to other synced tables: records arrive from the portal in any order (a
 * contribution may be pulled before its question), and a tombstone never removes a row.
 * Arrays (a question's accepted types, a consultation's channels, a contribution's tags) are
 * JSON text.
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
  await syncColumns(
    db.schema
      .createTable('charter_chapters')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 1`))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull().defaultTo('')),
  )
    .modifyEnd(sql` strict`)
    .execute();

  await syncColumns(
    db.schema
      .createTable('charter_articles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('chapter_id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 1`))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.check(sql`decision is null or decision in ('kept','amended','set_aside')`))
      .addColumn('decision_reason', 'text')
      .addColumn('decided_at', 'text'),
  )
    .modifyEnd(sql` strict`)
    .execute();
  // A chapter's articles, in order.
  await db.schema.createIndex('charter_articles_chapter').on('charter_articles').columns(['chapter_id', 'position']).execute();

  await syncColumns(
    db.schema
      .createTable('charter_questions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('chapter_id', 'text', (c) => c.notNull())
      .addColumn('article_id', 'text')
      .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 1`))
      .addColumn('prompt', 'text', (c) => c.notNull())
      // JSON array of contribution types.
      .addColumn('accepts', 'text', (c) => c.notNull().defaultTo('[]')),
  )
    .modifyEnd(sql` strict`)
    .execute();
  await db.schema.createIndex('charter_questions_chapter').on('charter_questions').columns(['chapter_id', 'position']).execute();
  await db.schema.createIndex('charter_questions_article').on('charter_questions').column('article_id').execute();

  await syncColumns(
    db.schema
      .createTable('charter_tags')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('label', 'text', (c) => c.notNull()),
  )
    .modifyEnd(sql` strict`)
    .execute();

  await syncColumns(
    db.schema
      .createTable('charter_consultations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('opens_on', 'text', (c) => c.notNull())
      .addColumn('closes_on', 'text', (c) => c.notNull())
      // JSON array of channels.
      .addColumn('channels', 'text', (c) => c.notNull().defaultTo('[]')),
  )
    .modifyEnd(sql` strict`)
    .execute();

  await syncColumns(
    db.schema
      .createTable('charter_contributions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('consultation_id', 'text', (c) => c.notNull())
      .addColumn('question_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('workshop','paper','online')`))
      .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('proposal','agreement','amendment')`))
      .addColumn('workshop_id', 'text')
      .addColumn('contributor', 'text', (c) => c.notNull().check(sql`contributor in ('individual','table')`))
      .addColumn('profile_id', 'text')
      .addColumn('table_label', 'text')
      .addColumn('respondent_key', 'text', (c) => c.notNull())
      .addColumn('agreement', 'integer', (c) => c.check(sql`agreement is null or agreement between 1 and 5`))
      .addColumn('text', 'text')
      .addColumn('base_text', 'text')
      // JSON array of tag ids.
      .addColumn('tag_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('sheet_number', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull()),
  )
    .modifyEnd(sql` strict`)
    .execute();
  // A consultation's contributions, newest first; its paper sheets; a workshop's contributions.
  await db.schema
    .createIndex('charter_contributions_consultation')
    .on('charter_contributions')
    .columns(['consultation_id', 'recorded_at'])
    .execute();
  await db.schema
    .createIndex('charter_contributions_sheet')
    .on('charter_contributions')
    .columns(['consultation_id', 'sheet_number'])
    .where(sql.ref('sheet_number'), 'is not', null)
    .execute();
  await db.schema.createIndex('charter_contributions_workshop').on('charter_contributions').column('workshop_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('charter_contributions').execute();
  await db.schema.dropTable('charter_consultations').execute();
  await db.schema.dropTable('charter_tags').execute();
  await db.schema.dropTable('charter_questions').execute();
  await db.schema.dropTable('charter_articles').execute();
  await db.schema.dropTable('charter_chapters').execute();
}
