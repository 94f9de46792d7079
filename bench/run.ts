/**
 * `npm run bench`: the performance figures on a generated database of 5,000 Paris workshops.
 * Prints a table and rewrites the results section of docs/performance.md. Bounded: about a
 * minute on 2 cores. Expects `npm run build` to have produced out/core and out/web.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNodeEsm } from '#scripts/build-main.js';
import { measureFirstScreen } from './first-screen.js';
import { generateWorkshops, writeDataDir } from './generate.js';
import { markdownTable, terminalTable, writeResults, type Row } from './report.js';
import { summarize, type Summary } from './stats.js';
import type { VaultBench } from './vault.bench.js';
import type { WorkerFigures, WorkerFiguresInput } from './worker-figures.js';
import { dataFolderKey } from '#test/support/vault.js';

const WORKSHOPS = 5000;
const TARGETS = { startupMs: 150, createMs: 1, ratio: 3, listMs: 20, firstScreenMs: 1000 };
const RUNS = { startup: [3, 30], create: [50, 1000], list: [30, 300], firstScreen: [1, 8] } as const;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, 'bench', '.tmp');
const workerFile = join(root, 'out/core/worker.mjs');
const hostFile = join(root, 'out/web/host.mjs');
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

const loadAtStart = loadavg()[0]!;
for (const file of [workerFile, hostFile]) {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm run bench does).`);
}
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const bundleDir = join(tmp, 'bundle');
await buildNodeEsm(
  { 'baseline.worker': 'bench/baseline.worker.ts', 'memory-probe': 'bench/memory-probe.ts', 'worker-figures': 'bench/worker-figures.ts' },
  bundleDir,
);

// ── The data ────────────────────────────────────────────────────────────────────────────
log(`generating ${WORKSHOPS} workshops…`);
const parisDir = join(tmp, 'paris-5000');
const generated = generateWorkshops(WORKSHOPS);
const t0 = performance.now();
await writeDataDir(parisDir, generated);
const generationMs = performance.now() - t0;

// ── Start-up, writes and lists through the core worker, in a plain node process ─────
log('start-up, writes and lists through the worker…');
const coreWriteDir = join(tmp, 'create-core');
const baselineWriteDir = join(tmp, 'create-baseline');
cpSync(parisDir, coreWriteDir, { recursive: true });
cpSync(parisDir, baselineWriteDir, { recursive: true });
const figuresInput: WorkerFiguresInput = {
  workerFile,
  keyHex: (await dataFolderKey(parisDir)).toString('hex'),
  baselineWorkerFile: join(bundleDir, 'baseline.worker.mjs'),
  tmp,
  parisDir,
  coreWriteDir,
  baselineWriteDir,
  workshops: WORKSHOPS,
  runs: RUNS,
};
const child = spawnSync(process.execPath, [join(bundleDir, 'worker-figures.mjs'), JSON.stringify(figuresInput)], { encoding: 'utf8', timeout: 240_000 });
if (child.status !== 0) throw new Error(`the worker measurements failed (${child.status ?? child.signal}):\n${child.stderr}`);
const figures = JSON.parse(child.stdout.trim().split('\n').pop()!) as WorkerFigures;
const startupFresh = { wall: summarize(figures.startupFresh.wall), inWorker: summarize(figures.startupFresh.inWorker) };
const startupParis = { wall: summarize(figures.startupParis.wall), inWorker: summarize(figures.startupParis.inWorker) };

// ── Memory of a process running the core on the 5,000 workshops ─────────────────────────
log('memory…');
const probe = spawnSync(process.execPath, ['--expose-gc', join(bundleDir, 'memory-probe.mjs'), parisDir], { encoding: 'utf8', timeout: 60_000 });
const memory = probe.status === 0 ? (JSON.parse(probe.stdout.trim().split('\n').pop()!) as Record<string, number>) : null;
if (!memory) log(`memory probe failed: ${probe.stderr || probe.error}`);

// ── The web host's first screen in Chromium ─────────────────────────────────────────────
log('first screen in Chromium…');
const firstScreen = await measureFirstScreen({ hostFile, dataDir: parisDir, warmup: RUNS.firstScreen[0], runs: RUNS.firstScreen[1], timeoutMs: 10_000 });

// ── Reference data and sync, each in a process of its own ───────────────────────────────
const runBench = (label: string, args: string[], timeout: number): string | null => {
  log(`${label}…`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: root, encoding: 'utf8', timeout });
  if (run.status !== 0) log(`${label} failed: ${run.stderr || run.error}`);
  return run.status === 0 ? run.stdout : null;
};
const referenceOut = runBench('reference data (158,048 addresses, boundaries)', ['bench/reference.bench.ts', '--json'], 300_000);
const reference = referenceOut ? (JSON.parse(referenceOut.slice(referenceOut.indexOf('{'))) as { search: Summary; lookupUs: Summary; loadMs: number; retainedHeapMb: number }) : null;
const syncOut = runBench('sync (10,000 changes each way, SQLite portal on loopback)', ['bench/sync.bench.ts'], 600_000);
const sync = syncOut
  ? (JSON.parse(syncOut.trim().split('\n').pop()!) as {
      sync: { pushPerSecond: number; pullPerSecond: number; rawInsertPerSecond: number; pushRatio: number; pullRatio: number; longestBusyDuringPullMs: number };
    }).sync
  : null;

const attendanceOut = runBench('check-in search among 100,000 people', ['bench/attendance.bench.ts', '--json'], 600_000);
const attendance = attendanceOut
  ? (JSON.parse(attendanceOut.trim().split('\n').pop()!) as { results: { label: string; listSize: number; summary: Summary }[] }).results
  : null;
const studyOut = runBench('study dashboard over 50,000 participations and 5,000 proposals', ['bench/study.bench.ts', '--json'], 600_000);
const study = studyOut ? (JSON.parse(studyOut.slice(studyOut.indexOf('{'))) as { rows: Row[] }).rows : null;
const rightsOut = runBench('the rights of the people recorded (50,000 identities)', ['bench/rights.bench.ts', '--json'], 900_000);
const rights = rightsOut ? (JSON.parse(rightsOut.slice(rightsOut.indexOf('{'))) as { rows: Row[] }).rows : null;
const proposalsOut = runBench('proposals (5,000) and past winners near a point', ['bench/proposals.bench.ts', '--json'], 600_000);
const proposals = proposalsOut
  ? (JSON.parse(proposalsOut.trim().split('\n').pop()!) as { create: Summary; listWorkshop: Summary; listAll: Summary; tally: Summary; winners: Summary })
  : null;

const charterOut = runBench('charter consultation: synthesis (10,000 contributions), opinion groups (1,000 × 100), report', ['bench/charter.bench.ts', '--json'], 600_000);
const charter = charterOut ? (JSON.parse(charterOut.slice(charterOut.indexOf('{'))) as { rows: Row[] }).rows : null;
log('Citizen Card: a draw of 5,000 registrations for 50 places…');
const cardDrawOut = runBench('Citizen Card draw (5,000 registrations, 50 places)', ['bench/citizen-card-draw.bench.ts', '--json'], 600_000);
const cardDraw = cardDrawOut ? (JSON.parse(cardDrawOut.slice(cardDrawOut.indexOf('{'))) as { command: Summary; lottery: Summary }) : null;
log('Citizen Card: 200,000 holders imported and searched…');
const cardHoldersOut = runBench('Citizen Card holders (import and search among 200,000)', ['bench/citizen-card-holders.bench.ts', '--json'], 1_200_000);
const cardHolders = cardHoldersOut
  ? (JSON.parse(cardHoldersOut.slice(cardHoldersOut.indexOf('{'))) as {
      rawRowsPerSecond: number;
      importRowsPerSecond: number;
      importSeconds: number;
      importVsRaw: number;
      searchQueries: number;
      searchP50Ms: number;
      searchP95Ms: number;
    })
  : null;

const vaultOut = runBench('encryption at rest: create and check-in search encrypted vs plain, unlock at the app’s Argon2id cost', ['bench/vault.bench.ts', '--json'], 600_000);
const vault = vaultOut ? (JSON.parse(vaultOut.trim().split('\n').pop()!) as VaultBench) : null;

// ── Report ──────────────────────────────────────────────────────────────────────────────
const create = summarize(figures.create);
const baseline = summarize(figures.baseline);
const list = summarize(figures.list);
const firstPage = summarize(figures.firstPage);
const screen = firstScreen.samples.length ? summarize(firstScreen.samples) : null;
const ratio50 = create.p50 / baseline.p50;
const ratio99 = create.p99 / baseline.p99;
const rows: Row[] = [
  { measure: 'Core start-up, new data folder (host → ready)', target: `< ${TARGETS.startupMs} ms`, summary: startupFresh.wall, judgedOn: 'p95', met: startupFresh.wall.p95 < TARGETS.startupMs, note: `inside the worker: p50 ${startupFresh.inWorker.p50.toFixed(1)} ms` },
  { measure: `Core start-up, ${WORKSHOPS} workshops (host → ready)`, target: `< ${TARGETS.startupMs} ms`, summary: startupParis.wall, judgedOn: 'p95', met: startupParis.wall.p95 < TARGETS.startupMs, note: `inside the worker: p50 ${startupParis.inWorker.p50.toFixed(1)} ms` },
  { measure: 'workshops:create through the worker', target: `< ${TARGETS.createMs} ms`, summary: create, judgedOn: 'p50 and p99', met: create.p50 < TARGETS.createMs && create.p99 < TARGETS.createMs, verdict: `p50 ${create.p50 < TARGETS.createMs ? 'met' : 'NOT met'}, p99 ${create.p99 < TARGETS.createMs ? 'met' : 'NOT met'}` },
  { measure: 'Bare worker: row + outbox, synchronous=FULL', target: 'baseline', summary: baseline, judgedOn: '—', met: null, verdict: '—', note: 'the physical floor' },
  { measure: 'create ÷ bare worker', target: `≤ ${TARGETS.ratio}×`, summary: null, judgedOn: 'p50', met: ratio50 <= TARGETS.ratio, note: `p50 ${ratio50.toFixed(2)}×, p99 ${ratio99.toFixed(2)}×` },
  { measure: 'workshops:list, kind + arr. + dates + title, limit 100', target: `< ${TARGETS.listMs} ms`, summary: list, judgedOn: 'p50 and p95', met: list.p50 < TARGETS.listMs && list.p95 < TARGETS.listMs, verdict: `p50 ${list.p50 < TARGETS.listMs ? 'met' : 'NOT met'}, p95 ${list.p95 < TARGETS.listMs ? 'met' : 'NOT met'}`, note: `${figures.listMatchesAvg.toFixed(1)} matches on average` },
  { measure: 'workshops:list, first page unfiltered, limit 100', target: `< ${TARGETS.listMs} ms`, summary: firstPage, judgedOn: 'p95', met: firstPage.p95 < TARGETS.listMs },
  { measure: 'Web host first screen in Chromium (h1 + rows)', target: `< ${TARGETS.firstScreenMs} ms`, summary: screen, judgedOn: 'p95', met: firstScreen.error ? null : screen!.p95 < TARGETS.firstScreenMs, note: firstScreen.error ? `not measured: ${firstScreen.error.split('\n')[0]}` : '' },
];
const perSecond = (n: number) => `${Math.round(n).toLocaleString('en-GB')}/s`;
if (reference) {
  const usToMs = (x: Summary): Summary => ({ ...x, p50: x.p50 / 1000, p95: x.p95 / 1000, p99: x.p99 / 1000 });
  rows.push(
    { measure: 'Address search as you type, 158,048 addresses', target: '< 20 ms', summary: reference.search, judgedOn: 'p95', met: reference.search.p95 < 20, note: `index built on first use in ${reference.loadMs.toFixed(0)} ms, ${reference.retainedHeapMb.toFixed(1)} MB kept` },
    { measure: 'Point → arrondissement and QPV', target: '< 1 ms', summary: usToMs(reference.lookupUs), judgedOn: 'p99', met: reference.lookupUs.p99 < 1000 },
  );
}
if (sync) {
  const raw = `raw insert of the same rows in one transaction: ${perSecond(sync.rawInsertPerSecond)}`;
  rows.push(
    { measure: 'Sync push, 10,000 changes (and their return)', target: '≥ 25 % of raw', summary: null, judgedOn: 'rate', met: sync.pushRatio >= 0.25, note: `${perSecond(sync.pushPerSecond)} = ${(sync.pushRatio * 100).toFixed(1)} %; ${raw}` },
    { measure: 'Sync pull, 10,000 changes', target: '≥ 25 % of raw', summary: null, judgedOn: 'rate', met: sync.pullRatio >= 0.25, note: `${perSecond(sync.pullPerSecond)} = ${(sync.pullRatio * 100).toFixed(1)} %` },
    { measure: 'Longest stretch the core is busy during that pull', target: '< 50 ms', summary: null, judgedOn: 'max', met: sync.longestBusyDuringPullMs < 50, note: `${sync.longestBusyDuringPullMs.toFixed(1)} ms (event-loop delay, max)` },
  );
}

for (const result of attendance ?? []) {
  rows.push({ measure: `Check-in search: ${result.label}`, target: '< 30 ms', summary: result.summary, judgedOn: 'p95', met: result.summary.p95 < 30, note: `list of ${result.listSize.toLocaleString('en-GB')}` });
}
rows.push(...(study ?? []).map((row) => ({ ...row, measure: `Study ${row.measure}` })));
rows.push(...(rights ?? []));
if (proposals) {
  const reported = (measure: string, summary: Summary): Row => ({ measure, target: '—', summary, judgedOn: '—', met: null, verdict: 'reported' });
  rows.push(
    reported('proposals:create (point → arrondissement, QPV), 5,000', proposals.create),
    reported('proposals:list, one workshop', proposals.listWorkshop),
    reported('proposals:list, all 5,000', proposals.listAll),
    reported('supports:tally, one workshop', proposals.tally),
    reported('reference:winners near a point (after the first call)', proposals.winners),
  );
}
log('La Transfo: the candidates list among 5,000…');
const transfoOut = runBench('La Transfo candidates list (5,000 candidates)', ['bench/transfo-candidates.bench.ts', '--json'], 300_000);
const transfo = transfoOut ? (JSON.parse(transfoOut.slice(transfoOut.indexOf('{'))) as { size: number; queries: number; summary: Summary }) : null;
log('La Transfo: the training matrix of 20 agents over 18 months…');
const trainingOut = runBench('La Transfo training matrix (20 agents, 18 months)', ['bench/transfo-training.bench.ts', '--json'], 300_000);
const training = trainingOut ? (JSON.parse(trainingOut.slice(trainingOut.indexOf('{'))) as { agents: number; months: number; records: number; summary: Summary }) : null;

log('the Lab’s publication: a month with 200 photos, the year’s report…');
const publicationOut = runBench('Lab publication (a month of 10 workshops and 200 photos; the year)', ['bench/publication.bench.ts', '--json'], 600_000);
const publication = publicationOut
  ? (JSON.parse(publicationOut.slice(publicationOut.indexOf('{'))) as { month: { summary: Summary; rssMb: number }; monthHtml: Summary; monthPdf: Summary; monthHtmlMb: number; monthPdfMb: number; monthPdfPages: number; year: { summary: Summary; rssMb: number } })
  : null;
if (publication) {
  rows.push(
    {
      measure: 'Lab publication: a month of 10 workshops and 200 photos (12 chosen, 5 MB JPEG each), HTML page + PDF',
      target: '< 5000 ms',
      summary: publication.month.summary,
      judgedOn: 'p95',
      met: publication.month.summary.p95 < 5000,
      note: `HTML ${publication.monthHtmlMb} MB (p50 ${publication.monthHtml.p50.toFixed(0)} ms), PDF ${publication.monthPdfMb} MB, ${publication.monthPdfPages} pages (p50 ${publication.monthPdf.p50.toFixed(0)} ms); RSS ${publication.month.rssMb} MB`,
    },
    { measure: 'Lab publication: the year’s report from twelve published months, HTML page + PDF', target: '< 20000 ms', summary: publication.year.summary, judgedOn: 'p95', met: publication.year.summary.p95 < 20000, note: `RSS ${publication.year.rssMb} MB` },
  );
}
rows.push(...(charter ?? []).map((row) => ({ ...row, measure: `Charter ${row.measure}` })));
if (transfo) {
  rows.push({
    measure: `La Transfo: candidates list with filters (stage, direction, category, gender, name, sorts, pages) among ${transfo.size.toLocaleString('en')}`,
    target: '< 20 ms',
    summary: transfo.summary,
    judgedOn: 'p95',
    met: transfo.summary.p95 < 20,
  });
}
if (training) {
  rows.push({
    measure: `La Transfo training: the matrix « who has followed which module » and who is behind, ${training.agents} agents over ${training.months} months of 3-day sessions (${training.records.toLocaleString('en')} attendance records)`,
    target: '< 50 ms',
    summary: training.summary,
    judgedOn: 'p95',
    met: training.summary.p95 < 50,
  });
}
if (cardDraw) {
  rows.push(
    { measure: 'Citizen Card draw, 5,000 registrations for 50 places: the lottery (seed, shuffle, places)', target: '< 50 ms', summary: cardDraw.lottery, judgedOn: 'p95', met: cardDraw.lottery.p95 < 50 },
    { measure: 'Citizen Card draw through the command (the lottery, the draw record and the 50 drawn with their outbox entries; the waiting list recomputed where read)', target: '< 50 ms', summary: cardDraw.command, judgedOn: 'p95', met: cardDraw.command.p95 < 50 },
  );
}
if (cardHolders) {
  rows.push(
    {
      measure: `Citizen Card holders: search as you type among 200,000 (${cardHolders.searchQueries} keystrokes)`,
      target: '< 30 ms',
      summary: null,
      judgedOn: 'p95',
      met: cardHolders.searchP95Ms < 30,
      verdict: `p50 ${cardHolders.searchP50Ms} ms, p95 ${cardHolders.searchP95Ms} ms`,
    },
    {
      measure: 'Citizen Card holders: import of 200,000 lines of the City file (1 % refused)',
      target: 'against the raw insert rate',
      summary: null,
      judgedOn: 'rows/s',
      met: null,
      verdict: `${cardHolders.importRowsPerSecond.toLocaleString('en')} rows/s in ${cardHolders.importSeconds} s; raw insert ${cardHolders.rawRowsPerSecond.toLocaleString('en')} rows/s (${cardHolders.importVsRaw}× raw)`,
    },
  );
}

if (vault) {
  const versus = (x: { encrypted: Summary; plain: Summary }) => `encrypted p50 ${x.encrypted.p50.toFixed(2)} ms, plain p50 ${x.plain.p50.toFixed(2)} ms (alternated, same run)`;
  rows.push(
    { measure: 'Encryption overhead: workshops:create, encrypted ÷ plain', target: '≤ 1.3×', summary: null, judgedOn: 'p50', met: vault.create.ratio <= 1.3, note: `${vault.create.ratio.toFixed(2)}×: ${versus(vault.create)}` },
    { measure: 'Encryption overhead: check-in search, encrypted ÷ plain', target: '≤ 1.3×', summary: null, judgedOn: 'p50', met: vault.search.ratio <= 1.3, note: `${vault.search.ratio.toFixed(2)}×: ${versus(vault.search)}` },
    { measure: `Unlock with the passphrase (Argon2id ${vault.kdf.memoryKiB / 1024} MiB × ${vault.kdf.iterations})`, target: '< 1000 ms', summary: vault.unlock, judgedOn: 'p95', met: vault.unlock.p95 < 1000, note: `Argon2id alone: p50 ${vault.derive.p50.toFixed(0)} ms` },
  );
}

const table = terminalTable(rows);
console.log(`\n${table}\n`);
const memoryLine = memory
  ? `Core process on the ${WORKSHOPS}-workshop database, after listing all ${memory.listed} workshops (pages of 500): ` +
    `RSS ${memory.rssMb} MB, V8 heap used ${memory.heapUsedMb} MB (heap total ${memory.heapTotalMb} MB, external ${memory.externalMb} MB); ` +
    `while the list was still held: RSS ${memory.heldRssMb} MB, heap used ${memory.heldHeapUsedMb} MB; bare Node before the core: RSS ${memory.rssBeforeCoreMb} MB.`
  : 'Core memory: the probe failed (see the terminal output).';
const phases = firstScreen.phases;
const phasesLine = phases
  ? `First screen, where the time goes (medians, ms from navigation start): DOMContentLoaded ${phases.domContentLoaded.toFixed(0)}, ` +
    `workshops:list answered ${phases.listAnswered.toFixed(0)}, heading visible ${phases.headingVisible.toFixed(0)}, first rows visible ${phases.rowsVisible.toFixed(0)}.`
  : '';
const hostLine = firstScreen.hostRssMb !== null ? `Web host process (HTTP server + core worker) after the Chromium runs: RSS ${firstScreen.hostRssMb} MB.` : '';
console.log(memoryLine);
for (const line of [phasesLine, hostLine]) if (line) console.log(line);

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const loadAtEnd = loadavg()[0]!;
const section = `## Results of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC

Machine: ${availableParallelism()} cores (\`nproc\`), ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, ${type()} ${release()}; Node ${process.version}.
Load average (1 min) when the run started: ${loadAtStart.toFixed(1)}, when it ended: ${loadAtEnd.toFixed(1)} — above ${availableParallelism()}, other work was competing for the cores and the figures are pessimistic.
Data: ${WORKSHOPS} generated workshops (seeded), written through the real service in ${(generationMs / 1000).toFixed(1)} s, with their outbox history.
Samples after warm-up: start-up ${RUNS.startup[1]} (after ${RUNS.startup[0]}), writes ${RUNS.create[1]} (after ${RUNS.create[0]}), lists ${RUNS.list[1]} (after ${RUNS.list[0]}), first screen ${RUNS.firstScreen[1]} (after ${RUNS.firstScreen[0]}).

${markdownTable(rows)}

${memoryLine}
${hostLine}

${phasesLine}
`;
writeResults(join(root, 'docs', 'performance.md'), section);
log('results written to docs/performance.md');
rmSync(tmp, { recursive: true, force: true });
