/**
 * Sync figures (issue "Sync with the city's portal"), over loopback to the SQLite portal
 * running in its own process (`npm run portal -- serve`):
 * - push of 10,000 changes from one laptop and pull of 10,000 changes by another, in changes
 *   per second, beside the raw insert rate of the same rows into the same database in one
 *   transaction (the physical limit here); target: at least 25 % of the raw rate;
 * - the longest time the thread running the core is busy without yielding during the pull
 *   (target under 50 ms, so the window never stutters).
 *
 *   node --import tsx bench/sync.bench.ts            (prints a JSON line of figures at the end)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { startCore } from '#core/core.js';
import { dataDirLayout, ensureDataDir } from '#core/data-dir.js';
import { createDispatcher } from '#core/dispatcher.js';
import { createHandlers, type CoreSlices } from '#core/handlers.js';
import { createSilentLogger } from '#core/logger.js';
import { prepareDatabase } from '#core/store/migrate.js';
import { createMemorySecretStore } from '#core/sync/secret-store.js';
import { testVault, writeTestVault } from '#test/support/vault.js';

const CHANGES = Number(process.env.SYNC_BENCH_CHANGES ?? 10_000);
const root = join(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

function portalCli(portalDir: string, args: string[]): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src-portal/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, PORTAL_DATA_DIR: portalDir, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`portal ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

async function startPortalProcess(portalDir: string, port: number): Promise<ChildProcess> {
  // SYNC_BENCH_PROFILE=<dir> writes a CPU profile of the portal there, to see where time goes.
  const profile = process.env.SYNC_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SYNC_BENCH_PROFILE}`] : [];
  const proc = spawn(process.execPath, [...profile, '--import', 'tsx', 'src-portal/cli.ts', 'serve', '--port', String(port)], {
    cwd: root,
    env: { ...process.env, PORTAL_DATA_DIR: portalDir, LOG_LEVEL: 'warn' },
    stdio: process.env.SYNC_BENCH_PORTAL_STDERR ? ['ignore', 'ignore', 'inherit'] : 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return proc;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  proc.kill();
  throw new Error('the portal did not start');
}

/** A laptop's data folder holding `count` workshops written offline (fixture: synchronous=OFF). */
async function laptopWithChanges(dataDir: string, count: number) {
  ensureDataDir(dataDir);
  const layout = dataDirLayout(dataDir);
  // As a first start leaves it: a vault for the test passphrase, the database encrypted with its key.
  const key = await writeTestVault(dataDir);
  const prepared = await prepareDatabase({ file: layout.database, backupDir: layout.backups, key });
  prepared.sqlite.pragma('synchronous = OFF');
  const dispatch = createDispatcher(
    createHandlers({ coreSlices: {} as unknown as CoreSlices, db: prepared.db, now: () => new Date(), newId: () => crypto.randomUUID(), emit: () => {}, appVersion: 'bench', schemaVersion: prepared.schemaVersion }),
    createSilentLogger(),
  );
  for (let i = 0; i < count; i++) {
    const result = await dispatch('workshops:create', {
      kind: i % 2 ? 'pb_co_construction' : 'citizen_card_atelier',
      title: `Atelier de quartier n°${i}`,
      description: 'Co-construction des projets du budget participatif avec les habitants du quartier.',
      startsAt: '2027-02-10T18:30',
      endsAt: '2027-02-10T20:30',
      venueName: 'Centre social',
      venueAddress: '12 rue de la Goutte d’Or, 75018 Paris',
      arrondissement: (i % 20) + 1,
      inQpv: i % 3 === 0,
      capacity: 40,
      partners: [{ name: 'Association des habitants', type: 'association' }],
      facilitators: ['Awa', 'Karim'],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  }
  await prepared.db.destroy();
}

async function openLaptop(dataDir: string) {
  return startCore({ dataDir, logger: createSilentLogger(), appVersion: 'bench', onEvent: () => {}, secrets: createMemorySecretStore(null), autoSync: false, ...testVault() });
}

/**
 * The longest stretch the thread was blocked while `work` runs, from Node's event-loop delay
 * histogram (a 1 ms timer that notices when it fires late): cheap enough not to slow the work.
 */
async function longestBusy<T>(work: () => Promise<T>): Promise<{ value: T; longestMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const value = await work();
  histogram.disable();
  return { value, longestMs: histogram.max / 1e6 };
}

function rawInsertRate(portalFile: string): number {
  const db = new BetterSqlite3(portalFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const rows = db.prepare('select * from records').all() as Record<string, unknown>[];
  db.exec('drop table if exists raw_records; create table raw_records as select * from records where 0');
  const columns = Object.keys(rows[0]!);
  const insert = db.prepare(`insert into raw_records (${columns.join(',')}) values (${columns.map(() => '?').join(',')})`);
  const started = performance.now();
  db.transaction(() => {
    for (const row of rows) insert.run(...columns.map((c) => row[c] as string | number | null));
  })();
  const ms = performance.now() - started;
  db.exec('drop table raw_records');
  db.close();
  return (rows.length / ms) * 1000;
}

/** With SYNC_BENCH_PROFILE=<dir>, a CPU profile of this process during one phase. */
async function profilePhase(name: string): Promise<() => Promise<void>> {
  const dir = process.env.SYNC_BENCH_PROFILE;
  if (!dir) return async () => undefined;
  const { Session } = await import('node:inspector/promises');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `device-${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}

export async function syncBench() {
  const work = mkdtempSync(join(tmpdir(), 'atelier-sync-bench-'));
  const portalDir = join(work, 'portal');
  const port = await freePort();
  portalCli(portalDir, ['enrol', '--name', 'warm-up', '--role', 'field']); // creates and migrates the database
  const portal = await startPortalProcess(portalDir, port);
  const url = `http://127.0.0.1:${port}`;
  const code = (out: string) => /([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(out)![1]!;
  try {
    await laptopWithChanges(join(work, 'pusher'), CHANGES);
    const pusher = await openLaptop(join(work, 'pusher'));
    const puller = await openLaptop(join(work, 'puller'));
    for (const [core, name] of [
      [pusher, 'pusher'],
      [puller, 'puller'],
    ] as const) {
      const enrolled = await core.dispatch('sync:enrol', { portalUrl: url, code: code(portalCli(portalDir, ['enrol', '--name', name, '--role', 'field'])), deviceName: name });
      if (!enrolled.ok) throw new Error(JSON.stringify(enrolled.error));
    }

    // The pusher's run sends its 10,000 changes, then pulls them back (they are catalogue records).
    const stopPushProfile = await profilePhase('push');
    let started = performance.now();
    const pushRun = await pusher.dispatch('sync:now', {});
    const pushAndPullBackMs = performance.now() - started;
    await stopPushProfile();
    if (!pushRun.ok || (pushRun.value as { pending: number }).pending !== 0) throw new Error(`push did not finish: ${JSON.stringify(pushRun)}`);

    const stopProfile = await profilePhase('pull');
    started = performance.now();
    const { value: pullRun, longestMs } = await longestBusy(() => puller.dispatch('sync:now', {}));
    await stopProfile();
    const pullMs = performance.now() - started;
    if (!pullRun.ok) throw new Error(JSON.stringify(pullRun));
    const pulled = ((await puller.dispatch('workshops:list', { limit: 1 })) as { ok: true; value: { total: number } }).value.total;
    if (pulled !== CHANGES) throw new Error(`pulled ${pulled} of ${CHANGES}`);

    await pusher.close();
    await puller.close();
    portal.kill('SIGTERM');
    await new Promise((resolve) => portal.once('exit', resolve));
    const raw = rawInsertRate(join(portalDir, 'portal.sqlite'));

    // The pusher's whole run: its 10,000 changes sent, then the same records coming back in the
    // pull (already held at that revision, so not rewritten). Nothing is subtracted.
    const pushMs = pushAndPullBackMs;
    return {
      changes: CHANGES,
      pushPerSecond: Math.round((CHANGES / pushMs) * 1000),
      pullPerSecond: Math.round((CHANGES / pullMs) * 1000),
      pushAndPullBackSeconds: Math.round(pushAndPullBackMs) / 1000,
      pullSeconds: Math.round(pullMs) / 1000,
      rawInsertPerSecond: Math.round(raw),
      pushRatio: Math.round((CHANGES / pushMs / (raw / 1000)) * 1000) / 1000,
      pullRatio: Math.round((CHANGES / pullMs / (raw / 1000)) * 1000) / 1000,
      longestBusyDuringPullMs: Math.round(longestMs * 10) / 10,
    };
  } finally {
    if (!portal.killed) portal.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const figures = await syncBench();
  console.table(figures);
  console.log(JSON.stringify({ sync: figures }));
}
