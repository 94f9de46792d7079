/**
 * La Transfo's recruiting (issue 11): the closed lists of a call for volunteers and of its
 * candidates, the lab's balance rules, the stages and the moves allowed between them, and the
 * key that keeps one candidate once per campaign. The records that travel are in
 * transfo-sync.schema.ts, the commands' inputs and answers in transfo.schema.ts.
 */
import { z } from 'zod';
import { normalizeForSearch } from '../text.js';

/** The City's directions a candidate may come from, by their code. */
export const transfoDirections = [
  'DAC',
  'DAE',
  'DAJ',
  'DASCO',
  'DASES',
  'DCPA',
  'DDCT',
  'DEVE',
  'DFA',
  'DFPE',
  'DICOM',
  'DILT',
  'DJS',
  'DLH',
  'DPE',
  'DPSP',
  'DRH',
  'DSIN',
  'DSOL',
  'DU',
  'DVD',
  'SG',
] as const;
export type TransfoDirection = (typeof transfoDirections)[number];
export const directionSchema = z.enum(transfoDirections, { error: 'validation.required' });

export const campaignStatuses = ['open', 'closed', 'purged'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/** The civil service's categories. */
export const civilServiceCategories = ['A', 'B', 'C'] as const;
export type CivilServiceCategory = (typeof civilServiceCategories)[number];

/** Availability for the monthly sessions of the year. */
export const availabilities = ['all_sessions', 'most_sessions', 'some_sessions'] as const;
export type Availability = (typeof availabilities)[number];

/** Optional: null when the candidate did not say. */
export const candidateGenders = ['woman', 'man', 'other'] as const;
export type CandidateGender = (typeof candidateGenders)[number];

export const candidateStages = ['applied', 'met', 'ambassador', 'relais', 'not_chosen', 'withdrew'] as const;
export type CandidateStage = (typeof candidateStages)[number];

/**
 * The moves a person may make. A decision (ambassador, relais, not chosen) can be undone back to
 * `met`; anyone may withdraw; nothing comes back from `withdrew` (a new application would).
 */
export const stageMoves: Readonly<Record<CandidateStage, readonly CandidateStage[]>> = {
  applied: ['met', 'withdrew'],
  met: ['ambassador', 'relais', 'not_chosen', 'withdrew'],
  ambassador: ['met', 'withdrew'],
  relais: ['met', 'withdrew'],
  not_chosen: ['met', 'withdrew'],
  withdrew: [],
};

export const canMove = (from: CandidateStage, to: CandidateStage): boolean => stageMoves[from].includes(to);

/** The stages whose candidates are kept after the campaign's purge (the cohort). */
export const chosenStages: readonly CandidateStage[] = ['ambassador', 'relais'];

/**
 * The lab's rules for a balanced cohort, stored with the campaign (src-shared/transfo/balance.ts
 * reads the same shape): how many to choose, at most so many per direction, every category
 * represented, a share of women among those whose gender is known (once enough are known), and
 * every seniority band (years in the City, from each bound) represented.
 */
export const campaignBalanceRulesSchema = z
  .object({
    target: z.number().int().min(1).max(500),
    maxPerDirection: z.number().int().min(1).max(500),
    everyCategoryRepresented: z.boolean(),
    genderShare: z.object({ min: z.number().min(0).max(1), minKnown: z.number().int().min(0).max(500) }).strict(),
    everySeniorityBand: z.boolean(),
    seniorityBands: z.array(z.number().int().min(0).max(60)).max(10),
  })
  .strict();
export type CampaignBalanceRules = z.infer<typeof campaignBalanceRulesSchema>;

/** The lab's rules of 2016: 20 agents, no direction over 3, each category, 40 % women. */
export const defaultBalanceRules: CampaignBalanceRules = {
  target: 20,
  maxPerDirection: 3,
  everyCategoryRepresented: true,
  genderShare: { min: 0.4, minKnown: 10 },
  everySeniorityBand: true,
  seniorityBands: [0, 5, 15],
};

export const TRANSFO_LIMITS = {
  title: 200,
  profileSought: 4000,
  fullName: 200,
  email: 254,
  service: 200,
  job: 200,
  yearsInCity: 60,
  motivation: 4000,
  meetingNotes: 4000,
  reason: 2000,
  staffName: 120,
  listLimit: 500,
  queryLength: 200,
} as const;

/**
 * One candidate once per campaign. Two applications are the same person when they give the same
 * e-mail (case and spaces ignored), or the same name (accents, case and spaces ignored) in the
 * same direction: two agents of one name are rare within a direction, and an e-mail is optional.
 */
export function candidateKeys(c: { fullName: string; email: string | null; direction: TransfoDirection }): string[] {
  const keys = [`name:${c.direction}:${normalizeForSearch(c.fullName)}`];
  if (c.email) keys.push(`email:${c.email.trim().toLowerCase()}`);
  return keys;
}
