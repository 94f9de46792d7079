/** The Citizen Card ateliers' commands of the contract (see src-shared/contract.ts). */
import { z } from 'zod';
import { command } from '../command.js';
import {
  atelierTypeListSchema,
  atelierTypeSaveInputSchema,
  atelierTypeSchema,
  cardPaperInputSchema,
  cardPdfSchema,
  cardRefSchema,
  cardVersionedRefSchema,
  certificateInputSchema,
  checkInInputSchema,
  drawAnnounceInputSchema,
  drawExportSchema,
  drawSchema,
  duplicateListSchema,
  holderHistorySchema,
  holderImportHeaderInputSchema,
  holderImportHeaderSchema,
  holderImportInputSchema,
  holderImportResultSchema,
  holderMergeInputSchema,
  holderSaveInputSchema,
  holderSchema,
  holderSearchInputSchema,
  holderSearchSchema,
  occurrenceListInputSchema,
  occurrenceListSchema,
  occurrenceRefSchema,
  occurrenceSaveInputSchema,
  occurrenceSchema,
  promotionListSchema,
  registerInputSchema,
  registrationListSchema,
  registrationStatusInputSchema,
  registrationViewSchema,
  walkInInputSchema,
} from './citizen-card.schema.js';

export const citizenCardCommands = {
  // The catalogue (lab desktops edit it; every device pulls it)
  'citizen-card:types': command(z.object({}), atelierTypeListSchema),
  'citizen-card:save-type': command(atelierTypeSaveInputSchema, atelierTypeSchema),
  'citizen-card:remove-type': command(cardVersionedRefSchema, atelierTypeSchema),
  /** Occurrences: workshops of the citizen_card_atelier kind with their settings and counts. */
  'citizen-card:occurrences': command(occurrenceListInputSchema, occurrenceListSchema),
  'citizen-card:occurrence': command(occurrenceRefSchema, occurrenceSchema),
  /** Places (5–50), reserved places per priority group, walk-ins allowed or not. */
  'citizen-card:save-occurrence': command(occurrenceSaveInputSchema, occurrenceSchema),
  // Holders (identities; lab desktops only)
  'citizen-card:search-holders': command(holderSearchInputSchema, holderSearchSchema),
  'citizen-card:holder': command(cardRefSchema, holderHistorySchema),
  'citizen-card:save-holder': command(holderSaveInputSchema, holderSchema),
  /** Reads the City file's header: which column fills which field, what is missing. */
  'citizen-card:import-header': command(holderImportHeaderInputSchema, holderImportHeaderSchema),
  /** One chunk of the City's file; every refused line reported with its reason. */
  'citizen-card:import-holders': command(holderImportInputSchema, holderImportResultSchema),
  'citizen-card:duplicates': command(z.object({}), duplicateListSchema),
  /** Two records of one person become one: registrations move to the kept holder. */
  'citizen-card:merge-holders': command(holderMergeInputSchema, holderSchema),
  // Registrations, the draw, promotions
  'citizen-card:registrations': command(occurrenceRefSchema, registrationListSchema),
  /** One holder once per occurrence. */
  'citizen-card:register': command(registerInputSchema, registrationViewSchema),
  /** Confirm, cancel (a drawn place freed promotes the head of the waiting list), no-show, back to registered. */
  'citizen-card:set-status': command(registrationStatusInputSchema, registrationViewSchema),
  /** Closes the list and publishes the seed before the draw. */
  'citizen-card:announce-draw': command(drawAnnounceInputSchema, drawSchema),
  /** Runs the announced draw (the same on every laptop). */
  'citizen-card:draw': command(occurrenceRefSchema, drawSchema),
  /** The list and the seed, for scripts/recompute-draw.mjs. */
  'citizen-card:draw-export': command(occurrenceRefSchema, drawExportSchema),
  'citizen-card:promotions': command(occurrenceRefSchema, promotionListSchema),
  // The day
  /** By card number, by a registration chosen in the list, or by a scanned QR code. */
  'citizen-card:check-in': command(checkInInputSchema, registrationViewSchema),
  /** A holder without a place takes an empty one, only when the occurrence allows walk-ins. */
  'citizen-card:walk-in': command(walkInInputSchema, registrationViewSchema),
  /** Everyone drawn or confirmed and not arrived becomes a no-show. */
  'citizen-card:mark-no-shows': command(occurrenceRefSchema, registrationListSchema),
  // Paper
  'citizen-card:sign-in-sheet': command(cardPaperInputSchema, cardPdfSchema),
  /** Certificates of attendance (French), one page per person who attended. */
  'citizen-card:certificates': command(certificateInputSchema, cardPdfSchema),
  /** Confirmations with their QR codes, one page per drawn or confirmed person. */
  'citizen-card:confirmations': command(cardPaperInputSchema, cardPdfSchema),
} as const;

export const citizenCardEvents = {
  /** `id` of the changed record (an occurrence's workshop for registrations), or '*'. */
  'citizen-card:changed': z.object({ id: z.string() }),
} as const;
