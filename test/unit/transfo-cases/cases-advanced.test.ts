/**
 * `casesAdvancedBetween`, what the monthly publication reads: the cases touched in a period by a
 * journal entry or a decision, with only what is dated in it, and every photo and video of
 * their prototypes with its media type.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { casesAdvancedBetween } from '#core/transfo-cases/cases.repository.js';
import { casesWorld } from './cases-kit.js';

let world: Awaited<ReturnType<typeof casesWorld>>;
beforeEach(async () => {
  world = await casesWorld();
});
afterEach(async () => {
  await world.close();
});

const PHOTO = { sha256: 'c'.repeat(64), mediaType: 'image/jpeg' as const };
const VIDEO = { sha256: 'd'.repeat(64), mediaType: 'video/mp4' as const };

describe('the cases advanced in a period', () => {
  it('gives the journal entries and decisions dated in it, both ends included, and nothing of a case untouched', async () => {
    const accueil = await world.newCase({ title: 'Accueil des familles' });
    const quiet = await world.newCase({ title: 'Bibliothèques hors les murs', direction: 'DAC' });
    // The session of 1 April at 00:30 in Paris is 31 March at 22:30 UTC: its entry is of 1 April.
    const session = await world.session('2026-04-01T00:30');
    expect((await world.journal(accueil.id, { workshopId: null, date: '2026-02-28', summary: 'Avant' })).ok).toBe(true);
    expect((await world.journal(accueil.id, { workshopId: null, date: '2026-03-01', summary: 'Premier jour' })).ok).toBe(true);
    expect((await world.journal(accueil.id, { workshopId: session.id, date: null, summary: 'Tests à la séance' })).ok).toBe(true);
    expect((await world.journal(quiet.id, { workshopId: null, date: '2026-04-02', summary: 'Après' })).ok).toBe(true);
    expect((await world.update(accueil.id, { decisions: [{ date: '2026-03-15', text: 'Un guichet unique' }, { date: '2026-04-01', text: 'Plus tard' }] })).ok).toBe(true);

    const march = await casesAdvancedBetween(world.db, '2026-03-01', '2026-03-31');
    expect(march).toHaveLength(1);
    expect(march[0]).toMatchObject({ id: accueil.id, title: 'Accueil des familles', direction: 'DDCT', service: 'Mairie du 18e', state: 'framing' });
    expect(march[0]!.journal.map((e) => [e.date, e.summary])).toEqual([['2026-03-01', 'Premier jour']]);
    expect(march[0]!.decisions).toEqual([{ date: '2026-03-15', text: 'Un guichet unique' }]);
    const [april1] = await casesAdvancedBetween(world.db, '2026-04-01', '2026-04-01');
    expect(april1!.journal).toEqual([{ date: '2026-04-01', workshopId: session.id, summary: 'Tests à la séance' }]);
    expect(april1!.decisions).toEqual([{ date: '2026-04-01', text: 'Plus tard' }]);
    // A decision alone is enough to be « advanced ».
    expect((await casesAdvancedBetween(world.db, '2026-03-15', '2026-03-15')).map((c) => [c.title, c.journal.length])).toEqual([['Accueil des familles', 0]]);
    expect((await casesAdvancedBetween(world.db, '2026-04-01', '2026-04-30')).map((c) => c.title)).toEqual(['Accueil des familles', 'Bibliothèques hors les murs']);
    expect(await casesAdvancedBetween(world.db, '2026-05-01', '2026-05-31')).toEqual([]);
  });

  it('lists each photo and video of the prototypes once, with its media type and prototype', async () => {
    const c = await world.newCase();
    // Written straight into the attachments table: only the rows matter to the reading.
    const rw = await import('#test/support/vault.js').then((m) => m.openDataFolder(world.core.dataDir, { readonly: false }));
    for (const a of [PHOTO, VIDEO]) rw.prepare(`insert into attachments (sha256, size, media_type, created_at, uploaded_at) values (?, 10, ?, '2026-03-01T00:00:00Z', null)`).run(a.sha256, a.mediaType);
    rw.close();
    const prototypes = [
      { title: 'Maquette du guichet', description: 'En carton', attachments: [PHOTO, VIDEO] },
      { title: 'Affiche', description: '', attachments: [PHOTO] },
    ];
    expect((await world.update(c.id, { prototypes })).ok).toBe(true);
    await world.journal(c.id, { workshopId: null, date: '2026-03-10', summary: 'Prototypes' });
    const [advanced] = await casesAdvancedBetween(world.db, '2026-03-01', '2026-03-31');
    expect(advanced!.attachments).toEqual([
      { ...PHOTO, prototype: 'Maquette du guichet' },
      { ...VIDEO, prototype: 'Maquette du guichet' },
    ]);
  });

  it('leaves out a removed case, and refuses a period that is not two days in order', async () => {
    const c = await world.newCase();
    await world.journal(c.id, { workshopId: null, date: '2026-03-10', summary: 'Entretiens' });
    const rw = await import('#test/support/vault.js').then((m) => m.openDataFolder(world.core.dataDir, { readonly: false }));
    rw.prepare(`update transfo_cases set deleted_at = '2026-03-11T00:00:00Z' where id = ?`).run(c.id);
    rw.close();
    expect(await casesAdvancedBetween(world.db, '2026-03-01', '2026-03-31')).toEqual([]);
    await expect(casesAdvancedBetween(world.db, '2026-03-31', '2026-03-01')).rejects.toThrow(RangeError);
    await expect(casesAdvancedBetween(world.db, '2026-03-01T00:00:00Z', '2026-03-31')).rejects.toThrow(RangeError);
  });
});
