/**
 * The study dashboard over Paris-scale data: 50,000 participations (present, 80 % with a study
 * profile) in 2,000 workshops, 5,000 proposals and 25,000 dots, generated straight into a temp
 * database, then asked through the core's dispatch as the app asks it (input parsed, masked
 * answer). Target from issue 4: the dashboard under 500 ms. Standalone:
 * `node --import tsx bench/study.bench.ts` (add `--json` for machine-readable output).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore } from '#core/core.js';
import { dataDirLayout } from '#core/data-dir.js';
import { createSilentLogger } from '#core/logger.js';
import { ageBrackets, yesNoUnknown } from '#shared/attendance/participant.schema.js';
import { pbThemeCodes } from '#shared/reference/pb-themes.js';
import { terminalTable, type Row } from './report.js';
import { summarize, timeRuns } from './stats.js';
import { openDataFolder, testVault } from '#test/support/vault.js';

const SIZES = { workshops: 2000, participations: 50_000, proposals: 5000, dots: 25_000 };
const TARGET_MS = 500;

// A small deterministic generator, so two runs measure the same data.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

const dataDir = mkdtempSync(join(tmpdir(), 'atelier-study-bench-'));
const core = await startCore({ dataDir, logger: createSilentLogger(), appVersion: '0.0.0-bench', onEvent: () => {}, ...testVault() });
const db = await openDataFolder(dataDir, { readonly: false });
const at = '2026-03-14T18:00:00.000Z';

const t0 = performance.now();
const workshopIds: string[] = [];
db.transaction(() => {
  const insertWorkshop = db.prepare(
    `insert into workshops (id, kind, title, title_search, starts_at, ends_at, venue_name, arrondissement, in_qpv, status, created_at, updated_at, version)
     values (?, 'pb_co_construction', ?, ?, ?, ?, 'Salle', ?, 0, 'closed', ?, ?, 1)`,
  );
  for (let i = 0; i < SIZES.workshops; i++) {
    const id = randomUUID();
    workshopIds.push(id);
    const day = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000 * 0.5);
    const start = day.toISOString();
    const end = new Date(day.getTime() + 7_200_000).toISOString();
    insertWorkshop.run(id, `Atelier ${i}`, `atelier ${i}`, start, end, (i % 20) + 1, at, at);
  }
  const insertProfile = db.prepare(
    `insert into participant_profiles (id, workshop_id, age_bracket, residence, residence_arrondissement, lives_in_qpv, gender, occupation_category,
       first_participation, neighbourhood_council_member, association_member, created_at, updated_at, version)
     values (?, ?, ?, ?, ?, ?, ?, 'employed', ?, ?, ?, ?, ?, 1)`,
  );
  const insertAttendance = db.prepare(
    `insert into attendances (id, workshop_id, person_id, profile_id, status, source, checked_in_at, recorded_by, created_at, updated_at, version)
     values (?, ?, null, ?, 'present', 'walk_in', ?, 'Bench', ?, ?, 1)`,
  );
  for (let i = 0; i < SIZES.participations; i++) {
    const workshopId = workshopIds[i % SIZES.workshops]!;
    let profileId: string | null = null;
    if (random() < 0.8) {
      profileId = randomUUID();
      const paris = random() < 0.85;
      insertProfile.run(profileId, workshopId, pick(ageBrackets), paris ? 'paris' : 'outside_paris', paris ? Math.floor(random() * 20) + 1 : null,
        pick(yesNoUnknown), pick(['femme', 'homme', 'non-binaire', null]), pick(yesNoUnknown), pick(yesNoUnknown), pick(yesNoUnknown), at, at);
    }
    insertAttendance.run(randomUUID(), workshopId, profileId, at, at, at);
  }
  const insertHeadCount = db.prepare(`insert into head_count_entries (id, workshop_id, delta, recorded_at, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, 1)`);
  for (const id of workshopIds) insertHeadCount.run(randomUUID(), id, 3, at, at, at);
  const insertProposal = db.prepare(
    `insert into proposals (id, workshop_id, kind, title, description, theme_code, location_type, arrondissement, lon, lat, neighbourhood_class,
       proposer_type, proposed_before, accessible_to_disabled, status, captured_at, created_at, updated_at, version)
     values (?, ?, 'proposal', ?, '', ?, 'arrondissement', ?, ?, ?, ?, 'people_present', 'no', 'unknown', 'submitted', ?, ?, ?, 1)`,
  );
  const proposalIds: [string, string][] = [];
  for (let i = 0; i < SIZES.proposals; i++) {
    const id = randomUUID();
    const workshopId = workshopIds[i % SIZES.workshops]!;
    proposalIds.push([id, workshopId]);
    insertProposal.run(id, workshopId, `Proposition ${i}`, pick(pbThemeCodes), (i % 20) + 1, 2.25 + random() * 0.2, 48.82 + random() * 0.07,
      pick(['qpv', 'veille_active', 'other']), at, at, at);
  }
  const profiles = db.prepare('select id, workshop_id from participant_profiles').all() as { id: string; workshop_id: string }[];
  const insertSupport = db.prepare(
    `insert into supports (id, proposal_id, workshop_id, profile_id, method, dots, grade, recorded_at, created_at, updated_at, version)
     values (?, ?, ?, ?, 'dot', 1, null, ?, ?, ?, 1)`,
  );
  for (let i = 0; i < SIZES.dots; i++) {
    const [proposalId, workshopId] = proposalIds[i % proposalIds.length]!;
    insertSupport.run(randomUUID(), proposalId, workshopId, random() < 0.8 ? pick(profiles).id : null, at, at, at);
  }
})();
// Fold the generated rows into the database file, as SQLite's automatic checkpoint would have
// done during a real history of writes; reading 150,000 fresh rows through the WAL is slower.
db.pragma('wal_checkpoint(TRUNCATE)');
db.close();
const generationMs = performance.now() - t0;

const dashboard = (input: unknown) => async () => {
  const result = await core.dispatch('study:dashboard', input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
};
const exportAll = (format: string) => async () => {
  const result = await core.dispatch('study:export', { query: { scope: 'all' }, format, language: 'fr' });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
};

const measures: [string, () => Promise<void>, number, number | null][] = process.env.KEEP_STUDY_BENCH ? [] : [
  ['dashboard: all workshops (50,000 participations)', dashboard({ scope: 'all' }), 20, TARGET_MS],
  ['dashboard: one quarter', dashboard({ scope: 'period', from: '2025-01-01', to: '2025-03-31' }), 20, TARGET_MS],
  ['dashboard: all, one arrondissement', dashboard({ scope: 'all', arrondissement: 18 }), 20, TARGET_MS],
  ['dashboard: one workshop', dashboard({ scope: 'workshop', workshopId: workshopIds[7] }), 30, TARGET_MS],
  ['export CSV: all', exportAll('csv'), 5, null],
  ['export XLSX: all', exportAll('xlsx'), 5, null],
  ['export PDF: all', exportAll('pdf'), 5, null],
  ['export GeoJSON: all (5,000 proposals)', exportAll('geojson'), 5, null],
];

const rows: Row[] = [];
for (const [measure, fn, runs, target] of measures) {
  const summary = summarize(await timeRuns(2, runs, fn));
  rows.push({ measure, target: target ? `< ${target} ms` : '—', summary, judgedOn: 'p95', met: target ? summary.p95 < target : null, ...(target ? {} : { verdict: 'reported' }) });
}
await core.close();
if (process.env.KEEP_STUDY_BENCH) console.error(`kept ${dataDirLayout(dataDir).database}`);
else rmSync(dataDir, { recursive: true, force: true });

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ sizes: SIZES, generationMs, rows }, null, 2));
} else {
  console.log(`Study dashboard benchmark — Node ${process.version}, ${new Date().toISOString()}`);
  console.log(`data: ${SIZES.participations} participations, ${SIZES.proposals} proposals, ${SIZES.dots} dots in ${SIZES.workshops} workshops (generated in ${generationMs.toFixed(0)} ms)\n`);
  console.log(terminalTable(rows));
}
