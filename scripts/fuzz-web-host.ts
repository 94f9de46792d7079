/**
 * `npm run fuzz -- --runs 5000 [--seed N] [--commands workshops:create,study:export] [--concurrency 4]`
 *
 * The web host fuzz of test/integration/web at any size: builds the host and its core worker,
 * starts them on a fresh data folder, sends `runs` generated inputs per command and the raw
 * hostile requests, then checks the host is alive and the database sound. Prints the seed
 * first; exits 1 on any answer outside the typed shape, any 5xx, a dead host or a damaged
 * database, and writes every violation to a JSON file it names.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { contract, type CommandName } from '#shared/contract.js';
import { buildHost, post, startHostProcess } from '#test/integration/web/built-host.js';
import { openDataFolder } from '#test/support/vault.js';
import { fuzzCommands, judge, type Violation } from '#test/integration/web/fuzz-run.js';
import { rawCases, seedStore } from '#test/integration/web/raw-cases.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    seed: { type: 'string' },
    commands: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
  },
});
const runs = Number(values.runs);
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const commands = values.commands ? (values.commands.split(',') as CommandName[]) : (Object.keys(contract) as CommandName[]);
for (const name of commands) if (!(name in contract)) throw new Error(`unknown command ${name}`);

console.log(`web host fuzz: seed ${seed}, ${runs} inputs per command, ${commands.length} commands (replay: npm run fuzz -- --runs ${runs} --seed ${seed}${values.commands ? ` --commands ${values.commands}` : ''})`);
const built = await buildHost();
const web = await startHostProcess(built);
let failed = false;
try {
  const knownIds = await seedStore(web);
  const report = await fuzzCommands({
    port: web.port,
    cookie: web.cookie,
    seed,
    runs,
    knownIds,
    commands,
    concurrency: Number(values.concurrency),
    onCommand: (name, t) => console.log(`  ${name.padEnd(28)} ${String(t.ms).padStart(7)} ms  ok ${t.ok}/${runs}`),
  });
  const violations: Violation[] = [...report.violations];
  for (const c of rawCases()) {
    const answer = await c.send(web);
    const why = answer.status !== c.status ? `HTTP ${answer.status}, expected ${c.status}` : judge(answer);
    if (why) violations.push({ command: '(raw)', kind: 'raw', input: c.label, status: answer.status, answer: answer.body.slice(0, 300), why });
  }
  console.log(
    `${report.requests} requests in ${Math.round(report.ms / 1000)} s; by kind ${JSON.stringify(report.byKind)}; successes ${JSON.stringify(report.successes)}; ${report.refusedWhileSending} over-limit bodies cut while sending`,
  );
  const info = await post(false, web.port, '/rpc/app:info', { cookie: web.cookie, 'content-type': 'application/json' }, '{}');
  const alive = web.alive() && info.status === 200;
  const exitCode = await web.stop();
  const db = await openDataFolder(web.dataDir);
  const integrity = db.pragma('integrity_check', { simple: true });
  db.close();
  console.log(`host alive at the end: ${alive}; stopped with ${exitCode}; integrity_check: ${String(integrity)}; violations: ${violations.length}`);
  if (violations.length) {
    const file = join(tmpdir(), `atelier-fuzz-${seed}.json`);
    writeFileSync(file, JSON.stringify(violations, null, 1));
    for (const v of violations.slice(0, 10)) console.log(`  ${v.command} (${v.kind}): ${v.why}\n    sent ${v.input.slice(0, 160)}\n    got ${v.answer.slice(0, 160)}`);
    console.log(`all violations: ${file}`);
  }
  failed = violations.length > 0 || !alive || exitCode !== 0 || integrity !== 'ok';
} finally {
  if (web.alive()) await web.stop();
  rmSync(web.dataDir, { recursive: true, force: true });
  built.remove();
}
process.exit(failed ? 1 : 0);
