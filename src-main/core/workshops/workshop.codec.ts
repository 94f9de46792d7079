/**
 * How a workshop row travels: its synced fields (the shared record schema's names) and back.
 * The device-local columns (id, version, timestamps, search column, synced revision) stay home.
 */
import type { WorkshopRow, WorkshopRowUpdate } from '../../../db/schema.js';
import { normalizeForSearch } from '../../../src-shared/text.js';
import { rowToWorkshop } from './workshops.repository.js';

const LOCAL_ONLY = new Set(['id', 'version', 'createdAt', 'updatedAt']);

/** The whole record as the portal holds it. */
export function workshopSnapshot(row: WorkshopRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rowToWorkshop(row))) if (!LOCAL_ONLY.has(key)) out[key] = value;
  return out;
}

type Setter = (value: unknown, out: WorkshopRowUpdate) => void;

const setters: Record<string, Setter> = {
  kind: (v, o) => (o.kind = v as string),
  title: (v, o) => {
    o.title = v as string;
    o.title_search = normalizeForSearch(v as string);
  },
  description: (v, o) => (o.description = v as string),
  startsAt: (v, o) => (o.starts_at = v as string),
  endsAt: (v, o) => (o.ends_at = v as string),
  venueName: (v, o) => (o.venue_name = v as string),
  venueAddress: (v, o) => (o.venue_address = v as string),
  arrondissement: (v, o) => (o.arrondissement = v as number),
  inQpv: (v, o) => (o.in_qpv = v ? 1 : 0),
  capacity: (v, o) => (o.capacity = v as number | null),
  partners: (v, o) => (o.partners = JSON.stringify(v)),
  facilitators: (v, o) => (o.facilitators = JSON.stringify(v)),
  status: (v, o) => (o.status = v as string),
  minutes: (v, o) => (o.minutes = v as string | null),
  cancelReason: (v, o) => (o.cancel_reason = v as string | null),
  closedAt: (v, o) => (o.closed_at = v as string | null),
  cancelledAt: (v, o) => (o.cancelled_at = v as string | null),
  deletedAt: (v, o) => (o.deleted_at = v as string | null),
};

/** Columns for the given synced fields, leaving out `keepLocal` (fields with changes still waiting). */
export function workshopColumnsFromFields(fields: Record<string, unknown>, keepLocal: ReadonlySet<string> = new Set()): WorkshopRowUpdate {
  const out: WorkshopRowUpdate = {};
  for (const [key, value] of Object.entries(fields)) {
    if (keepLocal.has(key)) continue;
    setters[key]?.(value, out);
  }
  return out;
}
