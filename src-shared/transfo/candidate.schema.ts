/**
 * La Transfo's recruiting (issue 11): the closed lists of a call for volunteers and of its
 * candidates, the lab's balance rules, the stages and the moves allowed between them, and the
 * key that keeps one candidate once per campaign. The records that travel are in
 * transfo-sync.schema.ts, the commands' inputs and answers in transfo.schema.ts.
 */
import { z } from 'zod';
import { normalizeForSearch } from '../text.js';
import { balanceRulesSchema, defaultBalanceRules, type BalanceRules } from './balance.js';
import { directionCodes, type DirectionCode } from './directions.js';
import { transfoCategories, transfoGenders, transfoStages, type TransfoCategory, type TransfoGender, type TransfoStage } from './values.js';

/** The City's directions a candidate may come from, by their code (directions.ts). */
export const transfoDirections = directionCodes;
export type TransfoDirection = DirectionCode;
export const directionSchema = z.enum(directionCodes, { error: 'validation.required' });

export const campaignStatuses = ['open', 'closed', 'purged'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/** The civil service's categories (values.ts). */
export const civilServiceCategories = transfoCategories;
export type CivilServiceCategory = TransfoCategory;

/** Availability for the monthly sessions of the year. */
export const availabilities = ['all_sessions', 'most_sessions', 'some_sessions'] as const;
export type Availability = (typeof availabilities)[number];

/** Optional: null when the candidate did not say (values.ts). */
export const candidateGenders = transfoGenders;
export type CandidateGender = TransfoGender;

export const candidateStages = transfoStages;
export type CandidateStage = TransfoStage;

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

/** The lab's rules for a balanced cohort, stored with the campaign: balance.ts's. */
export const campaignBalanceRulesSchema = balanceRulesSchema;
export type CampaignBalanceRules = BalanceRules;
export { defaultBalanceRules };

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
  signature: 400,
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
