/** The sync commands of the contract (see src-shared/contract.ts and docs/sync-protocol.md). */
import { z } from 'zod';
import { command } from '../command.js';
import { rejectedChangeSchema, syncConflictSchema, syncEnrolInputSchema, syncResolveInputSchema } from './sync-commands.schema.js';

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

export const syncCommands = {
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

} as const;

export const syncEvents = {
  'sync:changed': z.object({}),
} as const;
