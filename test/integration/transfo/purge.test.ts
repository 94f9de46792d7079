/**
 * The retention test for La Transfo: once the closed call is purged, nothing of a
 * candidate neither chosen nor kept is found in any file of the data folder (database read
 * through SQLite — every table, the outbox included — and the raw bytes of every file: database,
 * WAL, logs, erasure journal), nor on the portal (SQLite and PostgreSQL) nor on a second lab
 * desktop that had pulled them; the chosen and the kept are still there.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDataFolder } from '#test/support/vault.js';
import { filesUnder, findInDatabase, findInFiles } from '../../unit/people/rights-kit.js';
import { startPortal, testBackends, type RunningPortal } from '../portal/portal-harness.js';
import { findInPortalDatabase, findInRawFiles, portalFiles } from '../rights/portal-search.js';
import { startLaptop, type TestLaptop } from '../sync/device-harness.js';
import { ACTOR, campaignFields, candidateFields, transfoWorld } from './transfo-kit.js';

/** The candidate who is not chosen, as the lab typed them. */
const GONE = {
  fullName: 'Zéphyrine Quarteron-Maëlig',
  email: 'zephyrine.quarteron@paris.fr',
  service: 'Atelier de reliure Quarteron',
  motivation: 'Je veux transformer la mairie par le jeu sérieux',
  meetingNotes: 'Rencontrée au café Maëlig',
  reason: 'Profil très proche de celui d’une ambassadrice déjà choisie',
};
const NEEDLES = [...Object.values(GONE), 'Quarteron', 'quarteron', 'Zéphyrine', 'zephyrine', 'Maëlig', 'maelig'];
const KEPT = ['Bérénice Ambassadrice', 'Octave Gardé', 'Rosalie Relais'];

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function leftIn(dataDir: string, needles: readonly string[]): Promise<string[]> {
  const sqlite = await openDataFolder(dataDir);
  try {
    return [...findInDatabase(sqlite, needles), ...findInFiles(filesUnder(dataDir), needles)];
  } finally {
    sqlite.close();
  }
}

/** Runs a command that must succeed, on a test core or a laptop. */
type Call = <T>(name: string, input: unknown) => Promise<T>;

/** A call with four candidates: one not chosen, an ambassador, one kept for the next call, a relais. */
async function recruit(call: Call) {
  const campaign = await call<{ id: string; version: number }>('transfo:create-campaign', { fields: campaignFields() });
  const add = (fields: Parameters<typeof candidateFields>[0]) => call<{ id: string; version: number }>('transfo:create-candidate', { campaignId: campaign.id, fields: candidateFields(fields) });
  const move = async (id: string, to: string, extra: Record<string, string> = {}) => {
    const c = await call<{ version: number }>('transfo:candidate', { id });
    return call('transfo:move-stage', { id, version: c.version, to, ...extra });
  };
  const gone = await add({ fullName: GONE.fullName, email: GONE.email, service: GONE.service, motivation: GONE.motivation });
  await move(gone.id, 'met', { metBy: 'Nadia (Lab)', metOn: '2016-01-25' });
  const met = await call<{ version: number }>('transfo:candidate', { id: gone.id });
  await call('transfo:update-candidate', { id: gone.id, version: met.version, fields: candidateFields({ ...GONE, reason: undefined } as never) });
  await move(gone.id, 'not_chosen', { reason: GONE.reason });
  const ambassador = await add({ fullName: KEPT[0], direction: 'DRH' });
  await move(ambassador.id, 'met', { metBy: 'Nadia (Lab)', metOn: '2016-01-25' });
  await move(ambassador.id, 'ambassador');
  const kept = await add({ fullName: KEPT[1], direction: 'DVD', keepForNextCall: true });
  await move(kept.id, 'withdrew', { reason: 'Pas disponible cette année' });
  const relais = await add({ fullName: KEPT[2], direction: 'DU' });
  await move(relais.id, 'met', { metBy: 'Nadia (Lab)', metOn: '2016-01-26' });
  await move(relais.id, 'relais');
  return { campaign, gone, ambassador, kept, relais };
}

describe('the purge of a closed call (the laptop’s data folder)', () => {
  it('erases the candidate neither chosen nor kept, everywhere in the data folder; keeps the others', async () => {
    const world = await transfoWorld({ fileLogger: true });
    cleanups.push(() => world.close());
    const { core } = world;
    const { campaign, gone } = await recruit((name, input) => core.must(name as never, input as never));
    expect(await leftIn(core.dataDir, NEEDLES)).not.toEqual([]);

    expect(await core.invoke('transfo:purge-campaign', { id: campaign.id, version: 1, confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition', fields: { id: 'validation.campaignNotClosed' } },
    });
    const closed = await core.must('transfo:close-campaign', { id: campaign.id, version: 1 });
    expect(await core.invoke('transfo:purge-campaign', { id: campaign.id, version: closed.version, confirm: false as true })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { confirm: 'validation.confirmPurge' } },
    });
    const purged = await core.must('transfo:purge-campaign', { id: campaign.id, version: closed.version, confirm: true });
    expect(purged).toMatchObject({ erased: 1, campaign: { status: 'purged', purgedBy: ACTOR, purgedAt: expect.any(String) } });

    expect(await leftIn(core.dataDir, NEEDLES)).toEqual([]);
    expect(findInDatabase(core.sqlite, KEPT).filter((f) => f.startsWith('people:'))).toEqual(KEPT.map((name) => `people: ${name}`));
    // What stays of the application: a count, without anyone in it.
    expect(await core.must('transfo:candidate', { id: gone.id })).toMatchObject({
      erased: true,
      fullName: null,
      email: null,
      motivation: null,
      notChosenReason: null,
      stage: 'not_chosen',
      direction: 'DAC',
    });
    expect((await core.must('transfo:history', { id: gone.id })).items.every((m) => m.reason === null)).toBe(true);
    expect(core.sqlite.prepare('select reason from erasures where id = (select person_id from transfo_candidates where id = ?)').get(gone.id)).toEqual({ reason: 'retention' });
    // A purged call takes no change.
    const after = await core.must('transfo:candidates', { campaignId: campaign.id, stage: ['ambassador'] });
    const [chosen] = after.items;
    expect(await world.move(chosen!.id, 'met')).toMatchObject({ ok: false, error: { fields: { to: 'validation.campaignPurged' } } });
  });
});

for (const backend of testBackends()) {
  describe(`the purge of a closed call reaches the portal (${backend})`, () => {
    it('a second lab desktop and the portal keep nothing of the candidate not kept', async () => {
      const portal: RunningPortal = await startPortal(backend);
      cleanups.push(() => portal.close());
      const desk = async (name: string): Promise<TestLaptop> => {
        const l = await startLaptop(name);
        cleanups.push(() => l.close());
        await l.enrol(portal.url, await portal.newCode('lab'));
        return l;
      };
      const lab = await desk('lab');
      const lab2 = await desk('lab-2');
      const { campaign } = await recruit((name, input) => lab.must(name as never, input));
      expect(await lab.syncUntilSettled()).toMatchObject({ pending: 0, rejected: 0 });
      await lab2.syncUntilSettled();
      expect(await findInPortalDatabase(portal, NEEDLES)).not.toEqual([]);
      expect(await leftIn(lab2.dataDir, NEEDLES)).not.toEqual([]);

      const closed = await lab.must('transfo:close-campaign', { id: campaign.id, version: 1 });
      await lab.must('transfo:purge-campaign', { id: campaign.id, version: closed.version, confirm: true });
      expect(await lab.syncUntilSettled()).toMatchObject({ pending: 0, rejected: 0 });
      await lab2.syncUntilSettled();

      expect(await findInPortalDatabase(portal, NEEDLES)).toEqual([]);
      if (portal.dialect === 'sqlite') expect(findInRawFiles(portalFiles(portal), NEEDLES)).toEqual([]);
      for (const l of [lab, lab2]) expect(await leftIn(l.dataDir, NEEDLES), l.name).toEqual([]);
      expect(await findInPortalDatabase(portal, KEPT)).not.toEqual([]);
      const onLab2 = await lab2.must('transfo:campaigns', {});
      expect(onLab2.items[0]).toMatchObject({ status: 'purged', candidates: 4, chosen: 2 });
    });
  });
}
