/**
 * The publication on the real core and SQLite: a month's draft generated from its records, the
 * lab's blocks and chosen photos (alt text required, photos of the period only), the HTML page
 * (self-contained) and the PDF (parsed back), publishing as version n+1 that nothing changes
 * afterwards, the year's report from the months published, and lab desktops only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import type { Database } from '#db/schema.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { labPublicationVersionCodec } from '#core/publication/publication.codecs.js';
import { emptyBlocks } from '#shared/publication/publication.schema.js';
import { outboxRows } from '../core/test-core.js';
import { ACTOR, MONTH, publicationWorld, seedMonth } from './publication-kit.js';

let world: Awaited<ReturnType<typeof publicationWorld>>;
beforeEach(async () => {
  world = await publicationWorld();
});
afterEach(async () => {
  await world.close();
});

const decode = (b64: string) => Buffer.from(b64, 'base64');

describe('a month’s publication', () => {
  it('generates the month’s figures from its records, masked and by code', async () => {
    const { core } = world;
    const seeded = await seedMonth(core, world.rw);
    const draft = await core.must('publication:create', { period: { kind: 'month', key: MONTH }, title: 'Le Lab en mars' });
    expect(draft).toMatchObject({ status: 'draft', lastPublishedVersion: 0, version: 1 });
    const preview = await core.must('publication:preview', { id: draft.id });
    if (preview.figures.kind !== 'month') throw new Error('a month');
    const f = preview.figures.month;
    expect(f.workshops.list.map((w) => w.id)).toEqual(seeded.workshops);
    expect(f.participation.total).toEqual({ key: 'total', value: 30, masked: false });
    expect(Object.fromEntries(f.participation.byKind.map((c) => [c.key, c.masked || c.value]))).toEqual({
      pb_co_construction: 12,
      citizen_card_atelier: 9,
      dataset_meetup: 'complement',
      lab_monthly: 'small',
    });
    expect(f.proposals).toMatchObject({ total: 4, parisWide: 1, byArrondissement: [{ arrondissement: 18, count: 2 }, { arrondissement: 20, count: 1 }] });
    expect(f.cases).toEqual({ total: 0, byState: [], list: [] });
    expect(preview.candidatePhotos.map((p) => p.sha256).sort()).toEqual([...seeded.photos].sort());
    expect(preview.map.areas).toHaveLength(20);
    // One draft per period.
    expect(await core.invoke('publication:create', { period: { kind: 'month', key: MONTH }, title: 'Encore' })).toMatchObject({ ok: false, error: { code: 'validation', fields: { 'period.key': 'validation.publicationExists' } } });
  });

  it('keeps the lab’s blocks and photos with their alt text; refuses a photo of another period or without alt', async () => {
    const { core } = world;
    const seeded = await seedMonth(core, world.rw);
    const draft = await core.must('publication:create', { period: { kind: 'month', key: MONTH }, title: 'Le Lab en mars' });
    const saved = await core.must('publication:save-blocks', { id: draft.id, expectedVersion: 1, title: 'Le Lab en mars 2026', blocks: { ...emptyBlocks(), intro: 'Un mois riche.\n\nQuatre ateliers.' } });
    expect(saved).toMatchObject({ version: 2, title: 'Le Lab en mars 2026', blocks: { intro: 'Un mois riche.\n\nQuatre ateliers.' } });
    expect(await core.invoke('publication:save-blocks', { id: draft.id, expectedVersion: 1, title: 'x', blocks: emptyBlocks() })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await core.invoke('publication:choose-photos', { id: draft.id, expectedVersion: 2, photos: [{ sha256: seeded.photos[0]!, alt: '  ' }] })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { 'photos.0.alt': 'validation.altRequired' } },
    });
    expect(await core.invoke('publication:choose-photos', { id: draft.id, expectedVersion: 2, photos: [{ sha256: 'a'.repeat(64), alt: 'Une photo' }] })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { 'photos.0.sha256': 'validation.photoNotOfPeriod' } },
    });
    const chosen = await core.must('publication:choose-photos', { id: draft.id, expectedVersion: 2, photos: seeded.photos.slice(0, 2).map((sha256, i) => ({ sha256, alt: `Le mur de post-it ${i + 1}` })) });
    expect(chosen.chosenPhotos).toHaveLength(2);
  });

  it('exports one self-contained, accessible HTML page and a PDF with its title, language and pages', async () => {
    const { core } = world;
    const seeded = await seedMonth(core, world.rw);
    const draft = await core.must('publication:create', { period: { kind: 'month', key: MONTH }, title: 'Le Lab en mars' });
    await core.must('publication:save-blocks', { id: draft.id, expectedVersion: 1, title: 'Le Lab en mars', blocks: { ...emptyBlocks(), afterProposals: 'Les propositions du 18e dominent.' } });
    await core.must('publication:choose-photos', { id: draft.id, expectedVersion: 2, photos: seeded.photos.slice(0, 2).map((sha256, i) => ({ sha256, alt: `Le mur de post-it ${i + 1}` })) });

    const html = await core.must('publication:export', { id: draft.id, format: 'html' });
    expect(html.fileName).toBe('Le Lab en mars 2026-03.html');
    const page = decode(html.base64).toString('utf8');
    expect(page).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(page).toContain('<title>Le Lab en mars</title>');
    // Self-contained: no URL to fetch, no script, images inline.
    expect(page).not.toMatch(/(src|href)="(?!data:)/);
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toContain('<script');
    expect(page.match(/<img src="data:image\/(jpeg|png);base64,[A-Za-z0-9+/=]+" alt="Le mur de post-it \d">/g)).toHaveLength(2);
    expect(page.match(/<h1>/g)).toHaveLength(1);
    expect(page).toContain('<h2>Les propositions et leurs lieux</h2>');
    // Every chart has its title and a table after it, with caption and header scopes.
    const charts = page.match(/<svg role="img" aria-labelledby="[^"]+"/g) ?? [];
    expect(charts.length).toBe(3);
    expect(page.match(/<table><caption>/g)!.length).toBeGreaterThanOrEqual(charts.length);
    expect(page).toContain('<th scope="col">Arrondissement</th>');
    expect(page).toContain('<th scope="row">18e arrondissement</th>');
    expect(page).toContain('<td class="n">&lt; 5</td>');
    expect(page).toContain('<p>Les propositions du 18e dominent.</p>');

    const pdf = await core.must('publication:export', { id: draft.id, format: 'pdf' });
    const doc = await PDFDocument.load(decode(pdf.base64));
    expect(doc.getTitle()).toBe('Le Lab en mars');
    expect(pdf.pages).toBe(doc.getPageCount());
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    const dir = mkdtempSync(join(tmpdir(), 'publication-pdf-'));
    try {
      writeFileSync(join(dir, 'p.pdf'), decode(pdf.base64));
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
      for (const words of ['Les ateliers du mois', 'Personnes présentes par type d’atelier', 'Carte des propositions par arrondissement', 'Le mur de post-it 1', 'Les propositions du 18e dominent.']) expect(text).toContain(words);
      const info = execFileSync('pdfinfo', [join(dir, 'p.pdf')], { encoding: 'utf8' });
      expect(info).toMatch(/Title:\s+Le Lab en mars/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('publishing', () => {
  it('makes version n+1, kept as published; the version is never changed, on the laptop either', async () => {
    const { core } = world;
    await seedMonth(core, world.rw);
    const draft = await core.must('publication:create', { period: { kind: 'month', key: MONTH }, title: 'Le Lab en mars' });
    const v1 = await core.must('publication:publish', { id: draft.id, expectedVersion: 1 });
    expect(v1).toMatchObject({ status: 'published', lastPublishedVersion: 1 });
    await core.must('publication:save-blocks', { id: draft.id, expectedVersion: v1.version, title: 'Le Lab en mars (corrigé)', blocks: emptyBlocks() });
    const v2 = await core.must('publication:publish', { id: draft.id, expectedVersion: v1.version + 1 });
    expect(v2.lastPublishedVersion).toBe(2);
    const { versions } = await core.must('publication:versions', { id: draft.id });
    expect(versions.map((v) => [v.n, v.snapshot.title, v.publishedBy])).toEqual([
      [2, 'Le Lab en mars (corrigé)', ACTOR],
      [1, 'Le Lab en mars', ACTOR],
    ]);
    // Each version left in the outbox as one creation, never an update.
    const entries = outboxRows(core.sqlite).filter((e) => (e as unknown as { entity: string }).entity === 'lab_publication_version');
    expect(entries.map((e) => e.op)).toEqual(['create', 'create']);

    // The write funnel refuses any change of a published version.
    const { runWrite } = await import('#core/store/synced-write.js');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: world.rw }) });
    const changed = await runWrite({ db, now: () => new Date(), newId: world.newId, emit: () => undefined }, (w) => w.update(labPublicationVersionCodec, versions[1]!.id, () => ({ ok: true, value: { publishedBy: 'Quelqu’un' } })));
    expect(changed).toMatchObject({ ok: false, error: { code: 'invalid_transition', fields: { id: 'validation.versionImmutable' } } });
    // The old version's export is its own snapshot.
    const old = decode((await core.must('publication:export', { id: draft.id, format: 'html', version: 1 })).base64).toString('utf8');
    expect(old).toContain('<title>Le Lab en mars</title>');
    expect(old).toContain('Version 1, publiée le');
  });

  it('assembles the year’s report from each month’s last published version and names the missing months', async () => {
    const { core } = world;
    await seedMonth(core, world.rw);
    const march = await core.must('publication:create', { period: { kind: 'month', key: MONTH }, title: 'Mars' });
    await core.must('publication:publish', { id: march.id, expectedVersion: 1 });
    const year = await core.must('publication:create', { period: { kind: 'year', key: '2026' }, title: 'Le Lab en 2026' });
    const preview = await core.must('publication:preview', { id: year.id });
    if (preview.figures.kind !== 'year') throw new Error('a year');
    expect(preview.figures.year.missing).toHaveLength(11);
    expect(preview.figures.year.months[2]).toMatchObject({ month: '2026-03', version: 1, workshops: 4, proposals: 4 });
    const page = decode((await core.must('publication:export', { id: year.id, format: 'html' })).base64).toString('utf8');
    expect(page).toContain('Mois sans publication\u00a0: janvier 2026, février 2026, avril 2026');
    const pdf = await core.must('publication:export', { id: year.id, format: 'pdf' });
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
  });

  it('runs on lab desktops only', async () => {
    const { core } = world;
    await world.becomeField();
    expect(await core.invoke('publication:create', { period: { kind: 'month', key: MONTH }, title: 'Mars' })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { 'period.key': 'validation.publicationLabOnly' } },
    });
    expect(await core.invoke('publication:list', {})).toMatchObject({ ok: false, error: { fields: { _: 'validation.publicationLabOnly' } } });
  });

  it('refuses a month that is not one, beside its field', async () => {
    expect(await world.core.invoke('publication:create', { period: { kind: 'month', key: '2026-13' }, title: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { 'period.key': 'validation.month' } },
    });
  });
});
