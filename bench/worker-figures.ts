/**
 * Everything measured through the core worker, run in a plain `node` process of its own
 * (bundled by run.ts): under `node --import tsx` every worker thread would also load tsx's
 * loader, which no real host does, and start-up would look slower than it is.
 *
 * argv[2]: a JSON `WorkerFiguresInput`; prints a JSON `WorkerFigures` on its last line.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { startCoreWorker } from '#core/core-client.js';
import { normalizeForSearch } from '#shared/text.js';
import { parisLocalToUtc } from '#shared/time/paris-time.js';
import type { WorkshopListInput } from '#shared/workshops/workshop.schema.js';
import type { BaselineRow } from './baseline.worker.js';
import { generateWorkshops, seededRandom } from './generate.js';
import { timeRuns } from './stats.js';
import { TEST_PASSPHRASE } from '#test/support/vault.js';

export interface WorkerFiguresInput {
  workerFile: string;
  /** The database key of parisDir (and its copies), for the bare worker. */
  keyHex: string;
  baselineWorkerFile: string;
  tmp: string;
  /** The generated data folder (read only here), and two copies of it to write into. */
  parisDir: string;
  coreWriteDir: string;
  baselineWriteDir: string;
  workshops: number;
  runs: { startup: readonly [number, number]; create: readonly [number, number]; list: readonly [number, number] };
}

export interface WorkerFigures {
  startupFresh: { wall: number[]; inWorker: number[] };
  startupParis: { wall: number[]; inWorker: number[] };
  create: number[];
  baseline: number[];
  list: number[];
  listMatchesAvg: number;
  firstPage: number[];
}

const input = JSON.parse(process.argv[2]!) as WorkerFiguresInput;
const { runs } = input;
const startCore = (dataDir: string) => startCoreWorker({ workerFile: input.workerFile, dataDir, appVersion: 'bench', logLevel: 'warn' });
/** A worker on a data folder of the bench, unlocked as a person would (the passphrase typed, the app's cost). */
async function unlockedCore(dataDir: string) {
  const core = await startCore(dataDir);
  const unlocked = await core.invoke('vault:unlock', { method: 'passphrase', passphrase: TEST_PASSPHRASE, actor: 'Bench' });
  if (!unlocked.ok) throw new Error(JSON.stringify(unlocked.error));
  return core;
}

/** Worker start until it answers (the first screen can show: the data opens at the unlock), as the host and the worker see it. */
async function startup(dirFor: (i: number) => string) {
  const inWorker: number[] = [];
  const wall = await timeRuns(runs.startup[0], runs.startup[1], async (i) => {
    const core = await startCore(dirFor(i));
    if (i >= runs.startup[0]) inWorker.push(core.startupMs);
    await core.close();
  });
  return { wall, inWorker };
}
const startupFresh = await startup((i) => join(input.tmp, `fresh-${i}`));
const startupParis = await startup(() => input.parisDir);

// workshops:create through the worker, on a copy of the generated data.
const newOnes = generateWorkshops(runs.create[0] + runs.create[1], 2026).map((g) => g.fields);
let core = await unlockedCore(input.coreWriteDir);
const create = await timeRuns(runs.create[0], runs.create[1], async (i) => {
  const result = await core.invoke('workshops:create', newOnes[i]);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
});
await core.close();

// The physical floor: the same rows through a bare worker, on another copy.
const rows: BaselineRow[] = newOnes.map((f) => ({
  kind: f.kind,
  title: f.title,
  title_search: normalizeForSearch(f.title),
  description: f.description,
  starts_at: parisLocalToUtc(f.startsAt),
  ends_at: parisLocalToUtc(f.endsAt),
  venue_name: f.venueName,
  venue_address: f.venueAddress,
  arrondissement: f.arrondissement,
  in_qpv: f.inQpv ? 1 : 0,
  capacity: f.capacity,
  partners: JSON.stringify(f.partners),
  facilitators: JSON.stringify(f.facilitators),
}));
const bare = new Worker(input.baselineWorkerFile, { workerData: { file: join(input.baselineWriteDir, 'atelier.sqlite'), keyHex: input.keyHex } });
const { synchronous } = await new Promise<{ synchronous: number }>((resolve, reject) => {
  bare.once('error', reject);
  bare.once('message', resolve);
});
if (synchronous !== 2) throw new Error(`the bare worker runs with synchronous=${synchronous}, not FULL`);
const waiting = new Map<number, () => void>();
let nextId = 0;
bare.on('message', (m: { id: number }) => waiting.get(m.id)?.());
const ask = (message: object) =>
  new Promise<void>((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    bare.postMessage({ id, ...message });
  });
const baseline = await timeRuns(runs.create[0], runs.create[1], (i) => ask({ row: rows[i] }));
await ask({ stop: true });
await bare.terminate();

// The filtered, searched list: realistic combinations drawn from the generated workshops.
const generated = generateWorkshops(input.workshops);
const pick = seededRandom(20);
const queries: WorkshopListInput[] = Array.from({ length: 40 }, () => {
  const { fields } = generated[Math.floor(pick() * generated.length)]!;
  const year = fields.startsAt.slice(0, 4);
  const words = normalizeForSearch(fields.title).split(' ').filter((w) => w.length >= 5);
  return {
    kind: fields.kind,
    arrondissement: fields.arrondissement,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    query: words[Math.floor(pick() * words.length)] ?? '',
    limit: 100,
  };
});
core = await unlockedCore(input.parisDir);
let matched = 0;
const list = await timeRuns(runs.list[0], runs.list[1], async (i) => {
  const result = await core.invoke('workshops:list', queries[i % queries.length]);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  if (i >= runs.list[0]) matched += (result.value as { total: number }).total;
});
const firstPage = await timeRuns(10, 100, () => core.invoke('workshops:list', { limit: 100 }));
await core.close();

const figures: WorkerFigures = { startupFresh, startupParis, create, baseline, list, listMatchesAvg: matched / runs.list[1], firstPage };
console.log(JSON.stringify(figures));
