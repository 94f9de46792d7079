/**
 * Publishing through the portal, on SQLite and PostgreSQL: a lab desktop publishes a month, the
 * version reaches the portal, the City's website reads it without a token (list and snapshot,
 * never a draft), and the portal keeps it as published — a changed version 1 is refused with the
 * typed `immutable` reason, the same values again are a replay; a field laptop may not write it.
 * A second lab desktop pulls the versions.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyBlocks } from '#shared/publication/publication.schema.js';
import { startLaptop, type TestLaptop } from '../sync/device-harness.js';
import { json, startPortal, testBackends } from '../portal/portal-harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function laptop(name: string) {
  const l: TestLaptop = await startLaptop(name);
  cleanups.push(() => l.close());
  return l;
}

describe.each(testBackends())('the Lab’s publication through the portal (%s)', (backend) => {
  it('publishes version 1, serves it publicly, refuses any change of it, and publishes version 2 beside it', async () => {
    const portal = await startPortal(backend);
    cleanups.push(() => portal.close());
    const lab = await laptop('lab');
    await lab.enrol(portal.url, await portal.newCode('lab'));
    await lab.createWorkshop({ kind: 'lab_monthly', startsAt: '2026-03-25T18:30', endsAt: '2026-03-25T20:30', arrondissement: 4 });
    const draft = await lab.must('publication:create', { period: { kind: 'month', key: '2026-03' }, title: 'Le Lab en mars' });
    await lab.must('publication:save-blocks', { id: draft.id, expectedVersion: 1, title: 'Le Lab en mars', blocks: { ...emptyBlocks(), intro: 'Un mois d’ateliers.' } });
    await lab.must('publication:publish', { id: draft.id, expectedVersion: 2 });
    expect(await lab.syncUntilSettled()).toMatchObject({ pending: 0, lastError: null });

    // Public: no token.
    const list = await fetch(`${portal.url}/api/public/publications`);
    expect(list.status).toBe(200);
    const { publications } = (await json(list)) as unknown as { publications: { publicationId: string; n: number; title: string; period: unknown }[] };
    expect(publications).toEqual([expect.objectContaining({ publicationId: draft.id, n: 1, title: 'Le Lab en mars', period: { kind: 'month', key: '2026-03' } })]);
    const one = await fetch(`${portal.url}/api/public/publications/${draft.id}/versions/1`);
    expect(one.status).toBe(200);
    const v1 = (await json(one)) as unknown as { n: number; snapshot: { blocks: { intro: string }; figures: { kind: string; month: { workshops: { total: number } } } }; publishedBy?: string };
    expect(v1).toMatchObject({ n: 1, snapshot: { blocks: { intro: 'Un mois d’ateliers.' }, figures: { kind: 'month', month: { workshops: { total: 1 } } } } });
    // The staff name stays on the lab's side.
    expect(v1.publishedBy).toBeUndefined();
    const missing = await fetch(`${portal.url}/api/public/publications/${draft.id}/versions/7`);
    expect([missing.status, (await json(missing)).code]).toEqual([404, 'not_found']);
    const bad = await fetch(`${portal.url}/api/public/publications/not-an-id/versions/1`);
    expect([bad.status, (await json(bad)).code]).toEqual([400, 'invalid_request']);

    // A changed version 1, pushed by a lab device: refused with its typed reason; the same values: a replay.
    const other = await portal.enrol('lab', 'Autre poste du Lab');
    const { records } = await other.pullAll();
    const stored = records.find((r) => r.entity === 'lab_publication_version')!;
    expect(stored.fields).toMatchObject({ n: 1, publicationId: draft.id });
    const changed = await other.push([other.change({ entity: 'lab_publication_version', recordId: stored.recordId, op: 'update', baseRevision: stored.revision, fields: { publishedBy: 'Quelqu’un d’autre' } })]);
    expect(changed.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'immutable', fields: { recordId: 'validation.versionImmutable' } } });
    const same = await other.push([other.change({ entity: 'lab_publication_version', recordId: stored.recordId, op: 'update', baseRevision: stored.revision, fields: { n: 1 } })]);
    expect(same.results[0]).toMatchObject({ status: 'applied', revision: stored.revision });
    expect(((await json(await fetch(`${portal.url}/api/public/publications/${draft.id}/versions/1`))) as unknown as { publishedAt: string }).publishedAt).toBe(stored.fields.publishedAt);

    // A field laptop may not write the Lab's publication.
    const field = await portal.enrol('field', 'Portable de terrain');
    const refused = await field.push([field.change({ entity: 'lab_publication_version', recordId: randomUUID(), op: 'create', fields: { ...stored.fields, n: 9 } })]);
    expect(refused.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'entity_not_allowed' } });

    // Version 2 stands beside version 1, which is unchanged.
    const current = (await lab.must('publication:list', {})).publications[0]!;
    await lab.must('publication:save-blocks', { id: draft.id, expectedVersion: current.version, title: 'Le Lab en mars (corrigé)', blocks: emptyBlocks() });
    await lab.must('publication:publish', { id: draft.id, expectedVersion: current.version + 1 });
    expect(await lab.syncUntilSettled()).toMatchObject({ pending: 0, lastError: null });
    const after = (await json(await fetch(`${portal.url}/api/public/publications`))) as unknown as { publications: { n: number; title: string }[] };
    expect(after.publications.map((p) => [p.n, p.title])).toEqual([
      [2, 'Le Lab en mars (corrigé)'],
      [1, 'Le Lab en mars'],
    ]);

    // Another lab desktop pulls both versions.
    const second = await laptop('lab2');
    await second.enrol(portal.url, await portal.newCode('lab'));
    await second.syncUntilSettled();
    const versions = await second.must('publication:versions', { id: draft.id });
    expect(versions.versions.map((v) => v.n)).toEqual([2, 1]);
  });
});
