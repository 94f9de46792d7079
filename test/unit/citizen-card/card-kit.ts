/**
 * A Citizen Card atelier on the real core (test-core.ts: real migrations, real dispatch, a
 * settable clock): an atelier type, a workshop of the Citizen Card kind with its places, card
 * holders typed at the desk, registrations. Not a test file itself.
 */
import type { CommandInput } from '#shared/contract.js';
import type { Holder } from '#shared/citizen-card/citizen-card.schema.js';
import { openDataFolder } from '#test/support/vault.js';
import { openTestCore, workshopFields, type TestCore } from '../core/test-core.js';

export const ACTOR = 'Inès Lab';

export async function cardWorld(options: { now?: string } = {}) {
  const core = await openTestCore({ now: options.now ?? '2026-03-01T09:00:00.000Z', currentActor: () => ACTOR });
  let cards = 0;
  const world = {
    core,
    close: () => core.close(),
    async type(title = 'Le Conseil de Paris, comment ça marche\u00a0?') {
      return core.must('citizen-card:save-type', {
        fields: {
          title,
          description: 'Visite et atelier.',
          theme: 'institutions',
          audience: 'adults',
          format: 'workshop',
          durationMinutes: 120,
          accessibility: ['wheelchair'],
          languages: ['fr'],
        },
      });
    },
    /** A Citizen Card workshop on 14 March 2026 with its settings. */
    async atelier(fields: Partial<CommandInput<'citizen-card:save-occurrence'>['fields']> = {}, workshop: Parameters<typeof workshopFields>[0] = {}) {
      const type = await world.type();
      const w = await core.must('workshops:create', workshopFields({ kind: 'citizen_card_atelier', title: 'Carte citoyenne — le Conseil de Paris', capacity: null, ...workshop }));
      const occurrence = await core.must('citizen-card:save-occurrence', {
        workshopId: w.id,
        fields: { atelierTypeId: type.id, places: 10, reserved: [], walkInsAllowed: false, ...fields },
      });
      return { workshopId: w.id, occurrence, type };
    },
    async holder(name?: string): Promise<Holder> {
      cards++;
      return core.must('citizen-card:save-holder', {
        fields: {
          cardNumber: `PC${String(cards).padStart(6, '0')}`,
          name: name ?? `Titulaire ${cards}`,
          birthYear: 1980,
          arrondissement: 18,
          email: '',
          phone: '',
          contactConsent: false,
        },
      });
    },
    /** `n` holders registered at the desk. */
    async registered(workshopId: string, n: number) {
      const out = [];
      for (let i = 0; i < n; i++) {
        const h = await world.holder();
        out.push({ holder: h, registration: await core.must('citizen-card:register', { workshopId, holderId: h.id, channel: 'desk', groups: [] }) });
      }
      return out;
    },
    async statuses(workshopId: string) {
      const list = await core.must('citizen-card:registrations', { workshopId });
      const by: Record<string, number> = {};
      for (const r of list.items) by[r.status] = (by[r.status] ?? 0) + 1;
      return by;
    },
    /** This laptop becomes a field laptop (as an enrolment with a field code leaves it). */
    async becomeField() {
      const rw = await openDataFolder(core.dataDir, { readonly: false });
      rw.prepare(`insert into device_meta (key, value) values ('portal_role', 'field') on conflict (key) do update set value = excluded.value`).run();
      rw.close();
    },
  };
  return world;
}

export type CardWorld = Awaited<ReturnType<typeof cardWorld>>;
export type { TestCore };
