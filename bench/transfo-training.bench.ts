/**
 * La Transfo's training: the matrix « who has followed which module » and who is behind, for a
 * cohort of 20 agents (16 ambassadors, 4 relais) over 18 months of monthly sessions of 3 days
 * (54 days, 1,080 attendance records, the seven modules taught and taught again), on an
 * encrypted database file as the app opens it, through the service with the contract's input
 * parsing. Sessions and attendance are written through the commands; the matrix is what is timed.
 * Standalone: `node --import tsx bench/transfo-training.bench.ts` (add `--json` for
 * machine-readable output).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDatabase } from '#core/store/migrate.js';
import { createTrainingService } from '#core/transfo-training/training.service.js';
import { createTransfoService } from '#core/transfo/transfo.service.js';
import { defaultBalanceRules } from '#shared/transfo/candidate.schema.js';
import { attendanceRecordInputSchema, campaignTrainingRefSchema, sessionCreateInputSchema } from '#shared/transfo/training.schema.js';
import { markdownTable, terminalTable, type Row } from './report.js';
import { summarize } from './stats.js';

const AGENTS = 20;
const MONTHS = 18;
const log = (message: string) => process.stderr.write(`[training bench] ${message}\n`);
const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const dir = mkdtempSync(join(tmpdir(), 'atelier-training-bench-'));
const now = new Date('2017-12-20T09:00:00.000Z');
const prepared = await prepareDatabase({ file: join(dir, 'atelier.sqlite'), backupDir: join(dir, 'backups'), key: randomBytes(32), now: () => now });
const deps = { db: prepared.db, now: () => now, newId: randomUUID, emit: () => undefined };
const transfo = createTransfoService({ ...deps, actor: () => 'Bench', eraseIdentities: async () => 0 });
const training = createTrainingService(deps);

const campaignId = must(
  await transfo.createCampaign({ fields: { title: 'La Transfo — promotion 2016', opensOn: '2016-01-11', closesOn: '2016-02-12', profileSought: '', balanceRules: defaultBalanceRules } }),
).id;
const at = now.toISOString();
const agents: string[] = [];
prepared.sqlite.transaction(() => {
  const person = prepared.sqlite.prepare("insert into people (id, name, email, phone, citizen_card_number, search_text, created_at, updated_at, version) values (?, ?, null, null, null, '', ?, ?, 1)");
  const candidate = prepared.sqlite.prepare(`insert into transfo_candidates (id, campaign_id, person_id, full_name, email, search_text, direction, service, category, job, years_in_city, motivation,
    manager_agreement, manager_agreed_on, availability, gender, meeting_notes, stage, met_by, met_on, not_chosen_reason, keep_for_next_call, keep_consent_at,
    stage_changed_at, stage_changed_by, created_at, updated_at, version)
    values (?, ?, ?, ?, null, ?, 'DAC', 'Bureau', 'B', 'Agent', 5, '', 1, '2016-01-20', 'all_sessions', null, '', ?, 'Lab', '2016-01-25', null, 0, null, ?, 'Lab', ?, ?, 1)`);
  for (let i = 0; i < AGENTS; i++) {
    const personId = randomUUID();
    const id = randomUUID();
    const name = `Agent ${String(i).padStart(2, '0')}`;
    person.run(personId, name, at, at);
    candidate.run(id, campaignId, personId, name, name.toLowerCase(), i < 16 ? 'ambassador' : 'relais', at, at, at);
    agents.push(id);
  }
})();

const modules = must(await training.createMethodModules(campaignTrainingRefSchema.parse({ campaignId }))).items;
log(`${MONTHS} sessions of 3 days, ${AGENTS} agents…`);
const statuses = ['present', 'present', 'present', 'present', 'present', 'absent', 'excused'] as const;
for (let month = 0; month < MONTHS; month++) {
  const y = 2016 + Math.floor((month + 2) / 12);
  const m = String(((month + 2) % 12) + 1).padStart(2, '0');
  const days = [7, 8, 9].map((d, k) => ({ date: `${y}-${m}-0${d}`, moduleIds: [modules[(month * 3 + k) % 7]!.id, modules[(month * 3 + k + 1) % 7]!.id] }));
  const session = must(
    await training.createSession(
      sessionCreateInputSchema.parse({
        campaignId,
        workshop: { title: `Session ${y}-${m}`, startsAt: `${y}-${m}-07T09:00`, endsAt: `${y}-${m}-09T17:30`, venueName: 'Le Lab', venueAddress: '', arrondissement: 4 },
        session: { days, facilitators: ['Inès Lab'], residentDesigners: ['Camille Designer'] },
      }),
    ),
  );
  for (let day = 0; day < 3; day++) {
    for (const [i, candidateId] of agents.entries()) {
      must(await training.recordAttendance(attendanceRecordInputSchema.parse({ sessionId: session.id, day, candidateId, status: statuses[(i * 7 + month * 3 + day) % 7] })));
    }
  }
}
prepared.sqlite.pragma('optimize');

const matrix = async () => must(await training.matrix(campaignTrainingRefSchema.parse({ campaignId })));
for (let i = 0; i < 10; i++) await matrix();
const samples: number[] = [];
for (let round = 0; round < 200; round++) {
  const t0 = performance.now();
  await matrix();
  samples.push(performance.now() - t0);
}
const last = await matrix();
await prepared.db.destroy();
rmSync(dir, { recursive: true, force: true });
if (last.rows.length !== AGENTS || last.modules.length !== 7) throw new Error(`matrix of ${last.rows.length} agents × ${last.modules.length} modules`);

const s = summarize(samples);
const figures = { agents: AGENTS, months: MONTHS, records: AGENTS * MONTHS * 3, behind: last.behind.length, summary: s, p50Ms: Math.round(s.p50 * 100) / 100, p95Ms: Math.round(s.p95 * 100) / 100, loadAverage: loadavg()[0] };
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} else {
  const table: Row[] = [
    { measure: `La Transfo training matrix: ${AGENTS} agents, ${MONTHS} months of 3-day sessions (${figures.records} attendance records)`, target: '< 50 ms', summary: s, judgedOn: 'p95', met: s.p95 < 50 },
  ];
  console.log(terminalTable(table));
  console.log(markdownTable(table));
  console.log(`behind: ${figures.behind}; load average ${(figures.loadAverage ?? 0).toFixed(2)}`);
}
