/**
 * The vault killed (SIGKILL) right after each of its steps in turn (kill-switch.ts: every SQL
 * statement, fsync, rename and removal; inside the long runs of SQL that copy a database into
 * its encrypted file, one statement in 8):
 * - the encryption in place of a plain data folder of an earlier version (its database with a
 *   write only in the WAL, two plain backups, a photo);
 * - a change of passphrase.
 * After each kill the data opens with the old secret or the new one, never neither; once it
 * opens, everything is there and nothing plain is left.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '#core/core.js';
import { dataDirLayout } from '#core/data-dir.js';
import { createSilentLogger } from '#core/logger.js';
import { attachmentKeyFrom, readEncryptedFile } from '#core/store/file-cipher.js';
import { listBackups } from '#core/store/backup.js';
import { foundInClear } from '#test/support/in-clear.js';
import { KNOWN, writePlainDataFolder, type PlainFolder } from '#test/support/plain-folder.js';
import { dataFolderKey, TEST_KDF, TEST_PASSPHRASE } from '#test/support/vault.js';
import { bundleCrashChild, runCrashChild } from './crash-harness.js';

let work: string;
let bundle: string;
let plainTemplate: string;
let plain: PlainFolder;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'atelier-vault-crash-'));
  bundle = await bundleCrashChild();
  plainTemplate = join(work, 'plain');
  plain = await writePlainDataFolder(plainTemplate);
}, 120_000);
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(bundle, { force: true });
});

const NEW_PASSPHRASE = 'trois pigeons sur la fontaine Wallace';

/** Starts the whole core with this passphrase (chosen if the folder has no vault yet); null when it does not open. */
async function opensWith(dir: string, passphrase: string) {
  const core = await startCore({ dataDir: dir, logger: createSilentLogger(), appVersion: '0.1.0-crash', onEvent: () => undefined, testKdf: TEST_KDF }).catch(() => null);
  if (!core) return null;
  const setup = !existsSync(join(dir, 'vault.json'));
  const answer = setup
    ? await core.dispatch('vault:setup', { passphrase, confirmation: passphrase, actor: 'Camille Martin' })
    : await core.dispatch('vault:unlock', { method: 'passphrase', passphrase, actor: 'Camille Martin' });
  if (!answer.ok) {
    await core.close();
    return null;
  }
  return core;
}

async function expectAllThere(dir: string, passphrase: string, context: string) {
  const core = await opensWith(dir, passphrase);
  expect(core, `${context}: the data does not open`).not.toBeNull();
  try {
    const list = await core!.dispatch('attendance:list', { workshopId: plain.workshopId });
    expect(list, context).toMatchObject({ ok: true, value: { items: [{ name: KNOWN.walOnlyName, email: KNOWN.email }] } });
  } finally {
    await core!.close();
  }
  const layout = dataDirLayout(dir);
  const key = await dataFolderKey(dir, passphrase);
  expect(readEncryptedFile(join(layout.attachments, plain.photoSha256.slice(0, 2), plain.photoSha256), attachmentKeyFrom(key)).equals(plain.photo), context).toBe(true);
  expect(listBackups(layout.backups).map((b) => b.kind).sort(), context).toEqual(['conversion', 'migration', 'migration']);
  expect(foundInClear(dir, [KNOWN.name, KNOWN.email, KNOWN.card, KNOWN.walOnlyName, KNOWN.photoMarker]), context).toEqual([]);
}

/**
 * Kills the child after each step in turn and lets `check` look at each folder left. With
 * `thinSql`, a first run without a kill lists the steps, and inside a run of SQL statements
 * (the copy of a database into its encrypted file: about 90 statements, all writing the same
 * temporary file) only the first, the last and every 8th are kill points; every other step
 * (each fsync, rename and removal) always is. Returns the steps killed after and all the steps.
 */
async function killAtEveryStep(template: string, args: (dir: string) => string[], check: (dir: string, landed: string) => Promise<void>, thinSql = false) {
  let chosen: number[] | null = null;
  if (thinSql) {
    const dry = join(work, 'dry-run');
    cpSync(template, dry, { recursive: true });
    const all = (await runCrashChild(bundle, args(dry), null)).steps!;
    rmSync(dry, { recursive: true, force: true });
    const isSql = (i: number) => all[i]?.startsWith('sql: ') ?? false;
    chosen = all
      .map((_, i) => i)
      .filter((i) => {
        if (!isSql(i) || !isSql(i - 1) || !isSql(i + 1)) return true;
        let start = i;
        while (isSql(start - 1)) start--;
        return (i - start) % 8 === 0;
      })
      .map((i) => i + 1);
  }
  const landed: string[] = [];
  const points = chosen ?? [];
  for (let k = 0; ; k++) {
    const n = chosen ? (points[k] ?? Number.MAX_SAFE_INTEGER) : k + 1;
    const dir = join(work, `attempt-${k + 1}`);
    cpSync(template, dir, { recursive: true });
    const run = await runCrashChild(bundle, args(dir), n === Number.MAX_SAFE_INTEGER ? null : n);
    await check(dir, run.killedAfter ?? 'finished');
    rmSync(dir, { recursive: true, force: true });
    if (run.steps) return { landed, steps: run.steps, points: chosen };
    landed.push(run.killedAfter!);
  }
}

describe('the vault killed at every step', () => {
  it('while a plain data folder is encrypted in place: the data opens with no secret (as before) or the new one, never neither', { timeout: 1_800_000 }, async () => {
    let withNew = 0;
    const { landed, steps, points } = await killAtEveryStep(
      plainTemplate,
      (dir) => ['--convert', dir],
      async (dir, at) => {
        const context = `after a kill after « ${at} »`;
        // vault.json is written before anything is converted: without it nothing was touched and
        // the next first start converts from the plain files; with it, the new passphrase opens.
        if (existsSync(join(dir, 'vault.json'))) withNew++;
        await expectAllThere(dir, TEST_PASSPHRASE, context);
      },
      true,
    );
    console.log(`conversion: killed after ${landed.length} of its ${steps.length} steps (${withNew} with the new vault in place)`);
    // Each run makes its own key, times and temporary names: compared without them.
    const same = (step: string) => step.replace(/[0-9a-f]{64}/g, '<hex>').replace(/\d{4}-\d\d-\d\dT[\d-]+Z/g, '<time>').replace(/\.\d+\.tmp/g, '.<pid>.tmp');
    expect(landed.map(same)).toEqual(points!.map((n) => same(steps[n - 1]!)));
    // Every step that is not inside a copy's SQL was a kill point.
    expect(landed.map(same)).toEqual(expect.arrayContaining(steps.filter((s) => !s.startsWith('sql: ')).map(same)));
    expect(steps).toContain('fs: rename vault.json.tmp → vault.json');
    expect(steps).toContain('fs: rename atelier.sqlite.encrypted → atelier.sqlite');
    expect(steps.some((s) => /^fs: rename .*\.sqlite\.partial → atelier-conversion-/.test(s))).toBe(true);
    // The conversion's backup is taken before the plain database is overwritten and replaced.
    expect(steps.findIndex((s) => /→ atelier-conversion-/.test(s))).toBeLessThan(steps.indexOf('fs: rename atelier.sqlite.encrypted → atelier.sqlite'));
  });

  it('while the passphrase changes: the old one or the new one opens, never neither', { timeout: 900_000 }, async () => {
    const template = join(work, 'encrypted');
    cpSync(plainTemplate, template, { recursive: true });
    await expectAllThere(template, TEST_PASSPHRASE, 'the folder before the change');
    let withOld = 0;
    let withNew = 0;
    const { landed, steps } = await killAtEveryStep(template, (dir) => ['--change', dir, '--to', NEW_PASSPHRASE], async (dir, at) => {
      const context = `after a kill after « ${at} »`;
      const old = await opensWith(dir, TEST_PASSPHRASE);
      await old?.close();
      const next = old ? null : await opensWith(dir, NEW_PASSPHRASE);
      await next?.close();
      expect(old !== null || next !== null, `${context}: neither passphrase opens`).toBe(true);
      if (old) withOld++;
      else withNew++;
      await expectAllThere(dir, old ? TEST_PASSPHRASE : NEW_PASSPHRASE, context);
    });
    console.log(`passphrase change: killed after each of ${landed.length} steps (${withOld} old, ${withNew} new)`);
    expect(landed).toEqual(steps);
    expect(withOld).toBeGreaterThan(0);
    expect(withNew).toBeGreaterThan(0);
    expect(steps).toContain('fs: rename vault.json.tmp → vault.json');
  });
});
