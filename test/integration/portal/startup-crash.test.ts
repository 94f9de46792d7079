/**
 * The portal's start-up on SQLite (open, then migrate, as its CLI does) killed (SIGKILL) right
 * after each of its steps in turn, every statement of its migrations included: each next
 * start succeeds, with the full schema, the migrations recorded once, and `integrity_check` ok.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalMigrations } from '#db/portal/index.js';
import { migratePortalDb, openPortalDb } from '#portal/database.js';
import { bundleCrashChild, runCrashChild } from '../store/crash-harness.js';

let work: string;
let bundle: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'atelier-portal-crash-'));
  bundle = await bundleCrashChild();
}, 120_000);
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(bundle, { force: true });
});

function stateOf(file: string) {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      schema: db.prepare(`select type, name, sql from sqlite_schema order by name`).all(),
      migrations: db.prepare('select name from portal_migrations order by name').pluck().all(),
    };
  } finally {
    db.close();
  }
}

async function startPortalDatabase(file: string): Promise<void> {
  const { db } = await openPortalDb({ sqliteFile: file });
  try {
    await migratePortalDb(db);
  } finally {
    await db.destroy();
  }
}

describe('the portal killed at every step of its start-up on SQLite', () => {
  it('starts again every time, on the full schema', { timeout: 600_000 }, async () => {
    const reference = join(work, 'reference.sqlite');
    await startPortalDatabase(reference);
    const full = stateOf(reference);
    expect(full.migrations).toEqual(Object.keys(portalMigrations));

    const killedAfter: string[] = [];
    for (let n = 1; ; n++) {
      const file = join(work, `attempt-${n}`, 'portal.sqlite');
      const run = await runCrashChild(bundle, ['--portal', file], n);
      if (run.killedAfter) killedAfter.push(run.killedAfter);
      const context = `after a kill after « ${run.killedAfter ?? 'nothing'} »`;
      await startPortalDatabase(file);
      expect(stateOf(file), context).toEqual({ ...full, integrity: 'ok' });
      await startPortalDatabase(file);
      expect(stateOf(file), context).toEqual({ ...full, integrity: 'ok' });
      rmSync(join(work, `attempt-${n}`), { recursive: true, force: true });
      if (run.steps) {
        expect(run.steps).toHaveLength(n - 1);
        expect(killedAfter).toEqual(run.steps);
        expect(run.steps.filter((s) => s.startsWith('sql: create table "')).length).toBeGreaterThanOrEqual(6);
        expect(run.steps.at(-1)).toBe('sql: commit');
        console.log(`portal: killed after each of ${killedAfter.length} steps`);
        return;
      }
    }
  });
});
