/**
 * Online contributions to the charter consultation: the City's website posts them to the
 * portal (POST /v1/charter/contributions), checked against the charter records the portal
 * holds; the same post twice is one record; lab desktops pull them (study scope), field
 * laptops do not; a lab laptop shows them with their channel.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { onlineContributionId } from '#portal/charter-contributions.js';
import { json, postJson, startPortal, testBackends, type RunningPortal, type TestDevice } from './portal-harness.js';
import { startLaptop } from '../sync/device-harness.js';

const ids = { chapter: randomUUID(), article: randomUUID(), agree: randomUUID(), amend: randomUUID(), tag: randomUUID(), consultation: randomUUID(), paperOnly: randomUUID() };
const ARTICLE_BODY = 'La Ville associe les habitantes et les habitants à chaque projet.';
const deleted = { deletedAt: null };

function charterChanges(device: TestDevice) {
  return [
    device.change({ entity: 'charter_chapter', recordId: ids.chapter, op: 'create', fields: { position: 1, title: 'Associer', summary: '', ...deleted } }),
    device.change({
      entity: 'charter_article',
      recordId: ids.article,
      op: 'create',
      fields: { chapterId: ids.chapter, position: 1, title: 'Article 1', body: ARTICLE_BODY, decision: null, decisionReason: null, decidedAt: null, ...deleted },
    }),
    device.change({
      entity: 'charter_question',
      recordId: ids.agree,
      op: 'create',
      fields: { chapterId: ids.chapter, articleId: ids.article, position: 1, prompt: 'D’accord\u00a0?', accepts: ['agreement'], ...deleted },
    }),
    device.change({
      entity: 'charter_question',
      recordId: ids.amend,
      op: 'create',
      fields: { chapterId: ids.chapter, articleId: ids.article, position: 2, prompt: 'Réécrire\u00a0?', accepts: ['amendment'], ...deleted },
    }),
    device.change({ entity: 'charter_tag', recordId: ids.tag, op: 'create', fields: { label: 'Logement', ...deleted } }),
    device.change({
      entity: 'charter_consultation',
      recordId: ids.consultation,
      op: 'create',
      fields: { title: 'Charte', description: '', opensOn: '2026-02-01', closesOn: '2026-04-30', channels: ['workshop', 'online'], ...deleted },
    }),
    device.change({
      entity: 'charter_consultation',
      recordId: ids.paperOnly,
      op: 'create',
      fields: { title: 'Papier', description: '', opensOn: '2026-02-01', closesOn: '2026-04-30', channels: ['paper'], ...deleted },
    }),
  ];
}

function post(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    externalId: `site-${randomUUID()}`,
    consultationId: ids.consultation,
    questionId: ids.agree,
    respondentRef: 'r-0042',
    type: 'agreement',
    agreement: 4,
    text: null,
    tagIds: [ids.tag],
    submittedAt: '2026-03-10T20:15:00Z',
    ...overrides,
  };
}

for (const backend of testBackends()) {
  describe(`online charter contributions on the portal (${backend})`, () => {
    let portal: RunningPortal;
    let lab: TestDevice;
    let website: TestDevice;
    let field: TestDevice;
    beforeAll(async () => {
      portal = await startPortal(backend);
      lab = await portal.enrol('lab', 'Bureau du Lab');
      website = await portal.enrol('field', 'Site de la Ville');
      field = await portal.enrol('field');
      const pushed = await lab.push(charterChanges(lab));
      expect(pushed.results.map((r) => r.status)).toEqual(Array(7).fill('applied'));
    });
    afterAll(async () => portal?.close());

    const send = (body: unknown, device: TestDevice = website) => postJson(`${portal.url}/v1/charter/contributions`, body, device.auth);

    it('records an online answer once: the same externalId twice answers the same id and makes no second record', async () => {
      const body = post();
      const first = await send(body);
      expect(first.status).toBe(200);
      const answer = await json(first);
      expect(answer).toEqual({ id: onlineContributionId(ids.consultation, body.externalId as string), created: true });
      const again = await send({ ...body, agreement: 1 });
      expect(again.status).toBe(200);
      expect(await json(again)).toEqual({ id: answer.id, created: false });

      const { records } = await lab.pullAll();
      const mine = records.filter((r) => r.entity === 'charter_contribution' && r.recordId === answer.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.fields).toMatchObject({
        channel: 'online',
        respondentKey: 'online:r-0042',
        agreement: 4,
        contributor: 'individual',
        profileId: null,
        workshopId: null,
        sheetNumber: null,
        baseText: null,
        tagIds: [ids.tag],
        recordedAt: '2026-03-10T20:15:00.000Z',
      });
      // Study scope: a field laptop receives the charter, not the contributions.
      const fieldPull = await field.pullAll();
      expect(fieldPull.records.some((r) => r.entity === 'charter_contribution')).toBe(false);
      expect(fieldPull.records.some((r) => r.entity === 'charter_consultation')).toBe(true);
    });

    it('an amendment carries the article’s current text as its base', async () => {
      const response = await send(post({ questionId: ids.amend, type: 'amendment', agreement: null, text: ' Associer à chaque projet, dès le début. ', tagIds: [] }));
      expect(response.status).toBe(200);
      const { id } = await json(response);
      const { records } = await lab.pullAll();
      expect(records.find((r) => r.recordId === id)!.fields).toMatchObject({ type: 'amendment', baseText: ARTICLE_BODY, text: 'Associer à chaque projet, dès le début.' });
    });

    it('a client mistake is a 400 in the protocol’s error shape, naming the field; nothing is recorded', async () => {
      const cases: [Record<string, unknown>, string, string][] = [
        [post({ agreement: null }), 'agreement', 'validation.invalid'],
        [post({ type: 'proposal', agreement: null, text: '  ' }), 'text', 'validation.required'],
        [post({ respondentRef: 'Awa Traoré <awa@example.org>' }), 'respondentRef', 'validation.invalid'],
        [post({ consultationId: randomUUID() }), 'consultationId', 'validation.invalid'],
        [post({ consultationId: ids.paperOnly }), 'consultationId', 'validation.channelNotOpen'],
        [post({ submittedAt: '2026-05-02T10:00:00Z' }), 'submittedAt', 'validation.consultationClosed'],
        [post({ questionId: randomUUID() }), 'questionId', 'validation.notInConsultation'],
        [post({ type: 'proposal', agreement: null, text: 'Des réunions le soir' }), 'type', 'validation.questionDoesNotAccept'],
        [post({ tagIds: [randomUUID()] }), 'tagIds', 'validation.unknownTag'],
      ];
      const before = (await lab.pullAll()).cursor;
      for (const [body, field, key] of cases) {
        const response = await send(body);
        expect(response.status, field).toBe(400);
        const answer = await json(response);
        expect(answer.code).toBe('invalid_request');
        expect(answer.fields, field).toEqual({ [field]: key });
      }
      expect((await lab.pullAll(before)).records).toEqual([]);
      const extra = await send({ ...post(), name: 'Awa' });
      expect(extra.status).toBe(400);
    });

    it('only an enrolled device’s token may post', async () => {
      const anonymous = await postJson(`${portal.url}/v1/charter/contributions`, post());
      expect(anonymous.status).toBe(401);
      expect(await json(anonymous)).toMatchObject({ code: 'unauthorized' });
    });
  });
}

describe('online contributions reach a lab laptop (sqlite)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  it('the lab builds the charter, the website posts, the lab laptop shows the answer with its channel; a paper sheet typed on two laptops is one record per answer', async () => {
    const portal = await startPortal('sqlite');
    const labLaptop = await startLaptop('lab');
    const fieldLaptop = await startLaptop('field');
    cleanups.push(() => portal.close(), () => labLaptop.close(), () => fieldLaptop.close());
    await labLaptop.enrol(portal.url, await portal.newCode('lab'));
    await fieldLaptop.enrol(portal.url, await portal.newCode('field'));
    const today = new Date().toISOString().slice(0, 10);
    const chapter = await labLaptop.must('charter:save-chapter', { fields: { position: 1, title: 'Associer', summary: '' } });
    const question = await labLaptop.must('charter:save-question', { fields: { chapterId: chapter.id, articleId: null, position: 1, prompt: 'D’accord\u00a0?', accepts: ['agreement'] } });
    const consultation = await labLaptop.must('charter:save-consultation', {
      fields: { title: 'Charte', description: '', opensOn: '2020-01-01', closesOn: '2099-12-31', channels: ['paper', 'online'] },
    });
    expect(await labLaptop.syncUntilSettled()).toMatchObject({ pending: 0, lastError: null });

    const website = await portal.enrol('field', 'Site de la Ville');
    const posted = await postJson(
      `${portal.url}/v1/charter/contributions`,
      { externalId: 'site-1', consultationId: consultation.id, questionId: question.id, respondentRef: 'r-1', type: 'agreement', agreement: 5, text: null, tagIds: [], submittedAt: `${today}T08:00:00Z` },
      website.auth,
    );
    expect(posted.status).toBe(200);
    const { id } = await json(posted);

    await fieldLaptop.syncUntilSettled();
    const sheet = { consultationId: consultation.id, sheetNumber: 'P-7', workshopId: null, answers: [{ questionId: question.id, type: 'agreement', agreement: 2, text: null, tagIds: [] }] };
    const onField = await fieldLaptop.must('charter:paper-sheet', sheet);
    const onLab = await labLaptop.must('charter:paper-sheet', sheet);
    expect(onLab.contributions[0]!.id).toBe(onField.contributions[0]!.id);
    expect(await fieldLaptop.syncUntilSettled()).toMatchObject({ pending: 0, lastError: null });
    expect(await labLaptop.syncUntilSettled()).toMatchObject({ pending: 0, lastError: null });

    const list = await labLaptop.must('charter:contributions', { consultationId: consultation.id });
    expect(list.total).toBe(2);
    expect(list.items.map((c) => [c.channel, c.respondentKey]).sort()).toEqual([['online', 'online:r-1'], ['paper', 'sheet:P-7']].sort());
    expect(list.items.find((c) => c.id === id)).toMatchObject({ channel: 'online', agreement: 5 });
    // The two typings were equal: merged without a conflict, nothing rejected.
    expect(await labLaptop.must('sync:conflicts', {})).toEqual([]);
    expect(await labLaptop.must('sync:rejected', {})).toEqual([]);
    expect(await fieldLaptop.must('sync:rejected', {})).toEqual([]);
  });
});
