/**
 * A first start on a new data folder, killed (SIGKILL) right after each of its steps in turn:
 * every later start succeeds on the full schema, and there is nothing to back up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '#db/migrations/index.js';
import { killAtEveryStep, migrationEnd, migrationsRecorded, openCrashBench, type CrashBench } from './laptop-crash-bench.js';

let bench: CrashBench;
beforeAll(async () => {
  bench = await openCrashBench();
}, 120_000);
afterAll(() => bench?.dispose());

describe('the laptop killed at every step of its first start', () => {
  it('on a new data folder: every later start succeeds on the full schema, with no backup', { timeout: 900_000 }, async () => {
    const { killedAfter, steps } = await killAtEveryStep(bench, null);
    console.log(`new folder: killed after each of ${killedAfter.length} steps`);
    expect(killedAfter).toEqual(steps);
    expect(migrationsRecorded(steps)).toHaveLength(LATEST_SCHEMA_VERSION);
    expect(steps.filter((s) => /^sql: (create|alter) /.test(s)).length).toBeGreaterThan(30);
    expect(migrationEnd(steps)).toEqual([`sql: pragma user_version = ${LATEST_SCHEMA_VERSION}`, 'sql: commit']);
    // The vault is written (synced, renamed) before the database is created.
    expect(steps).toContain('fs: rename vault.json.tmp → vault.json');
    expect(steps.findIndex((s) => s === 'fs: rename vault.json.tmp → vault.json')).toBeLessThan(steps.findIndex((s) => s.startsWith('sql: create table')));
  });
});
