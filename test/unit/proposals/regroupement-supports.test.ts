import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { majorityGrade } from '#shared/proposals/support.schema.js';
import type { Workshop } from '#shared/workshops/workshop.schema.js';
import { openTestCore, outboxRows, workshopFields, type TestCore } from '../core/test-core.js';
import { GOUTTE_D_OR, HOTEL_DE_VILLE, proposalFields } from './proposal-fixtures.js';
import { openDataFolder } from '#test/support/vault.js';

let core: TestCore;
let workshop: Workshop;
beforeEach(async () => {
  core = await openTestCore();
  workshop = await core.must('workshops:create', workshopFields());
});
afterEach(async () => {
  await core.close();
});

const create = (overrides = {}, workshopId = workshop.id) =>
  core.must('proposals:create', { workshopId, fields: proposalFields(overrides) });
const attendee = () => crypto.randomUUID();

describe('regroupement', () => {
  it('groups proposals into one project; the originals keep their proposers and point to it', async () => {
    const [alice, bob] = [attendee(), attendee()];
    const a = await create({ proposerAttendanceIds: [alice], estimatedCostEuros: 10000, point: GOUTTE_D_OR });
    const b = await create({ proposerAttendanceIds: [bob], proposerType: 'association', proposerName: 'Les Amis du square', estimatedCostEuros: 5000 });
    const { project, originals } = await core.must('proposals:merge', {
      proposalIds: [a.id, b.id],
      title: 'Un square Léon plus vert',
      description: 'Bancs, ombre et plantations.',
      themeCode: 'environnement',
    });
    expect(project).toMatchObject({
      kind: 'project',
      status: 'in_co_construction',
      workshopId: workshop.id,
      estimatedCostCents: 1_500_000,
      proposerType: 'collective',
      proposerName: 'Les Amis du square',
      neighbourhoodClass: 'qpv',
      arrondissement: 18,
    });
    expect(project.proposerAttendanceIds.sort()).toEqual([alice, bob].sort());
    expect(originals.map((o) => [o.status, o.mergedInto])).toEqual([['merged', project.id], ['merged', project.id]]);
    expect(originals[0]!.proposerAttendanceIds).toEqual([alice]);
    expect(originals[1]!.proposerAttendanceIds).toEqual([bob]);
    // The list shows the project in place of its originals, which stay reachable on demand.
    const list = await core.must('proposals:list', { workshopId: workshop.id });
    expect(list.items.map((p) => p.id)).toEqual([project.id]);
    const all = await core.must('proposals:list', { workshopId: workshop.id, includeMerged: true });
    expect(all.items.filter((p) => p.mergedInto === project.id)).toHaveLength(2);
    // One outbox row for the project, one for each original, in the same change.
    expect(outboxRows(core.sqlite, project.id).map((r) => r.op)).toEqual(['create']);
    expect(outboxRows(core.sqlite, a.id).at(-1)!.fields).toEqual({ status: 'merged', mergedInto: project.id });
  });

  it('a project grouping proposals of two workshops has no workshop of its own, yet shows in both', async () => {
    const other = await core.must('workshops:create', workshopFields({ title: 'Atelier Paris Centre', arrondissement: 4 }));
    const a = await create({ point: GOUTTE_D_OR });
    const b = await create({ point: HOTEL_DE_VILLE }, other.id);
    const { project } = await core.must('proposals:merge', { proposalIds: [a.id, b.id], title: 'T', description: 'D', themeCode: 'sport' });
    expect(project).toMatchObject({ workshopId: null, locationType: 'paris', arrondissement: null });
    for (const w of [workshop.id, other.id]) {
      const list = await core.must('proposals:list', { workshopId: w });
      expect(list.items.map((p) => p.id)).toEqual([project.id]);
    }
  });

  it('a proposal already merged cannot be grouped again, and nothing is written', async () => {
    const [a, b, c] = [await create(), await create(), await create()];
    await core.must('proposals:merge', { proposalIds: [a.id, b.id], title: 'T', description: 'D', themeCode: 'sport' });
    const before = outboxRows(core.sqlite).length;
    const again = await core.invoke('proposals:merge', { proposalIds: [a.id, c.id], title: 'T', description: 'D', themeCode: 'sport' });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect(outboxRows(core.sqlite)).toHaveLength(before);
  });

  it('grouping needs at least two proposals', async () => {
    const a = await create();
    const result = await core.invoke('proposals:merge', { proposalIds: [a.id], title: 'T', description: 'D', themeCode: 'sport' });
    expect(result).toMatchObject({ ok: false, error: { fields: { proposalIds: 'validation.mergeAtLeastTwo' } } });
  });
});

describe('supports', () => {
  const tally = async () => (await core.must('supports:tally', { workshopId: workshop.id })).items;

  it('each click is one dot; taking one back removes the last; each dot travels on its own', async () => {
    const p = await create();
    const profile = crypto.randomUUID();
    for (let i = 0; i < 3; i += 1) await core.must('supports:addDot', { proposalId: p.id, workshopId: workshop.id, profileId: profile });
    await core.must('supports:addDot', { proposalId: p.id, workshopId: workshop.id });
    expect((await tally())[0]).toMatchObject({ proposalId: p.id, dots: 4 });
    await core.must('supports:removeDot', { proposalId: p.id, workshopId: workshop.id, profileId: profile });
    expect((await tally())[0]!.dots).toBe(3);
    const supportRows = core.sqlite.prepare("select * from outbox where entity = 'support' order by seq").all() as { op: string; payload: string }[];
    expect(supportRows.map((r) => r.op)).toEqual(['create', 'create', 'create', 'create', 'delete']);
    expect(JSON.parse(supportRows[0]!.payload)).toMatchObject({ proposalId: p.id, workshopId: workshop.id, profileId: profile, method: 'dot', dots: 1, grade: null });
  });

  it('a majority-judgement grade is recorded per anonymous profile; a new grade replaces the old one', async () => {
    const p = await create();
    const [x, y, z] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    await core.must('supports:grade', { proposalId: p.id, workshopId: workshop.id, profileId: x, grade: 'pas_convaincu' });
    await core.must('supports:grade', { proposalId: p.id, workshopId: workshop.id, profileId: x, grade: 'adore' });
    await core.must('supports:grade', { proposalId: p.id, workshopId: workshop.id, profileId: y, grade: 'aime_bien' });
    await core.must('supports:grade', { proposalId: p.id, workshopId: workshop.id, profileId: z, grade: 'pourquoi_pas' });
    expect((await tally())[0]).toMatchObject({ grades: { adore: 1, aime_bien: 1, pourquoi_pas: 1, pas_convaincu: 0 }, majorityGrade: 'aime_bien' });
    const rows = core.sqlite.prepare("select profile_id, grade from supports where deleted_at is null order by profile_id").all();
    expect(rows).toHaveLength(3);
  });

  it('the majority grade is the lower median on a tie', () => {
    expect(majorityGrade({ adore: 1, aime_bien: 0, pourquoi_pas: 0, pas_convaincu: 1 })).toBe('pas_convaincu');
    expect(majorityGrade({ adore: 2, aime_bien: 1, pourquoi_pas: 0, pas_convaincu: 0 })).toBe('adore');
    expect(majorityGrade({ adore: 0, aime_bien: 0, pourquoi_pas: 0, pas_convaincu: 0 })).toBeNull();
  });

  it('a merged proposal is supported through its project', async () => {
    const [a, b] = [await create(), await create()];
    await core.must('proposals:merge', { proposalIds: [a.id, b.id], title: 'T', description: 'D', themeCode: 'sport' });
    const result = await core.invoke('supports:addDot', { proposalId: a.id, workshopId: workshop.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
  });

  it('a supporter chosen by their attendance is recorded under their anonymous profile, never the attendance', async () => {
    const p = await create();
    const profile = crypto.randomUUID();
    const [withProfile, withoutProfile] = [crypto.randomUUID(), crypto.randomUUID()];
    // Two people checked in (helper-free: the rows as the attendance service writes them), one without study consent.
    const writer = await openDataFolder(core.dataDir, { readonly: false });
    const insert = writer.prepare(
      "insert into attendances (id, workshop_id, person_id, profile_id, status, source, checked_in_at, recorded_by, version, created_at, updated_at, deleted_at) values (?, ?, null, ?, 'present', 'walk_in', '2026-03-01T09:00:00.000Z', 'Camille', 1, '2026-03-01T09:00:00.000Z', '2026-03-01T09:00:00.000Z', null)",
    );
    insert.run(withProfile, workshop.id, profile);
    insert.run(withoutProfile, workshop.id, null);
    writer.close();

    const a = await core.must('supports:addDot', { proposalId: p.id, workshopId: workshop.id, attendanceId: withProfile });
    const b = await core.must('supports:grade', { proposalId: p.id, workshopId: workshop.id, attendanceId: withoutProfile, grade: 'adore' });
    expect([a.profileId, b.profileId]).toEqual([profile, null]);
    const stored = JSON.stringify(core.sqlite.prepare('select * from supports').all()) + JSON.stringify(outboxRows(core.sqlite).filter((r) => r.fields.method));
    expect(stored).not.toContain(withProfile);
    expect(stored).not.toContain(withoutProfile);
    // Taking the dot back finds it through the same profile.
    expect(await core.must('supports:removeDot', { proposalId: p.id, workshopId: workshop.id, attendanceId: withProfile })).toMatchObject({ profileId: profile, deletedAt: expect.any(String) });
    // An attendance of another workshop is refused.
    const other = await core.must('workshops:create', workshopFields({ title: 'Autre' }));
    const refused = await core.invoke('supports:addDot', { proposalId: p.id, workshopId: other.id, attendanceId: withProfile });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
