/** The proposal, support and attachment commands of the contract (see src-shared/contract.ts). */
import { z } from 'zod';
import { command } from '../command.js';
import {
  attachmentAddInputSchema,
  attachmentRefSchema,
  proposalCreateInputSchema,
  proposalListInputSchema,
  proposalListSchema,
  proposalMergeInputSchema,
  proposalMergeResultSchema,
  proposalRefSchema,
  proposalSchema,
  proposalStatusInputSchema,
  proposalUpdateInputSchema,
} from './proposal.schema.js';
import { dotInputSchema, gradeInputSchema, supportSchema, supportTallyInputSchema, supportTallySchema } from './support.schema.js';

export const proposalCommands = {
  /** A workshop's proposals (and projects), or all; merged originals only when asked. */
  'proposals:list': command(proposalListInputSchema, proposalListSchema),
  'proposals:get': command(proposalRefSchema, proposalSchema),
  /** A draft proposal, linked to the workshop it is captured in; arrondissement and QPV derived from the point. */
  'proposals:create': command(proposalCreateInputSchema, proposalSchema),
  'proposals:update': command(proposalUpdateInputSchema, proposalSchema),
  /** draft → ready → submitted → the portal's decisions (see proposalTransitions). */
  'proposals:setStatus': command(proposalStatusInputSchema, proposalSchema),
  /** Regroupement: several proposals become one project; originals become `merged` and point to it. */
  'proposals:merge': command(proposalMergeInputSchema, proposalMergeResultSchema),
  'proposals:remove': command(proposalRefSchema, proposalSchema),
  /** One dot (one click, one key press) for a proposal. */
  'supports:addDot': command(dotInputSchema, supportSchema),
  /** Takes back the last dot given to this proposal in this workshop (undo). */
  'supports:removeDot': command(dotInputSchema, supportSchema.nullable()),
  /** A majority-judgement grade; a profile's new grade for a proposal replaces its previous one. */
  'supports:grade': command(gradeInputSchema, supportSchema),
  'supports:tally': command(supportTallyInputSchema, supportTallySchema),
  /** Stores a photo or scan by content (SHA-256); the same bytes twice are one file. */
  'attachments:add': command(attachmentAddInputSchema, attachmentRefSchema),
} as const;

export const proposalEvents = {
  /** `id` of the proposal (supports too), or '*' when many changed at once. */
  'proposals:changed': z.object({ id: z.string() }),
} as const;
