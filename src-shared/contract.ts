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

import { rejectedChangeSchema, syncConflictSchema, syncEnrolInputSchema, syncResolveInputSchema } from './sync/sync-commands.schema.js';

const command = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const appInfoSchema = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  dataDir: z.string(),
});

export const syncPhases = ['not_enrolled', 'idle', 'syncing', 'offline', 'revoked'] as const;

export const syncStatusSchema = z.object({
  /** Changes written locally and not yet acknowledged by the portal. */
  pending: z.number().int(),
  /** Changes the portal refused, with its reasons (see `sync:rejected`). */
  rejected: z.number().int(),
  /** Same-field conflicts waiting for a person to choose (see `sync:conflicts`). */
  conflicts: z.number().int(),
  /** ISO UTC of the last successful sync, or null when it never happened. */
  lastSyncedAt: z.string().nullable(),
  enrolled: z.boolean(),
  phase: z.enum(syncPhases),
  portalUrl: z.string().nullable(),
  /** During a sync: which step and how far (bytes for attachments, records for push and pull). */
  progress: z
    .object({ step: z.enum(['attachments', 'push', 'pull']), done: z.number().int(), total: z.number().int().nullable() })
    .nullable(),
  /** Why the last run did not finish: `offline` (will retry by itself), `revoked`, `failed`. */
  lastError: z.object({ kind: z.string(), reason: z.string(), at: z.string() }).nullable(),
  nextRunAt: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const contract = {
  /** Version, schema version and where the data lives (shown in "About"). */
  'app:info': command(z.object({}), appInfoSchema),
  /** The quiet sync indicator: what is waiting to be sent. */
  'sync:status': command(z.object({}), syncStatusSchema),

  /** Runs a sync now (or joins the one in progress) and answers the status after it. */
  'sync:now': command(z.object({}), syncStatusSchema),
  /** Enrols this device with a portal using the operator's one-time code. */
  'sync:enrol': command(syncEnrolInputSchema, syncStatusSchema),
  /** Changes the portal refused, with its reasons: visible, never blocking the queue. */
  'sync:rejected': command(z.object({}), z.array(rejectedChangeSchema)),
  /** Same-field conflicts the portal flagged, with every value, for a person to choose. */
  'sync:conflicts': command(z.object({}), z.array(syncConflictSchema)),
  /** A person chose one of a conflict's values: written as an ordinary change that settles it. */
  'sync:resolve': command(syncResolveInputSchema, syncStatusSchema),

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
