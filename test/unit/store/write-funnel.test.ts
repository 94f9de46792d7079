import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncedTables } from '#core/synced-tables.js';
import { scanSource } from './funnel-scan.js';

const root = resolve(import.meta.dirname, '../../..');
/** The funnel's own folder: the only code allowed to write synced tables and the outbox. */
const FUNNEL = 'src-main/core/store/';
const synced = new Set<string>(Object.values(syncedTables).map((codec) => codec.table));

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the write funnel', () => {
  it('is the only code that writes a synced table or touches the outbox', () => {
    const files = tsFiles(join(root, 'src-main')).map((f) => relative(root, f)).filter((f) => !f.startsWith(FUNNEL));
    expect(files.length).toBeGreaterThan(50);
    const violations = files.flatMap((file) => scanSource(file, readFileSync(join(root, file), 'utf8'), synced));
    expect(violations).toEqual([]);
  });

  it('covers every table of the registry by itself', () => {
    expect([...synced].sort()).toEqual(
      [
        'attendances',
        'consents',
        'head_count_entries',
        'participant_profiles',
        'people',
        'proposals',
        'supports',
        'workshops',
        'erasures',
        'lab_settings',
        'charter_chapters',
        'charter_articles',
        'charter_questions',
        'charter_tags',
        'charter_consultations',
        'charter_contributions',
        'card_atelier_types',
        'card_occurrences',
        'card_draws',
        'card_promotions',
        'card_holders',
        'card_registrations',
        'transfo_campaigns',
        'lab_publications',
        'lab_publication_versions',
        'transfo_candidates',
        'transfo_stage_moves',
        'transfo_cases',
        'transfo_modules',
        'transfo_sessions',
        'transfo_attendances',
      ].sort(),
    );
  });

  // Planted violations: each must be found (they live here, never in the source).
  const plants: [string, string][] = [
    ['an update of a synced table', `await trx.updateTable('workshops').set({ title: 'x' }).where('id', '=', id).execute();`],
    ['an insert into a synced table, aliased', `await trx.insertInto('people as p').values(row).execute();`],
    ['a DELETE of a synced table', `await db.deleteFrom('supports').where('id', '=', id).execute();`],
    ['an outbox append', `await trx.insertInto('outbox').values(entry).execute();`],
    ['an outbox read', `const rows = await db.selectFrom('outbox').selectAll().execute();`],
    ['a table chosen at run time', `await (trx as any).updateTable(codec.table).set(columns).execute();`],
    ['raw SQL writing a synced table', 'await sql`update attendances set status = ${s} where id = ${id}`.execute(db);'],
    ['raw SQL reading the outbox', "db.prepare('select count(*) from outbox where state = ?').get('pending');"],
  ];
  for (const [what, code] of plants) {
    it(`finds ${what}`, () => {
      expect(scanSource('src-main/core/workshops/plant.ts', code, synced)).toHaveLength(1);
    });
  }

  it('lets reads of synced tables and writes of local bookkeeping through', () => {
    const code = [
      `await db.selectFrom('workshops').selectAll().where('id', '=', id).executeTakeFirst();`,
      `await db.insertInto('device_meta').values({ key, value }).execute();`,
      `await trx.deleteFrom('sync_conflicts').where('record_id', 'in', ids).execute();`,
      'await sql`select count(*) from attendances where workshop_id = ${id}`.execute(db);',
      `// trx.updateTable('workshops') in a comment is not a write`,
    ].join('\n');
    expect(scanSource('src-main/core/sync/plant.ts', code, synced)).toEqual([]);
  });
});
