/**
 * La Transfo's training travels between two lab desktops through the portal (SQLite and
 * PostgreSQL): modules, the session and its workshop, attendance; the same field of a session
 * edited on both desktops is shown on both, and a person chooses.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startPortal, testBackends, type RunningPortal } from '../portal/portal-harness.js';
import { startLaptop, type TestLaptop } from '../sync/device-harness.js';
import { cohort, type Call } from './training-kit.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe.each(testBackends())('La Transfo training between two lab desktops (%s)', (backend) => {
  it('modules, sessions and attendance arrive; a session edited on both is a conflict a person resolves', async () => {
    const portal: RunningPortal = await startPortal(backend);
    cleanups.push(() => portal.close());
    const desk = async (name: string): Promise<TestLaptop> => {
      const l = await startLaptop(name);
      cleanups.push(() => l.close());
      await l.enrol(portal.url, await portal.newCode('lab'));
      return l;
    };
    const a = await desk('lab-a');
    const b = await desk('lab-b');
    const callA: Call = (name, input) => a.must(name, input);
    const { campaign, session, ada, remi } = await cohort(callA);
    await a.must('transfoTraining:record-attendance', { sessionId: session.id, day: 0, candidateId: ada.id, status: 'present' });
    await a.must('transfoTraining:record-attendance', { sessionId: session.id, day: 1, candidateId: remi.id, status: 'excused' });
    expect(await a.syncUntilSettled()).toMatchObject({ pending: 0, rejected: 0 });
    await b.syncUntilSettled();

    expect((await b.must('transfoTraining:modules', { campaignId: campaign.id })).items).toHaveLength(7);
    const onB = await b.must('transfoTraining:attendance', { id: session.id });
    expect(onB.session).toMatchObject({ facilitators: ['Nadia Lab'], workshop: { title: session.workshop.title } });
    expect(onB.attendance.map((x) => x.status).sort()).toEqual(['excused', 'present']);
    // The same matrix on both desks (the local times of the records aside).
    const view = async (laptop: TestLaptop) => {
      const m = await laptop.must('transfoTraining:matrix', { campaignId: campaign.id });
      return { modules: m.modules.map((x) => x.id), rows: m.rows, behind: m.behind };
    };
    expect(await view(b)).toEqual(await view(a));

    const edit = (laptop: TestLaptop, facilitators: string[]) =>
      laptop.must('transfoTraining:update-session', { id: session.id, version: session.version, session: { days: session.days, facilitators, residentDesigners: session.residentDesigners } });
    await edit(a, ['Nadia Lab', 'Inès Lab']);
    await edit(b, ['Nadia Lab', 'Paul Lab']);
    await a.sync();
    await b.sync();
    await a.sync();
    for (const laptop of [a, b]) {
      const conflicts = await laptop.must('sync:conflicts', {});
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ entity: 'transfo_session', recordId: session.id, field: 'facilitators' });
      expect(conflicts[0]!.candidates.map((c) => JSON.stringify(c.value)).sort()).toEqual([JSON.stringify(['Nadia Lab', 'Inès Lab']), JSON.stringify(['Nadia Lab', 'Paul Lab'])]);
    }
    const [conflict] = await b.must('sync:conflicts', {});
    const ines = conflict!.candidates.findIndex((c) => JSON.stringify(c.value).includes('Inès'));
    expect((await b.must('sync:resolve', { entity: 'transfo_session', recordId: session.id, field: 'facilitators', choice: ines })).conflicts).toBe(0);
    await b.syncUntilSettled();
    await a.syncUntilSettled();
    expect(await a.must('sync:conflicts', {})).toEqual([]);
    for (const laptop of [a, b]) {
      expect((await laptop.must('transfoTraining:attendance', { id: session.id })).session.facilitators).toEqual(['Nadia Lab', 'Inès Lab']);
    }
  });
});
