/**
 * How a workshop is held in its row and how it travels (src-shared/sync/entities.ts has the
 * portal's schema of the same fields). The title's search column is computed, never synced.
 */
import type { Workshop, WorkshopKind, WorkshopStatus, Partner } from '#shared/workshops/workshop.schema.js';
import { normalizeForSearch } from '#shared/text.js';
import { bool, column, defineCodec, int, json, nullable, text } from '../store/codec.js';

export const workshopCodec = defineCodec<Workshop, 'workshops'>()({
  entity: 'workshop',
  table: 'workshops',
  changedEvent: 'workshops:changed',
  fields: {
    kind: column('kind', text<WorkshopKind>()),
    title: column('title', text()),
    description: column('description', text()),
    startsAt: column('starts_at', text()),
    endsAt: column('ends_at', text()),
    venueName: column('venue_name', text()),
    venueAddress: column('venue_address', text()),
    arrondissement: column('arrondissement', int),
    inQpv: column('in_qpv', bool),
    capacity: column('capacity', nullable(int)),
    partners: column('partners', json<Partner[]>()),
    facilitators: column('facilitators', json<string[]>()),
    status: column('status', text<WorkshopStatus>()),
    minutes: column('minutes', nullable(text())),
    cancelReason: column('cancel_reason', nullable(text())),
    closedAt: column('closed_at', nullable(text())),
    cancelledAt: column('cancelled_at', nullable(text())),
    deletedAt: column('deleted_at', nullable(text())),
  },
  local: ['id', 'version', 'createdAt', 'updatedAt'],
  derived: (row) => ({ title_search: normalizeForSearch(row.title) }),
  label: (w) => ({ key: 'syncCenter.records.workshop', values: { title: w.title } }),
});
