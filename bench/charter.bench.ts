/**
 * The charter consultation's analysis (issue 10): the synthesis over 10,000 contributions
 * (target < 1 s), the opinion groups over 1,000 participants × 100 statements (target < 2 s),
 * and the restitution report (PDF, French). The analysis is a pure function of the
 * consultation's live records (src-main/core/charter/synthesis.ts, opinion-groups.ts,
 * charter-report-pdf.ts): the records are generated in memory with the tests' seeded
 * generators, so what is measured is the computation, not the read of the rows.
 * Standalone: `node --import tsx bench/charter.bench.ts` (add `--json` for machine-readable output).
 */
import { availableParallelism, loadavg } from 'node:os';
import { buildCharterReport } from '#core/charter/charter-report-pdf.js';
import { computeOpinionGroups } from '#core/charter/opinion-groups.js';
import { computeCharterSynthesis } from '#core/charter/synthesis.js';
import { campsData, largeCharterData } from '#test/unit/charter/analysis-fixtures.js';
import { terminalTable, type Row } from './report.js';
import { summarize, timeRuns } from './stats.js';

const SIZES = { contributions: 10_000, participants: 1000, statements: 100 };
const TARGETS = { synthesisMs: 1000, groupsMs: 2000 };

const t0 = performance.now();
// 10,000 contributions over 10 chapters × 10 articles, three channels, 70 % agreements, tags.
const large = largeCharterData(SIZES.contributions, 1);
// 1,000 people in three camps, each answering about 80 % of 100 statements, 15 % noise.
const camps = campsData(SIZES.participants, SIZES.statements, 3, 0.15, 11, 0.8);
const generationMs = performance.now() - t0;

let groupsFound = 0;
const measures: [string, () => Promise<unknown>, number, number | null, string][] = [
  [`synthesis: ${SIZES.contributions.toLocaleString('en-GB')} contributions`, async () => computeCharterSynthesis(large), 30, TARGETS.synthesisMs, ''],
  [
    `opinion groups: ${SIZES.participants.toLocaleString('en-GB')} participants × ${SIZES.statements} statements`,
    async () => {
      groupsFound = computeOpinionGroups(camps).groups.length;
    },
    10,
    TARGETS.groupsMs,
    `${camps.contributions.length.toLocaleString('en-GB')} agreements; PCA, k-means k = 2…5, silhouette`,
  ],
  [
    `restitution report PDF: ${SIZES.contributions.toLocaleString('en-GB')} contributions`,
    async () => buildCharterReport(large, { locale: 'fr', now: new Date() }),
    5,
    null,
    'synthesis + opinion groups + layout + fonts',
  ],
];

// The machine is often shared: the CPU time of this process beside the wall time shows how
// much of a slow sample was waiting for a core.
const rows: Row[] = [];
for (const [measure, fn, runs, target, note] of measures) {
  const cpu: number[] = [];
  const timed = async () => {
    const before = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  };
  const summary = summarize(await timeRuns(2, runs, timed));
  const cpuSummary = summarize(cpu.slice(2));
  const cpuNote = `CPU time p50 ${cpuSummary.p50.toFixed(0)} ms, p95 ${cpuSummary.p95.toFixed(0)} ms`;
  rows.push({ measure, target: target ? `< ${target} ms` : '—', summary, judgedOn: 'p95', met: target ? summary.p95 < target : null, note: note ? `${note}; ${cpuNote}` : cpuNote, ...(target ? {} : { verdict: 'reported' }) });
}
const groupsRow = rows[1]!;
groupsRow.note = `${groupsRow.note}; ${groupsFound} groups found (3 planted)`;

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ sizes: SIZES, generationMs, loadAverage: loadavg()[0], rows }, null, 2));
} else {
  console.log(`Charter analysis benchmark — Node ${process.version}, ${new Date().toISOString()}`);
  console.log(`data generated in ${generationMs.toFixed(0)} ms; load average (1 min) ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores\n`);
  console.log(terminalTable(rows));
}
