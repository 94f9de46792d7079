/**
 * Fuzz of every portal route (enrol, push, push/resume, pull, attachments HEAD/PATCH/GET,
 * health, metrics, unknown routes and what HTTP itself refuses), from the protocol's zod
 * schemas. The size here fits CI; `npm run fuzz:portal -- --runs 5000` runs a longer one.
 * Each run prints its seed: PORTAL_FUZZ_SEED=<seed> replays it, PORTAL_FUZZ_RUNS sets its size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, testBackends, type RunningPortal } from './portal-harness.js';
import { runPortalFuzz } from './fuzz/portal-fuzz.js';
import { FUZZ_BODY_LIMIT } from './fuzz/requests.js';

const seed = Number(process.env.PORTAL_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const runs = Number(process.env.PORTAL_FUZZ_RUNS ?? 300);

for (const backend of testBackends()) {
  describe(`portal fuzz (${backend})`, () => {
    let portal: RunningPortal;
    beforeAll(async () => {
      portal = await startPortal(backend, { bodyLimit: FUZZ_BODY_LIMIT });
    });
    afterAll(async () => portal?.close());

    it('every answer is a success of its route or the protocol error body, never a 5xx; the portal stays sound', async () => {
      console.log(`portal fuzz (${backend}): seed ${seed}, ${runs} runs; replay with PORTAL_FUZZ_SEED=${seed}`);
      const report = await runPortalFuzz(portal, { runs, seed });
      console.log(`portal fuzz (${backend}): ${report.requests} requests`, JSON.stringify(report.answers));
      expect(report.requests).toBeGreaterThan(runs);
    }, 600_000);
  });
}
