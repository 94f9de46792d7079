/**
 * How proposal and support rows travel: their synced fields (the shared record schemas' names)
 * and back. The device-local columns (id, version, created/updated times, synced revision)
 * stay home. Registered in src-main/core/sync/synced-entities.ts.
 */
import type { ProposalRow, SupportRow } from '../../../db/schema.js';
import { rowToSupport } from './supports.repository.js';
import { rowToProposal } from './proposals.repository.js';

type Row = Record<string, unknown>;
type Fields = Record<string, unknown>;

const LOCAL_ONLY = new Set(['id', 'version', 'createdAt', 'updatedAt']);

function snapshotOf(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (!LOCAL_ONLY.has(key)) out[key] = value;
  return out;
}

/** Synced field → column; arrays are JSON text in the row. */
const proposalColumns: Record<string, string> = {
  workshopId: 'workshop_id', kind: 'kind', title: 'title', description: 'description', themeCode: 'theme_code',
  locationType: 'location_type', arrondissement: 'arrondissement', addressLabel: 'address_label', addressId: 'address_id',
  lon: 'lon', lat: 'lat', neighbourhoodClass: 'neighbourhood_class', qpvCode: 'qpv_code',
  estimatedCostCents: 'estimated_cost_cents', runningCostsCents: 'running_costs_cents', proposerType: 'proposer_type',
  proposerName: 'proposer_name', proposerAttendanceIds: 'proposer_attendance_ids', proposedBefore: 'proposed_before',
  accessibleToDisabled: 'accessible_to_disabled', status: 'status', mergedInto: 'merged_into', photos: 'photos',
  capturedAt: 'captured_at', deletedAt: 'deleted_at',
};
const JSON_FIELDS = new Set(['proposerAttendanceIds', 'photos']);

const supportColumns: Record<string, string> = {
  proposalId: 'proposal_id', workshopId: 'workshop_id', profileId: 'profile_id', method: 'method', dots: 'dots',
  grade: 'grade', recordedAt: 'recorded_at', deletedAt: 'deleted_at',
};

function columnsFrom(map: Record<string, string>, fields: Record<string, unknown>, keepLocal: ReadonlySet<string> = new Set()) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const column = map[key];
    if (!column || keepLocal.has(key)) continue;
    out[column] = JSON_FIELDS.has(key) ? JSON.stringify(value) : value;
  }
  return out;
}

/**
 * The adapters; their shape (SyncedEntityAdapter) is checked where they are registered, in
 * src-main/core/sync/synced-entities.ts (importing the type here would make a cycle).
 */
export const proposalSyncAdapters = {
  proposal: {
    entity: 'proposal' as const,
    table: 'proposals' as const,
    changedEvent: 'proposals:changed' as const,
    snapshot: (row: Row) => snapshotOf(rowToProposal(row as unknown as ProposalRow)),
    columns: (fields: Fields, keepLocal?: ReadonlySet<string>) => columnsFrom(proposalColumns, fields, keepLocal),
    label: (row: Row) => String(row.title),
  },
  support: {
    entity: 'support' as const,
    table: 'supports' as const,
    changedEvent: 'proposals:changed' as const,
    snapshot: (row: Row) => snapshotOf(rowToSupport(row as unknown as SupportRow)),
    columns: (fields: Fields, keepLocal?: ReadonlySet<string>) => columnsFrom(supportColumns, fields, keepLocal),
    label: (row: Row) => `${String(row.method)} ${String(row.proposal_id).slice(0, 8)}`,
  },
};
