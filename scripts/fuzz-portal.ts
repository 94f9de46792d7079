/**
 * A longer fuzz of the portal than `npm test` runs (test/integration/portal/fuzz.test.ts):
 *
 *   npm run fuzz:portal -- --runs 5000 [--seed 1234] [--requests 8]
 *   scripts/postgres-test.sh npm run fuzz:portal -- --runs 5000     (SQLite, then PostgreSQL)
 *
 * Prints the seed first (a failure replays with --seed), then the answers it got; exits 1 on
 * the first answer outside the protocol or when the portal is not sound afterwards.
 */
import { parseArgs } from 'node:util';
import { runPortalFuzz } from '#test/integration/portal/fuzz/portal-fuzz.js';
import { FUZZ_BODY_LIMIT } from '#test/integration/portal/fuzz/requests.js';
import { startPortal, testBackends } from '#test/integration/portal/portal-harness.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '2000' }, seed: { type: 'string' }, requests: { type: 'string', default: '8' } },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const requestsPerRun = Number(values.requests);
if (!(runs > 0) || !Number.isInteger(seed) || !(requestsPerRun > 0)) {
  process.stderr.write('usage: npm run fuzz:portal -- [--runs 5000] [--seed N] [--requests 8]\n');
  process.exit(2);
}

let failed = false;
for (const backend of testBackends()) {
  process.stdout.write(`portal fuzz (${backend}): seed ${seed}, ${runs} runs of up to ${requestsPerRun} requests\n`);
  const portal = await startPortal(backend, { bodyLimit: FUZZ_BODY_LIMIT });
  const started = Date.now();
  try {
    const report = await runPortalFuzz(portal, { runs, seed, requestsPerRun });
    const answers = Object.entries(report.answers).sort(([a], [b]) => a.localeCompare(b));
    process.stdout.write(`  ${report.requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s, every answer in the protocol, portal sound\n`);
    for (const [key, count] of answers) process.stdout.write(`  ${key.padEnd(28)} ${count}\n`);
  } catch (error) {
    failed = true;
    process.stdout.write(`  FAILED (replay with --seed ${seed}):\n${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    await portal.close();
  }
}
process.exit(failed ? 1 : 0);
