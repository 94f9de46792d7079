/**
 * The month's publication reads La Transfo's practical cases themselves (cases-source.ts): the
 * cases with a journal entry or a decision in the Paris month, their states and directions in
 * words, their prototypes' photos offered to choose from — and not a case of another month.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parisDaysOf } from '#core/publication/cases-source.js';
import { casesWorld, jpeg } from '../transfo-cases/cases-kit.js';

let world: Awaited<ReturnType<typeof casesWorld>>;
beforeEach(async () => {
  world = await casesWorld();
});
afterEach(async () => {
  await world.close();
});

describe('the publication’s practical cases', () => {
  it('turns the month’s two instants into its first and last Paris days', () => {
    // March 2026 in Paris: 28 February 23:00 UTC to 31 March 22:00 UTC (summer time from the 29th).
    expect(parisDaysOf('2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z')).toEqual({ first: '2026-03-01', last: '2026-03-31' });
  });

  it('shows the cases that advanced in the month, in words, with their prototypes’ photos to choose', async () => {
    const { core } = world;
    const photo = await core.must('attachments:add', { mediaType: 'image/jpeg', base64: jpeg(4096).toString('base64') });
    const accueil = await world.newCase({ title: 'Accueil des familles' });
    const later = await world.newCase({ title: 'Bibliothèques hors les murs', direction: 'DAC' });
    expect((await world.journal(accueil.id, { workshopId: null, date: '2026-03-31', summary: 'Tests du prototype' })).ok).toBe(true);
    expect((await world.journal(later.id, { workshopId: null, date: '2026-04-01', summary: 'En avril' })).ok).toBe(true);
    const updated = await world.update(accueil.id, {
      state: 'decided',
      decisions: [{ date: '2026-03-20', text: 'Un guichet unique à l’accueil' }],
      prototypes: [{ title: 'Maquette du guichet', description: '', attachments: [{ sha256: photo.sha256, mediaType: 'image/jpeg' }] }],
    });
    expect(updated.ok).toBe(true);

    const draft = await core.must('publication:create', { period: { kind: 'month', key: '2026-03' }, title: 'Le Lab en mars' });
    const preview = await core.must('publication:preview', { id: draft.id });
    if (preview.figures.kind !== 'month') throw new Error('a month');
    const cases = preview.figures.month.cases;
    expect(cases.total).toBe(1);
    expect(cases.list[0]).toMatchObject({ title: 'Accueil des familles', direction: 'DDCT', state: 'decided', journalEntries: 1, decisions: [{ on: '2026-03-20', text: 'Un guichet unique à l’accueil' }] });
    expect(preview.candidatePhotos.map((p) => p.sha256)).toContain(photo.sha256);
    const chosen = await core.invoke('publication:choose-photos', { id: draft.id, expectedVersion: draft.version, photos: [{ sha256: photo.sha256, alt: 'La maquette du guichet unique' }] });
    expect(chosen.ok).toBe(true);

    const html = await core.must('publication:export', { id: draft.id, format: 'html' });
    const text = Buffer.from(html.base64, 'base64').toString('utf8');
    expect(text).toContain('Accueil des familles');
    expect(text).toContain('DDCT — ');
    expect(text).toContain('Décidé');
    expect(text).not.toContain('Bibliothèques hors les murs');
  });
});
