/**
 * The laptop's start-up killed (SIGKILL) right after each of its steps in turn (see
 * kill-switch.ts): every statement of every migration, every batch of pages of the
 * pre-migration backup, every fsync, rename and removal. After each kill, the whole core starts
 * again on the same folder and must: start, find every earlier record unchanged (every row of
 * every table, and a sample read through the app), pass `integrity_check`, have the full
 * schema, and keep only valid backups. One test file per starting folder, so that they can run
 * side by side. Not a test file itself.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '#db/migrations/index.js';
import { startCore } from '#core/core.js';
import { dataDirLayout } from '#core/data-dir.js';
import { createSilentLogger } from '#core/logger.js';
import { backupSchemaVersion, BACKUPS_KEPT, checkBackup } from '#core/store/backup.js';
import { openSqlite } from '#core/store/open-database.js';
import { dataFolderKey, testVault } from '#test/support/vault.js';
import { bundleCrashChild, runCrashChild } from './crash-harness.js';
import { snapshotOf, WORKSHOPS, type DataFolder } from './startup-fixtures.js';

export interface CrashBench {
  work: string;
  bundle: string;
  /** The schema an uninterrupted first start writes, to compare each recovered folder with. */
  fullSchema: unknown[];
  dispose(): void;
}

/** A work folder, the bundled child, and the schema of an uninterrupted first start. */
export async function openCrashBench(): Promise<CrashBench> {
  const work = mkdtempSync(join(tmpdir(), 'atelier-startup-crash-'));
  const bundle = await bundleCrashChild();
  const reference = join(work, 'reference');
  const run = await runCrashChild(bundle, ['--laptop', reference], null);
  expect(run.steps).not.toBeNull();
  return {
    work,
    bundle,
    fullSchema: schemaOf(dataDirLayout(reference).database, await dataFolderKey(reference)),
    dispose() {
      rmSync(work, { recursive: true, force: true });
      rmSync(bundle, { force: true });
    },
  };
}

function schemaOf(file: string, key: Buffer): unknown[] {
  const db = openSqlite(file, { key, readonly: true });
  try {
    return db.prepare(`select type, name, tbl_name, sql from sqlite_schema order by name`).all();
  } finally {
    db.close();
  }
}

/**
 * Kills the start-up after step 1, 2, 3 … until a start finishes without reaching the step;
 * returns where the kills landed.
 */
export async function killAtEveryStep(bench: CrashBench, template: DataFolder | null): Promise<{ killedAfter: string[]; steps: string[] }> {
  const { work, bundle } = bench;
  const killedAfter: string[] = [];
  for (let n = 1; ; n++) {
    const dir = join(work, `attempt-${n}`);
    if (template) cpSync(template.dir, dir, { recursive: true });
    const run = await runCrashChild(bundle, ['--laptop', dir], n);
    if (run.steps) {
      // Not killed: it took fewer than n steps, and each of those steps had its kill.
      expect(run.steps).toHaveLength(n - 1);
      await expectRecovered(bench, dir, template, 'finished');
      rmSync(dir, { recursive: true, force: true });
      return { killedAfter, steps: run.steps };
    }
    killedAfter.push(run.killedAfter!);
    if (template) expectNoBrokenBackupNamed(dir, template, run.killedAfter!);
    await expectRecovered(bench, dir, template, run.killedAfter!);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Right after the kill, before any other start: whatever this start wrote under a backup's
 * name is a whole backup (a person may restore the newest one without starting the app again).
 */
function expectNoBrokenBackupNamed(dir: string, template: DataFolder, landed: string): void {
  const before = new Set(template.backups);
  const backupDir = dataDirLayout(dir).backups;
  for (const name of readdirSync(backupDir)) {
    const version = backupSchemaVersion(name);
    if (version === null || before.has(name)) continue;
    expect(checkBackup(join(backupDir, name), version, template.key), `right after a kill after « ${landed} »: ${name}`).toBeNull();
  }
}

async function expectRecovered({ fullSchema }: CrashBench, dir: string, template: DataFolder | null, landed: string): Promise<void> {
  const context = `after a kill after « ${landed} »`;
  const layout = dataDirLayout(dir);
  // The next start: the whole core, as the hosts start it.
  // Without the retention purge (as the killed starts): the data must come back as it was.
  const core = await startCore({ dataDir: dir, logger: createSilentLogger(), appVersion: '0.1.0-crash', onEvent: () => undefined, retention: false, ...testVault() });
  try {
    const list = await core.dispatch('workshops:list', { limit: 1, offset: 0 });
    expect(list, context).toMatchObject({ ok: true, value: { total: template ? WORKSHOPS : 0 } });
    for (const sample of template?.samples ?? []) {
      expect(await core.dispatch('workshops:get', { id: sample.id }), context).toMatchObject({ ok: true, value: { title: sample.title, venueName: sample.venueName } });
    }
  } finally {
    await core.close();
  }

  const key = await dataFolderKey(dir);
  const db = openSqlite(layout.database, { key, readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok');
    expect(db.pragma('user_version', { simple: true }), context).toBe(LATEST_SCHEMA_VERSION);
  } finally {
    db.close();
  }
  expect(schemaOf(layout.database, key), context).toEqual(fullSchema);
  if (template) expect(snapshotOf(layout.database, key, template.snapshot), context).toEqual(template.snapshot);

  // Only whole, valid backups; on a folder with data, the newest holds it as it was before.
  const backups = readdirSync(layout.backups).sort();
  for (const name of backups) {
    const version = backupSchemaVersion(name);
    expect(version, `${context}: ${name} in the backups folder`).not.toBeNull();
    expect(checkBackup(join(layout.backups, name), version!, key), `${context}: ${name}`).toBeNull();
  }
  if (!template) {
    expect(backups, context).toEqual([]);
  } else {
    expect(backups, context).toHaveLength(BACKUPS_KEPT);
    const newest = backups.at(-1)!;
    expect(backupSchemaVersion(newest), context).toBe(template.schemaVersion);
    expect(snapshotOf(join(layout.backups, newest), key, template.snapshot), context).toEqual(template.snapshot);
  }

  // And a start after that one: nothing left to migrate, nothing to back up.
  const again = await startCore({ dataDir: dir, logger: createSilentLogger(), appVersion: '0.1.0-crash', onEvent: () => undefined, retention: false, ...testVault() });
  expect(again.backupPath, context).toBeNull();
  await again.close();
}

/** The row each migration adds to the migration table, last of its statements. */
export const migrationsRecorded = (steps: string[]) => steps.filter((s) => s.startsWith('sql: insert into "kysely_migration"'));

/** The last two statements of the migrations' transaction (the start reads its settings after it). */
export function migrationEnd(steps: string[]): string[] {
  const commit = steps.findIndex((s, i) => s === 'sql: commit' && steps[i - 1]?.startsWith('sql: pragma user_version'));
  return steps.slice(commit - 1, commit + 1);
}
