/**
 * Proposals through the core's dispatch (input parsed, service, SQL, answer): capture with the
 * point's arrondissement and QPV derived, a workshop's list and the list of all 5,000, the
 * support tally of a workshop after a dot vote, and past winners near a point.
 * Standalone: `node --import tsx bench/proposals.bench.ts` (add `--json` for machine output).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore } from '#core/core.js';
import { createSilentLogger } from '#core/logger.js';
import { summarize, type Summary } from './stats.js';
import { testVault } from '#test/support/vault.js';

const PROPOSALS = 5000;
const WORKSHOPS = 100;
const json = process.argv.includes('--json');
const log = (message: string) => process.stderr.write(`[proposals bench] ${message}\n`);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const random = rng(42);
const themes = ['cadre-de-vie', 'environnement', 'sport', 'solidarites', 'mobilites'] as const;

async function time(n: number, run: (i: number) => Promise<unknown>): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t = performance.now();
    await run(i);
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}

const dataDir = mkdtempSync(join(tmpdir(), 'atelier-proposals-bench-'));
const core = await startCore({ dataDir, logger: createSilentLogger(), appVersion: 'bench', onEvent: () => undefined, ...testVault() });
const must = async <T>(name: string, input: unknown): Promise<T> => {
  const r = await core.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value as T;
};

const workshops: string[] = [];
for (let i = 0; i < WORKSHOPS; i += 1) {
  const w = await must<{ id: string }>('workshops:create', {
    kind: 'pb_co_construction', title: `Atelier ${i}`, description: '', startsAt: '2026-03-14T18:30', endsAt: '2026-03-14T20:30',
    venueName: 'Salle', venueAddress: '', arrondissement: 1 + (i % 20), inQpv: false, capacity: null, partners: [], facilitators: [],
  });
  workshops.push(w.id);
}
const fields = () => ({
  title: 'Des bancs et de l’ombre', description: 'Bancs, arbres, fontaine.', themeCode: themes[Math.floor(random() * themes.length)],
  locationType: 'arrondissement', arrondissement: null, addressLabel: '', addressId: null,
  // Inside Paris's box, away from the edges.
  point: { lon: 2.3 + random() * 0.09, lat: 48.84 + random() * 0.04 },
  inVeilleActive: false, estimatedCostEuros: Math.round(random() * 500_000), runningCostsEuros: null, proposerType: 'people_present',
  proposerName: '', proposerAttendanceIds: [], proposedBefore: 'unknown', accessibleToDisabled: 'unknown', photos: [],
});

log(`capturing ${PROPOSALS} proposals…`);
const ids: string[] = [];
const create = await time(PROPOSALS, async (i) => {
  const p = await must<{ id: string }>('proposals:create', { workshopId: workshops[i % WORKSHOPS], fields: fields() });
  ids.push(p.id);
});
log('dot vote: 20 dots on each of the first workshop’s proposals…');
const firstWorkshopProposals = ids.filter((_, i) => i % WORKSHOPS === 0);
for (const id of firstWorkshopProposals) for (let d = 0; d < 20; d += 1) await must('supports:addDot', { proposalId: id, workshopId: workshops[0], profileId: null });

const listWorkshop = await time(200, (i) => must('proposals:list', { workshopId: workshops[i % WORKSHOPS] }));
const listAll = await time(30, () => must('proposals:list', { limit: 5000 }));
const tally = await time(200, () => must('supports:tally', { workshopId: workshops[0] }));
await must('reference:winners', { near: { lon: 2.353, lat: 48.8865 } }); // first call places the 1,341 winners
const winners = await time(200, () => must('reference:winners', { near: { lon: 2.3 + random() * 0.09, lat: 48.84 + random() * 0.04 }, radiusMetres: 800 }));

await core.close();
rmSync(dataDir, { recursive: true, force: true });

const result = { proposals: PROPOSALS, create, listWorkshop, listAll, tally, winners };
if (json) console.log(JSON.stringify(result));
else {
  const line = (label: string, s: Summary) => console.log(`${label.padEnd(52)} p50 ${s.p50.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms`);
  line('proposals:create (point → arrondissement, QPV)', create);
  line(`proposals:list, one workshop (${PROPOSALS / WORKSHOPS})`, listWorkshop);
  line(`proposals:list, all ${PROPOSALS}`, listAll);
  line('supports:tally, one workshop (50 proposals, 1,000 dots)', tally);
  line('reference:winners within 800 m of a point', winners);
}
