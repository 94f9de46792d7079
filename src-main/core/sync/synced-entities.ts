/**
 * Every record kind that travels to the portal, and how its rows map to the synced fields of
 * its shared schema (src-shared/sync/entities.ts). The sync layer works through this registry
 * only: adding a synced record kind means adding its adapter here, nothing in the engine.
 *
 * Every synced table has the columns `id`, `version`, `created_at`, `updated_at`,
 * `deleted_at` (tombstone) and `synced_revision`.
 */
import type { Database } from '../../../db/schema.js';
import type { EventName } from '../../../src-shared/contract.js';
import type { SyncEntity } from '../../../src-shared/sync/protocol.schema.js';
import { workshopColumnsFromFields, workshopSnapshot } from '../workshops/workshop.codec.js';
import { attendanceSyncAdapters } from '../attendance/attendance-sync.js';
import { proposalSyncAdapters } from '../proposals/proposal-sync.js';

export interface SyncedEntityAdapter {
  entity: SyncEntity;
  table: keyof Database;
  /** The event the renderer listens to for this kind of record. */
  changedEvent: EventName;
  /** The whole record as the portal holds it, from a local row. */
  snapshot(row: Record<string, unknown>): Record<string, unknown>;
  /** Column values for these synced fields, leaving out `keepLocal` (fields with changes still waiting). */
  columns(fields: Record<string, unknown>, keepLocal?: ReadonlySet<string>): Record<string, unknown>;
  /** A few words a person recognises the record by, in lists of rejected changes and conflicts. */
  label(row: Record<string, unknown>): string;
}

export const syncedEntities: Record<SyncEntity, SyncedEntityAdapter> = {
  workshop: {
    entity: 'workshop',
    table: 'workshops',
    changedEvent: 'workshops:changed',
    snapshot: (row) => workshopSnapshot(row as never),
    columns: (fields, keepLocal) => workshopColumnsFromFields(fields, keepLocal),
    label: (row) => String(row.title),
  },
  ...attendanceSyncAdapters,
  ...proposalSyncAdapters,
};
