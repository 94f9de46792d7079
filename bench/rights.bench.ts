/**
 * The rights of the people recorded at Paris scale: 50,000 identities over 1,000 workshops of
 * the past two years. Through the core's dispatch (input parsed, service, SQL, answer, access
 * log): finding a person, their access report and PDF, one erasure (row, outbox, erasure record,
 * journal fsync, WAL checkpoint), the retention overview; then what the rights cost at start-up:
 * a journal of 10,000 erasures already applied (read at every start, checked from the database's mark), and the
 * purge of 5,000 identities whose time is up. Standalone:
 * `node --import tsx bench/rights.bench.ts` (add `--json` for machine-readable output).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { personSearchText } from '#core/attendance/attendance.codecs.js';
import { startCore } from '#core/core.js';
import { createSilentLogger } from '#core/logger.js';
import { ERASURE_JOURNAL_FILE, openErasureJournal } from '#core/store/erasure-journal.js';
import { openDataFolder, testVault } from '#test/support/vault.js';
import { markdownTable, terminalTable, type Row } from './report.js';
import { summarize } from './stats.js';

const PEOPLE = 50_000;
const WORKSHOPS = 1_000;
const JOURNAL = 10_000;
const log = (message: string) => process.stderr.write(`[rights bench] ${message}\n`);
const first = ['Awa', 'Hélène', 'Inès', 'Jean', 'Léa', 'Mamadou', 'Chloé', 'Youssef', 'Zoé', 'Éric', 'Fatou', 'Noé', 'Aïcha', 'Karim', 'Lucie'];
const last = ['Diallo', 'Côté', 'Haddad', 'Dupont', 'Martin', 'Traoré', 'Lefèvre', 'Benali', 'Nguyen', 'Moreau', 'Bernard', 'Petit', 'Durand'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const dataDir = mkdtempSync(join(tmpdir(), 'atelier-rights-bench-'));
const now = new Date('2026-12-01T09:00:00.000Z');
const open = (at: Date, retention: { intervalMs: number } | false = false) =>
  startCore({ dataDir, logger: createSilentLogger(), appVersion: 'bench', onEvent: () => undefined, autoSync: false, now: () => at, retention, ...testVault() });

await (await open(now)).close();
log(`generating ${PEOPLE.toLocaleString('en')} people over ${WORKSHOPS} workshops…`);
const random = rng(7);
const sqlite = await openDataFolder(dataDir, { readonly: false });
const personIds: string[] = [];
const cards: string[] = [];
sqlite.transaction(() => {
  const workshop = sqlite.prepare(
    "insert into workshops (id, kind, title, title_search, description, starts_at, ends_at, venue_name, venue_address, arrondissement, in_qpv, capacity, partners, facilitators, status, created_at, updated_at, version) values (?, 'pb_co_construction', ?, ?, '', ?, ?, 'Centre', '', 18, 1, null, '[]', '[]', 'closed', ?, ?, 1)",
  );
  const person = sqlite.prepare('insert into people (id, name, email, phone, citizen_card_number, search_text, created_at, updated_at, version) values (?, ?, ?, null, ?, ?, ?, ?, 1)');
  const attendance = sqlite.prepare("insert into attendances (id, workshop_id, person_id, profile_id, status, source, checked_in_at, recorded_by, created_at, updated_at, version) values (?, ?, ?, null, 'present', 'pre_registered', null, 'bench', ?, ?, 1)");
  const workshops: string[] = [];
  // Two years of workshops up to `now`: about a twelfth of the people are due for the purge.
  for (let w = 0; w < WORKSHOPS; w++) {
    const id = randomUUID();
    const endMs = now.getTime() - (730 - (w * 730) / WORKSHOPS) * 86_400_000;
    const start = new Date(endMs - 2 * 3_600_000).toISOString();
    const end = new Date(endMs).toISOString();
    workshop.run(id, `Atelier ${w}`, `atelier ${w}`, start, end, end, end);
    workshops.push(id);
  }
  for (let i = 0; i < PEOPLE; i++) {
    const name = `${first[Math.floor(random() * first.length)]} ${last[Math.floor(random() * last.length)]}`;
    const email = i % 2 === 0 ? `${name.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z]+/g, '.')}${i}@example.org` : null;
    const card = i % 5 === 0 ? `PC${String(1_000_000 + i)}` : null;
    const id = randomUUID();
    person.run(id, name, email, card, personSearchText(name, email), now.toISOString(), now.toISOString());
    attendance.run(randomUUID(), workshops[Math.floor((i * WORKSHOPS) / PEOPLE)]!, id, now.toISOString(), now.toISOString());
    personIds.push(id);
    if (card) cards.push(card);
  }
})();
sqlite.close();

const core = await open(now);
const time = async (name: string, input: unknown, runs: number, vary?: (i: number) => unknown) => {
  for (let i = 0; i < 3; i++) await core.dispatch(name, vary ? vary(i) : input);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = await core.dispatch(name, vary ? vary(i + 3) : input);
    samples.push(performance.now() - t0);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  }
  return summarize(samples);
};
const actor = 'Bench';
log('search, access, export, erasure, retention…');
const search = await time('people:search', null, 30, (i) => ({ query: i % 2 ? `${first[i % first.length]!.slice(0, 3)} ${last[i % last.length]!.slice(0, 4)}` : cards[i % cards.length], actor }));
const access = await time('people:access', null, 30, (i) => ({ personId: personIds[PEOPLE - 1 - i], actor }));
const pdf = await time('people:export', null, 10, (i) => ({ personId: personIds[PEOPLE - 1 - i], actor, format: 'pdf', language: 'fr' }));
const erase = await time('people:erase', null, 20, (i) => ({ personId: personIds[PEOPLE - 100 - i], actor, confirm: true }));
const retention = await time('people:retention', { actor }, 10);
await core.close();

log(`start-up with a journal of ${JOURNAL.toLocaleString('en')} erasures already applied…`);
/** The first start (it checks what the journal holds beyond the database's mark) apart, then five more. */
const startups = async () => {
  const samples: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const c = await open(now);
    samples.push(performance.now() - t0);
    await c.close();
  }
  return { first: samples[0]!, later: summarize(samples.slice(1)) };
};
const plain = await startups();
// The journal as years of erasures leave it: already applied here (the rows are wiped directly).
const erased = personIds.slice(0, JOURNAL);
const db = await openDataFolder(dataDir, { readonly: false });
db.transaction(() => {
  const wipe = db.prepare("update people set name = null, email = null, phone = null, citizen_card_number = null, search_text = '' where id = ?");
  const record = db.prepare("insert into erasures (id, subject_entity, targets, reason, erased_at, erased_by, created_at, updated_at, version) values (?, 'person', ?, 'retention', ?, null, ?, ?, 1)");
  for (const id of erased) {
    wipe.run(id);
    record.run(id, JSON.stringify([{ entity: 'person', recordId: id, fields: ['name', 'email', 'phone', 'citizenCardNumber'] }]), now.toISOString(), now.toISOString(), now.toISOString());
  }
})();
db.close();
openErasureJournal(join(dataDir, ERASURE_JOURNAL_FILE)).append(erased.map((id) => ({ id, subject: 'person', targets: [['person', id]], reason: 'retention', at: now.toISOString() })));
const withJournal = await startups();

log('the purge of the identities whose time is up…');
const later = new Date(now.getTime() + 120 * 86_400_000);
const t0 = performance.now();
const purging = await open(later, { intervalMs: 86_400_000 });
const readyMs = performance.now() - t0;
// The purge runs beside the commands: its last run, once set, says when it is over.
type Overview = { ok: true; value: { lastPurge: { erased: number } | null } };
let lastPurge: { erased: number } | null = null;
while (!lastPurge) {
  lastPurge = ((await purging.dispatch('people:retention', { actor })) as Overview).value.lastPurge;
  if (!lastPurge) await new Promise((resolve) => setTimeout(resolve, 20));
}
const purgeMs = performance.now() - t0;
const purged = lastPurge.erased;
await purging.close();
rmSync(dataDir, { recursive: true, force: true });

const reported = (measure: string, summary: ReturnType<typeof summarize>, target?: number, note?: string): Row => ({
  measure,
  target: target ? `< ${target} ms` : '—',
  summary,
  judgedOn: 'p95',
  met: target ? summary.p95 < target : null,
  ...(target ? {} : { verdict: 'reported' }),
  ...(note ? { note } : {}),
});
const rows: Row[] = [
  reported(`people:search among ${PEOPLE.toLocaleString('en-GB')} identities`, search, 200, 'name words or a card number; every identity scanned'),
  reported('people:access (one person)', access, 50),
  reported('people:export, PDF (one person)', pdf, 1000),
  reported('people:erase (row, outbox, journal fsync, WAL checkpoint)', erase, 200),
  reported('people:retention overview', retention, 500),
  reported('Core start-up, no journal', plain.later),
  reported(`Core start-up, journal of ${JOURNAL.toLocaleString('en-GB')} erasures already applied`, withJournal.later, undefined, `+${(withJournal.later.p50 - plain.later.p50).toFixed(0)} ms at p50; the first start, which checks all ${JOURNAL.toLocaleString('en-GB')} (as after a restore), ${withJournal.first.toFixed(0)} ms`),
  { measure: `Start-up purge of ${purged.toLocaleString('en-GB')} identities`, target: '—', summary: null, judgedOn: '—', met: null, verdict: 'reported', note: `${(purgeMs / 1000).toFixed(1)} s in all, ${(purgeMs / Math.max(1, purged)).toFixed(2)} ms per identity; the core answered after ${readyMs.toFixed(0)} ms` },
];
if (process.argv.includes('--json')) console.log(JSON.stringify({ rows }));
else {
  console.log(terminalTable(rows));
  void markdownTable;
}
