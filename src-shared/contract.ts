/**
 * The RPC contract between the renderer and the core: each command `domain:verb` maps to
 * the zod schema of its input and of its output. The core parses every input with these
 * schemas again (never trust the caller); the core's handler table `satisfies` this map,
 * so a missing or misspelt handler is a compile error.
 */
import { z } from 'zod';
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
} from './workshops/workshop.schema.js';

const command = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const appInfoSchema = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  dataDir: z.string(),
});

export const syncStatusSchema = z.object({
  /** Changes written locally and not yet acknowledged by the portal. */
  pending: z.number().int(),
  /** ISO UTC of the last successful sync, or null when it never happened. */
  lastSyncedAt: z.string().nullable(),
  enrolled: z.boolean(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const contract = {
  /** Version, schema version and where the data lives (shown in "About"). */
  'app:info': command(z.object({}), appInfoSchema),
  /** The quiet sync indicator: what is waiting to be sent. */
  'sync:status': command(z.object({}), syncStatusSchema),

  /** Filtered, searched, paged list, soonest first. Tombstoned workshops are left out. */
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

export type Contract = typeof contract;
export type CommandName = keyof Contract;
export type CommandInput<K extends CommandName> = z.input<Contract[K]['input']>;
export type CommandParsedInput<K extends CommandName> = z.output<Contract[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Contract[K]['output']>;

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events the core emits after a change; the renderer refetches what it shows. */
export const events = {
  'workshops:changed': z.object({ id: z.string() }),
  'sync:changed': z.object({}),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<K extends EventName> = z.output<(typeof events)[K]>;

/** Longest command name accepted by the hosts before the contract lookup. */
export const MAX_COMMAND_NAME = 64;
/** Largest request body the hosts relay to the core. */
export const MAX_REQUEST_BYTES = 1_000_000;
