/**
 * The core as the hosts run it: bundled by the real build into a worker thread, on a real
 * data folder. Slower than the other unit tests, so one bundle is shared by all of them.
 */
import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '#db/migrations/index.js';
import { buildCoreWorker } from '#scripts/build-main.js';
import { CoreStartError, startCoreWorker, type CoreClient } from '#core/core-client.js';
import type { Workshop } from '#shared/workshops/workshop.schema.js';
import { TEST_PASSPHRASE } from '#test/support/vault.js';
import { workshopFields } from './test-core.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
let buildDir: string;
let workerFile: string;
const dataDirs: string[] = [];

beforeAll(async () => {
  // Inside the repository so that the bundle resolves better-sqlite3 from node_modules.
  const cache = join(repoRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  buildDir = mkdtempSync(join(cache, 'atelier-test-worker-'));
  workerFile = await buildCoreWorker(buildDir);
});
afterAll(() => {
  rmSync(buildDir, { recursive: true, force: true });
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-data-'));
  dataDirs.push(dir);
  return dir;
}

/**
 * The worker as a host starts it, then the passphrase typed as on the first screen (chosen at a
 * first start, typed again after): the app's real Argon2id cost, the worker takes no other.
 */
async function start(dataDir: string): Promise<CoreClient> {
  const firstStart = !existsSync(join(dataDir, 'vault.json'));
  const core = await startCoreWorker({ workerFile, dataDir, appVersion: '9.9.9-test', logLevel: 'silent' });
  const unlocked = firstStart
    ? await core.invoke('vault:setup', { passphrase: TEST_PASSPHRASE, confirmation: TEST_PASSPHRASE, actor: 'Camille Martin' })
    : await core.invoke('vault:unlock', { method: 'passphrase', passphrase: TEST_PASSPHRASE, actor: 'Camille Martin' });
  if (!unlocked.ok) throw new Error(JSON.stringify(unlocked.error));
  return core;
}

describe('the core in its worker thread', () => {
  it('starts on a new data folder, plans a workshop, tells the window, and keeps it after a restart', async () => {
    const dataDir = newDataDir();
    let core: CoreClient = await start(dataDir);
    try {
      expect(core.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(core.startupMs).toBeGreaterThan(0);
      // No absolute path of this machine reaches the page (the host prints it in its terminal).
      expect(await core.invoke('app:info', {})).toEqual({ ok: true, value: { version: '9.9.9-test', schemaVersion: LATEST_SCHEMA_VERSION } });

      const changed = new Promise<unknown>((resolveEvent) => {
        const off = core.onEvent((name, payload) => {
          if (name === 'workshops:changed') {
            off();
            resolveEvent(payload);
          }
        });
      });
      const created = await core.invoke('workshops:create', workshopFields({ title: 'Atelier mensuel du Lab' }));
      expect(created.ok).toBe(true);
      const workshop = (created as { value: Workshop }).value;
      expect(await changed).toEqual({ id: workshop.id });

      const list = await core.invoke('workshops:list', { query: 'lab' });
      expect(list).toMatchObject({ ok: true, value: { total: 1, items: [{ id: workshop.id, title: 'Atelier mensuel du Lab' }] } });

      await core.close();
      expect(await core.invoke('workshops:list', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });

      core = await start(dataDir);
      expect(await core.invoke('workshops:get', { id: workshop.id })).toMatchObject({ ok: true, value: { title: 'Atelier mensuel du Lab' } });
    } finally {
      await core.close();
    }
  });

  it('bad input and unknown commands come back as errors, not crashes', async () => {
    const core = await start(newDataDir());
    try {
      expect(await core.invoke('workshops:create', { title: '' })).toMatchObject({ ok: false, error: { code: 'validation' } });
      expect(await core.invoke('nope:nope', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
      expect(await core.invoke('app:info', {})).toMatchObject({ ok: true });
    } finally {
      await core.close();
    }
  });

  it('an input nested thousands of levels deep is refused as data, and the next command is answered', async () => {
    const core = await start(newDataDir());
    try {
      // Copying it to the worker overflows the structured clone's stack: postMessage throws.
      let deep: unknown = {};
      for (let i = 0; i < 20_000; i++) deep = { a: deep };
      await expect(core.invoke('workshops:list', deep)).resolves.toMatchObject({ ok: false, error: { code: 'validation' } });
      let deepArray: unknown = [];
      for (let i = 0; i < 20_000; i++) deepArray = [deepArray];
      await expect(core.invoke('workshops:create', { title: deepArray })).resolves.toMatchObject({ ok: false, error: { code: 'validation' } });
      expect(await core.invoke('workshops:list', {})).toMatchObject({ ok: true, value: { total: 0 } });
    } finally {
      await core.close();
    }
  });

  it('refuses to start on data from a newer version of Atelier, and leaves the file untouched', async () => {
    const dataDir = newDataDir();
    const file = join(dataDir, 'atelier.sqlite');
    const newer = new BetterSqlite3(file);
    newer.exec('create table future (x integer)');
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    newer.close();
    const hash = () => createHash('sha256').update(readFileSync(file)).digest('hex');
    const before = hash();

    const attempt = start(dataDir);
    await expect(attempt).rejects.toBeInstanceOf(CoreStartError);
    await expect(attempt).rejects.toMatchObject({ code: 'schema_too_new' });
    expect(hash()).toBe(before);
  });
});
