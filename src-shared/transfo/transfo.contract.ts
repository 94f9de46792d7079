/** La Transfo's recruiting commands of the contract (see src-shared/contract.ts); lab desktops only. */
import { z } from 'zod';
import { command } from '../command.js';
import {
  balanceSchema,
  campaignCreateInputSchema,
  campaignRefSchema,
  campaignListSchema,
  campaignPurgeInputSchema,
  campaignPurgeSchema,
  campaignSchema,
  campaignUpdateInputSchema,
  campaignVersionedRefSchema,
  candidateCreateInputSchema,
  candidateListInputSchema,
  candidateListSchema,
  candidateRefSchema,
  candidateSchema,
  candidateUpdateInputSchema,
  stageHistorySchema,
  lettersInputSchema,
  lettersSchema,
  stageMoveInputSchema,
} from './transfo.schema.js';

export const transfoCommands = {
  // Calls for volunteers
  /** Newest first, with their counts of candidates and of chosen. */
  'transfo:campaigns': command(z.object({}), campaignListSchema),
  'transfo:create-campaign': command(campaignCreateInputSchema, campaignSchema),
  'transfo:update-campaign': command(campaignUpdateInputSchema, campaignSchema),
  /** No more applications; decisions go on. */
  'transfo:close-campaign': command(campaignVersionedRefSchema, campaignSchema),
  /**
   * After the close: erases the personal data of every candidate neither chosen (ambassador,
   * relais) nor kept for the next call, through the erasure path (journal, portal, every laptop).
   */
  'transfo:purge-campaign': command(campaignPurgeInputSchema, campaignPurgeSchema),
  // Candidates
  /** Filtered (stage, direction, category, gender, name), sorted, one page. */
  'transfo:candidates': command(candidateListInputSchema, candidateListSchema),
  'transfo:candidate': command(candidateRefSchema, candidateSchema),
  /** One candidate once per campaign (candidateKeys). */
  'transfo:create-candidate': command(candidateCreateInputSchema, candidateSchema),
  'transfo:update-candidate': command(candidateUpdateInputSchema, candidateSchema),
  /** applied → met → ambassador | relais | not chosen, withdrew; dated and attributed. */
  'transfo:move-stage': command(stageMoveInputSchema, candidateSchema),
  /** Every move of a candidate, oldest first. */
  'transfo:history': command(candidateRefSchema, stageHistorySchema),
  // The cohort
  /** The chosen against the candidates by direction, category, gender, seniority, by the campaign's rules. */
  'transfo:balance': command(campaignRefSchema, balanceSchema),
  /** The letters to candidates with a decision: one PDF (base64), and each letter's text to paste into a mail. */
  'transfo:letters': command(lettersInputSchema, lettersSchema),
} as const;

export const transfoEvents = {
  /** `id` of the changed campaign (a candidate's or a move's campaign), or '*'. */
  'transfo:changed': z.object({ id: z.string() }),
} as const;
