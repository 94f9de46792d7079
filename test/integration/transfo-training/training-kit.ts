/**
 * La Transfo's training over a real core or a lab desktop: a call for volunteers, its cohort
 * (two ambassadors, a relais, one not chosen, one who withdrew after being chosen), the seven
 * modules and a session of two days. Not a test file itself.
 */
import type { CommandName, CommandOutput } from '#shared/contract.js';
import { campaignFields, candidateFields } from '../transfo/transfo-kit.js';

export type Call = <K extends CommandName>(name: K, input: unknown) => Promise<CommandOutput<K>>;

export const sessionWorkshop = (overrides: Record<string, unknown> = {}) => ({
  title: 'Session de mars — observer et interroger',
  startsAt: '2016-03-07T09:00',
  endsAt: '2016-03-08T17:30',
  venueName: 'Le Lab, Hôtel de Ville',
  venueAddress: '',
  arrondissement: 4,
  ...overrides,
});

export async function cohort(call: Call) {
  const campaign = await call('transfo:create-campaign', { fields: campaignFields() });
  const move = async (id: string, to: string, extra: Record<string, string> = {}) => {
    const c = await call('transfo:candidate', { id });
    return call('transfo:move-stage', { id, version: c.version, to, ...extra });
  };
  const agent = async (fullName: string, to: 'ambassador' | 'relais' | 'not_chosen') => {
    const c = await call('transfo:create-candidate', { campaignId: campaign.id, fields: candidateFields({ fullName }) });
    await move(c.id, 'met', { metBy: 'Nadia (Lab)', metOn: '2016-01-25' });
    await move(c.id, to, to === 'not_chosen' ? { reason: 'Pas de disponibilité' } : {});
    return c;
  };
  const ada = await agent('Ada Lovelace', 'ambassador');
  const bea = await agent('Béatrice Hamon', 'ambassador');
  const remi = await agent('Rémi Relais', 'relais');
  const outsider = await agent('Olga Dehors', 'not_chosen');
  const gone = await agent('Gaston Parti', 'ambassador');
  await move(gone.id, 'withdrew');
  const modules = (await call('transfoTraining:create-method-modules', { campaignId: campaign.id })).items;
  const byMethod = Object.fromEntries(modules.map((m) => [m.method, m]));
  const session = await call('transfoTraining:create-session', {
    campaignId: campaign.id,
    workshop: sessionWorkshop(),
    session: {
      days: [
        { date: '2016-03-07', moduleIds: [byMethod.observation!.id] },
        { date: '2016-03-08', moduleIds: [byMethod.observation!.id, byMethod.interviews!.id] },
      ],
      facilitators: ['Nadia Lab'],
      residentDesigners: ['Camille Designer'],
    },
  });
  return { campaign, ada, bea, remi, outsider, gone, modules, byMethod, session, move };
}
