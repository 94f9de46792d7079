/**
 * The search as you type among the Citizen Card holders (issue 10): 200,000 names cannot be
 * scanned with LIKE in the 30 ms a keystroke allows (≈ 200 ms measured), so the people's
 * folded search column (`people.search_text`: name and e-mail, accents and case removed) gets
 * a full-text index of its words and of their first one, two and three letters (FTS5, words as
 * `unicode61` cuts them). It holds no text of its own (`content='people'`): triggers follow every
 * write of the column, whichever path made it (the write funnel, a pulled page, an erasure).
 *
 * `secure-delete`: a removed or changed row's words leave the index at once, not at a later
 * merge — an erased name leaves no word behind in the file (docs/data-protection.md).
 * Frozen in time: a migration never imports application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create virtual table people_search using fts5(search_text, content='people', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3', detail='none')`.execute(
    db,
  );
  await sql`insert into people_search (people_search, rank) values ('secure-delete', 1)`.execute(db);
  await sql`create trigger people_search_insert after insert on people begin
    insert into people_search (rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
  await sql`create trigger people_search_delete after delete on people begin
    insert into people_search (people_search, rowid, search_text) values ('delete', old.rowid, old.search_text);
  end`.execute(db);
  await sql`create trigger people_search_update after update of search_text on people begin
    insert into people_search (people_search, rowid, search_text) values ('delete', old.rowid, old.search_text);
    insert into people_search (rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
  // The people already recorded.
  await sql`insert into people_search (people_search) values ('rebuild')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of ['people_search_insert', 'people_search_delete', 'people_search_update']) await sql`drop trigger ${sql.ref(trigger)}`.execute(db);
  await sql`drop table people_search`.execute(db);
}
