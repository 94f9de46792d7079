/**
 * An upgrade from a data folder left by version 4 (4,000 workshops, their outbox history, and 2,000 attendances with their people, study profiles and consents, and a backups folder with five good
 * backups and two broken ones), killed (SIGKILL) right after each of its steps in turn:
 * nothing is lost, and only valid backups remain, the newest holding the folder as it was.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '#db/migrations/index.js';
import { killAtEveryStep, migrationEnd, migrationsRecorded, openCrashBench, type CrashBench } from './laptop-crash-bench.js';
import { buildDataFolder, WORKSHOPS } from './startup-fixtures.js';

const VERSION = 4;
let bench: CrashBench;
beforeAll(async () => {
  bench = await openCrashBench();
}, 120_000);
afterAll(() => bench?.dispose());

describe('the laptop killed at every step of an upgrade', () => {
  it(`from version ${VERSION} with ${WORKSHOPS.toLocaleString('en')} workshops: nothing lost, only valid backups`, { timeout: 900_000 }, async () => {
    const template = await buildDataFolder(join(bench.work, 'template'), VERSION);
    const { killedAfter, steps } = await killAtEveryStep(bench, template);
    console.log(`version ${VERSION} folder: killed after each of ${killedAfter.length} steps`);
    // The same steps each time, but for the time in the new backup's name.
    const timeless = (labels: string[]) => labels.map((l) => l.replace(/\d{4}-\d\d-\d\dT[\d-]+Z/g, '<time>'));
    expect(timeless(killedAfter)).toEqual(timeless(steps));
    // The backup is one VACUUM INTO from the keyed connection: encrypted like the database.
    expect(steps).toContain('sql: vacuum into ?');
    expect(steps.some((s) => /^fs: rename .*\.partial → /.test(s))).toBe(true);
    expect(migrationsRecorded(steps)).toHaveLength(LATEST_SCHEMA_VERSION - VERSION);
    // Statements of the first and of the last pending migration were among the kill points.
    expect(steps).toContain('sql: create index "proposals_workshop" on "proposals" ("workshop_id", "captured_at")');
    expect(steps).toContain('sql: create index "supports_workshop" on "supports" ("workshop_id", "proposal_id")');
    expect(migrationEnd(steps)).toEqual([`sql: pragma user_version = ${LATEST_SCHEMA_VERSION}`, 'sql: commit']);
  });
});
