/** The workshop commands of the contract (see src-shared/contract.ts). */
import { z } from 'zod';
import { command } from '../command.js';
import {
  workshopCancelInputSchema,
  workshopCloseInputSchema,
  workshopFieldsSchema,
  workshopListInputSchema,
  workshopListSchema,
  workshopRefSchema,
  workshopSchema,
  workshopUpdateInputSchema,
  workshopVersionedRefSchema,
} from './workshop.schema.js';

export const workshopCommands = {
  /**
   * Filtered, searched, paged list: workshops not yet over first, soonest first, then past ones,
   * most recent first. Tombstoned workshops are left out.
   */
  'workshops:list': command(workshopListInputSchema, workshopListSchema),
  'workshops:get': command(workshopRefSchema, workshopSchema),
  /** Creates a planned workshop. */
  'workshops:create': command(workshopFieldsSchema, workshopSchema),
  /** Edits a planned or open workshop; `version` must be the one the edit was based on. */
  'workshops:update': command(workshopUpdateInputSchema, workshopSchema),
  /** planned → open, on the day. */
  'workshops:open': command(workshopVersionedRefSchema, workshopSchema),
  /** open → closed, with the closing minutes. */
  'workshops:close': command(workshopCloseInputSchema, workshopSchema),
  /** planned or open → cancelled, with an optional reason. */
  'workshops:cancel': command(workshopCancelInputSchema, workshopSchema),
  /** Tombstones a workshop (never a DELETE); `workshops:restore` undoes it. */
  'workshops:remove': command(workshopRefSchema, workshopSchema),
  'workshops:restore': command(workshopRefSchema, workshopSchema),
} as const;

export const workshopEvents = {
  /** `id` of the workshop, or '*' when many changed at once (a page pulled from the portal). */
  'workshops:changed': z.object({ id: z.string() }),
} as const;
