/**
 * The dashboard over fixture rows, through the core's real dispatch (inputs parsed as in the
 * app): the 12-person workshop of the issue — 3 anonymous, 1 refusing the study, 8 profiles —
 * plus a 13th whose profile was erased, and rows that must not count (tombstoned, cancelled, another arrondissement or period).
 */
import type { SqliteDatabase } from '#core/store/open-database.js';
import { openDataFolder } from '#test/support/vault.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudyDashboard, StudyTable } from '#shared/study/study.schema.js';
import type { Workshop } from '#shared/workshops/workshop.schema.js';
import { openTestCore, workshopFields, type TestCore } from '../core/test-core.js';
import { addAttendance, addHeadCount, addProposal, addSupport } from './study-fixtures.js';

let core: TestCore;
let rw: SqliteDatabase;
let goutteDor: Workshop;
let belleville: Workshop;

const cells = (t: StudyTable | undefined) => Object.fromEntries((t?.cells ?? []).map((c) => [c.key, c.masked ? c.masked : c.value]));
const table = (d: StudyDashboard, id: string) => [...d.attendance, ...d.proposals].find((t) => t.id === id);

beforeAll(async () => {
  core = await openTestCore();
  rw = await openDataFolder(core.dataDir, { readonly: false });
  goutteDor = await core.must('workshops:create', workshopFields());
  belleville = await core.must(
    'workshops:create',
    workshopFields({ title: 'Belleville', arrondissement: 20, startsAt: '2026-04-02T18:30', endsAt: '2026-04-02T20:30' }),
  );
  const w = goutteDor.id;
  // 8 with a profile: 6 aged 26–40, 2 aged 61–75; 7 QPV residents and 1 from outside Paris.
  const profiles: string[] = [];
  for (let i = 0; i < 6; i++) profiles.push(addAttendance(rw, w, { gender: i < 5 ? 'Femme ' : 'homme' }).profileId!);
  profiles.push(addAttendance(rw, w, { age_bracket: '61_75', first_participation: 'no' }).profileId!);
  profiles.push(addAttendance(rw, w, { age_bracket: '61_75', residence: 'outside_paris', residence_arrondissement: null, lives_in_qpv: 'no', gender: null }, { personName: 'Zoé Unique-Nom' }).profileId!);
  // 1 refusing the study: present, no profile.
  addAttendance(rw, w, null, { personName: 'Zoé Unique-Nom' });
  // 3 anonymous: +4 then a −1 correction, and a tombstoned +5 that must not count.
  addHeadCount(rw, w, 4);
  addHeadCount(rw, w, -1);
  addHeadCount(rw, w, 5, true);
  // Not counted: a cancelled registration, a tombstoned check-in.
  addAttendance(rw, w, { age_bracket: '0_15' }, { status: 'cancelled' });
  addAttendance(rw, w, { age_bracket: '0_15' }, { deleted: true });
  // A 13th person whose profile was erased (consent withdrawn): present, in no profile table.
  addAttendance(rw, w, { age_bracket: '0_15' }, { profileDeleted: true });
  // 5 proposals (one tombstoned extra), 6 dots from 6 profiles on the first two.
  const p1 = addProposal(rw, w, { theme_code: 'cadre-de-vie', proposer_name: 'Zoé Unique-Nom' });
  const p2 = addProposal(rw, w, { theme_code: 'sport', neighbourhood_class: 'other' });
  const p3 = addProposal(rw, w, { theme_code: 'cadre-de-vie', lon: null, lat: null });
  addProposal(rw, w, { theme_code: 'environnement' });
  addProposal(rw, w, { theme_code: 'sante', title: '=HYPERLINK("http://x")' });
  addProposal(rw, w, { theme_code: 'sante', deleted: true });
  for (const id of profiles.slice(0, 5)) addSupport(rw, w, p1, id);
  addSupport(rw, w, p2, profiles[6]!, 2);
  // The same person supporting a second proposal of the same theme is still one supporter.
  addSupport(rw, w, p3, profiles[0]!);
  // Belleville: 10 people, all 41–60.
  for (let i = 0; i < 10; i++) addAttendance(rw, belleville.id, { age_bracket: '41_60', residence_arrondissement: 20 });
});
afterAll(async () => {
  rw.close();
  await core.close();
});

describe('the study dashboard', () => {
  it('counts the people present of one workshop, anonymous ones included, and masks small groups', async () => {
    const d = await core.must('study:dashboard', { scope: 'workshop', workshopId: goutteDor.id });
    expect(d.workshops).toBe(1);
    expect(d.query.workshopTitle).toBe(goutteDor.title);
    expect(d.headline.participants.value).toBe(13);
    expect(d.headline.withProfile.value).toBe(8);
    // 6 aged 26–40 and 2 aged 61–75: showing the 6 would give « 2 people of another age ».
    expect(cells(table(d, 'ageBracket'))).toMatchObject({ '26_40': 'complement', '61_75': 'small', '0_15': 'small', '41_60': 'small' });
    expect(cells(table(d, 'livesInQpv'))).toEqual({ yes: 'complement', no: 'small', unknown: 'small' });
    // Genders are counted by category (« Femme », « femme »: woman), never by the words typed.
    expect(cells(table(d, 'gender'))).toEqual({ woman: 'complement', man: 'small', non_binary: 'small', self_described: 'small', not_said: 'small' });
    expect(cells(table(d, 'residence'))).toMatchObject({ 'arr-18': 'complement', outside_paris: 'small' });
    expect(table(d, 'ageBracket')!.total).toEqual({ key: 'total', value: 8, masked: false });
  });

  it('hides a complement when one group alone is small (no subtraction attack)', async () => {
    // first participation: yes 7, no 1 — 8 − 7 would give the 1 back.
    const d = await core.must('study:dashboard', { scope: 'workshop', workshopId: goutteDor.id });
    expect(cells(table(d, 'firstParticipation'))).toEqual({ yes: 'complement', no: 'small', unknown: 'small' });
    expect(JSON.stringify(d.attendance)).not.toMatch(/"value":(1|2|6|7)\b/);
  });

  it('counts live proposals by theme and neighbourhood, and supporters by group, without masking ideas', async () => {
    const d = await core.must('study:dashboard', { scope: 'workshop', workshopId: goutteDor.id });
    expect(d.headline.proposals).toBe(5);
    expect(d.headline.supports).toBe(7);
    expect(d.headline.dots).toBe(8);
    expect(cells(table(d, 'theme'))).toMatchObject({ 'cadre-de-vie': 2, sport: 1, sante: 1, environnement: 1, mobilites: 0 });
    expect(cells(table(d, 'neighbourhoodClass'))).toEqual({ qpv: 4, veille_active: 0, other: 1 });
    const byAge = d.supports.find((x) => x.id === 'ageBracketByTheme')!;
    const at = (row: string, col: string) => byAge.cells[byAge.rows.indexOf(row)]![byAge.columns.indexOf(col)]!;
    expect(at('26_40', 'cadre-de-vie')).toMatchObject({ value: 5, masked: false });
    expect(at('61_75', 'sport')).toMatchObject({ value: null, masked: 'small' });
  });

  it('covers a period or all workshops, optionally one arrondissement, and refuses a period backwards', async () => {
    const all = await core.must('study:dashboard', { scope: 'all' });
    expect(all.workshops).toBe(2);
    expect(all.headline.participants.value).toBe(23);
    // 10 aged 41–60 shown; the 2 aged 61–75 masked with the 6 aged 26–40 as complement.
    expect(cells(table(all, 'ageBracket'))).toMatchObject({ '41_60': 10, '26_40': 'complement', '61_75': 'small' });
    const april = await core.must('study:dashboard', { scope: 'period', from: '2026-04-01', to: '2026-04-30' });
    expect(april.workshops).toBe(1);
    expect(april.headline.withProfile.value).toBe(10);
    // Everyone in one bracket: the others are 0, which reveals nobody, so nothing else is hidden.
    expect(cells(table(april, 'ageBracket'))).toMatchObject({ '41_60': 10, '26_40': 'small' });
    const the18th = await core.must('study:dashboard', { scope: 'all', arrondissement: 18 });
    expect(the18th.headline.participants.value).toBe(13);
    const backwards = await core.invoke('study:dashboard', { scope: 'period', from: '2026-04-30', to: '2026-04-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'validation', fields: { to: 'validation.endBeforeStart' } } });
    const missing = await core.invoke('study:dashboard', { scope: 'workshop', workshopId: '00000000-0000-4000-8000-000000000000' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('leaves a tombstoned workshop out of every figure', async () => {
    await core.must('workshops:remove', { id: belleville.id });
    const all = await core.must('study:dashboard', { scope: 'all' });
    expect(all.workshops).toBe(1);
    expect(all.headline.participants.value).toBe(13);
    await core.must('workshops:restore', { id: belleville.id });
  });
});

