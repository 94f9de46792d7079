/** La Transfo's e2e seeds: forty names across ten directions, a candidate's fields, a move through the command. */
import type { Page } from '@playwright/test';
import { must } from './seed.js';

export const DIRECTIONS = ['DAC', 'DRH', 'DSIN', 'DEVE', 'DFPE', 'DASCO', 'DSOL', 'DVD', 'DPE', 'DJS'] as const;
export const FIRST = ['Aïcha', 'Bruno', 'Chloé', 'Dmitri', 'Élodie', 'Farid', 'Gaëlle', 'Hugo', 'Inès', 'Jules', 'Karima', 'Léon', 'Maëlys', 'Nadir', 'Océane', 'Pierre', 'Quitterie', 'Rachid', 'Sévérine', 'Thibault'];
export const LAST = [
  'Benali', 'Carpentier', 'Dufresne', 'Ivanov', 'Marchand', 'Haddad', 'Le Goff', 'Moreau', 'Haddou', 'Vasseur',
  'Ziani', 'Roussel', 'Perrin', 'Bouzid', 'Lefèvre', 'Garnier', 'de Villiers', 'Amrani', 'Fabre', 'Lambert',
  'Nguyen', 'Rolland', 'Saïdi', 'Texier', 'Guérin', 'Martin', 'Diallo', 'Chevalier', 'Morel', 'Kaci',
  'Blanc', 'Colin', 'Dupuis', 'Fontaine', 'Gauthier', 'Hamon', 'Jacob', 'Klein', 'Lucas', 'Meyer',
];
export const YEARS = [1, 3, 7, 12, 18, 25];
export const nameOf = (i: number) => `${FIRST[i % 20]} ${LAST[i]}`;

export interface Seeded {
  id: string;
  version: number;
}

/** Moves a candidate through the command, at the version it was read. */
export async function move(page: Page, origin: string, c: Seeded, to: string, extra: Record<string, unknown> = {}): Promise<Seeded> {
  const moved = await must(page, origin, 'transfo:move-stage', { id: c.id, version: c.version, to, ...extra });
  return { id: c.id, version: moved.version as number };
}

export const met = { metBy: 'Inès Lab', metOn: '2027-01-20' };

/** A candidate's fields as the command takes them. */
export const fieldsOf = (i: number, extra: Record<string, unknown> = {}) => ({
  fullName: nameOf(i),
  email: '',
  direction: DIRECTIONS[i % 10],
  service: 'Service des projets',
  category: ['A', 'B', 'C'][i % 3],
  job: 'Chargé·e de mission',
  yearsInCity: YEARS[i % 6],
  motivation: '',
  managerAgreement: false,
  managerAgreedOn: null,
  availability: 'all_sessions',
  gender: null,
  meetingNotes: '',
  keepForNextCall: false,
  ...extra,
});


/** The lab's default balance rules (src-shared/transfo/balance.ts: the e2e imports types only from the app). */
export const defaultBalanceRules = { target: 20, maxPerDirection: 3, everyCategoryRepresented: true, genderShare: { min: 0.4, minKnown: 5 }, everySeniorityBand: true, seniorityEdges: [5, 15] };

/** Six agents of a cohort: four ambassadors, two relais. */
export const AGENTS = [
  ['Aïcha Benali', 'ambassador'],
  ['Bruno Carpentier', 'ambassador'],
  ['Chloé Dufresne', 'ambassador'],
  ['Dmitri Ivanov', 'ambassador'],
  ['Élodie Marchand', 'relais'],
  ['Farid Haddad', 'relais'],
] as const;

/** A call of 2026 with the six agents chosen and one candidate not chosen, through the commands. */
export async function seedCohort(page: Page, origin: string): Promise<{ campaignId: string; agents: { id: string; fullName: string }[] }> {
  const campaign = await must(page, origin, 'transfo:create-campaign', {
    fields: { title: 'La Transfo 2026', opensOn: '2026-06-01', closesOn: '2026-07-15', profileSought: '', balanceRules: defaultBalanceRules },
  });
  const campaignId = campaign.id as string;
  const agents: { id: string; fullName: string }[] = [];
  for (const [i, [fullName, to]] of [...AGENTS, ['Gaëlle Hamon', 'not_chosen'] as const].entries()) {
    const c = await must(page, origin, 'transfo:create-candidate', {
      campaignId,
      fields: fieldsOf(i, { fullName, direction: ['DAC', 'DRH', 'DSIN', 'DEVE'][i % 4], yearsInCity: 5 + i, managerAgreement: true, managerAgreedOn: '2026-06-10' }),
    });
    const seen = await must(page, origin, 'transfo:move-stage', { id: c.id, version: c.version, to: 'met', metBy: 'Inès Lab', metOn: '2026-07-20' });
    await must(page, origin, 'transfo:move-stage', { id: c.id, version: seen.version, to, ...(to === 'not_chosen' ? { reason: 'Pas de disponibilité' } : {}) });
    if (to !== 'not_chosen') agents.push({ id: c.id as string, fullName });
  }
  return { campaignId, agents };
}
