/**
 * How a proposal (or a project made by regroupement) is held in its row and how it travels
 * (src-shared/proposals/proposal-sync.schema.ts has the portal's schema of the same fields).
 */
import type {
  LocationType,
  NeighbourhoodClass,
  Proposal,
  ProposalKind,
  ProposalStatus,
  ProposerType,
  TriState,
} from '#shared/proposals/proposal.schema.js';
import type { PbThemeCode } from '#shared/reference/pb-themes.js';
import { column, defineCodec, int, json, nullable, real, text } from '../store/codec.js';

export const proposalCodec = defineCodec<Proposal, 'proposals'>()({
  entity: 'proposal',
  table: 'proposals',
  changedEvent: 'proposals:changed',
  fields: {
    workshopId: column('workshop_id', nullable(text())),
    kind: column('kind', text<ProposalKind>()),
    title: column('title', text()),
    description: column('description', text()),
    themeCode: column('theme_code', text<PbThemeCode>()),
    locationType: column('location_type', text<LocationType>()),
    arrondissement: column('arrondissement', nullable(int)),
    addressLabel: column('address_label', nullable(text())),
    addressId: column('address_id', nullable(text())),
    lon: column('lon', nullable(real)),
    lat: column('lat', nullable(real)),
    neighbourhoodClass: column('neighbourhood_class', text<NeighbourhoodClass>()),
    qpvCode: column('qpv_code', nullable(text())),
    estimatedCostCents: column('estimated_cost_cents', nullable(int)),
    runningCostsCents: column('running_costs_cents', nullable(int)),
    proposerType: column('proposer_type', text<ProposerType>()),
    proposerName: column('proposer_name', nullable(text())),
    proposerAttendanceIds: column('proposer_attendance_ids', json<string[]>()),
    proposedBefore: column('proposed_before', text<TriState>()),
    accessibleToDisabled: column('accessible_to_disabled', text<TriState>()),
    status: column('status', text<ProposalStatus>()),
    mergedInto: column('merged_into', nullable(text())),
    photos: column('photos', json<string[]>()),
    capturedAt: column('captured_at', text()),
    deletedAt: column('deleted_at', nullable(text())),
  },
  local: ['id', 'version', 'createdAt', 'updatedAt'],
  label: (p) => ({ key: 'syncCenter.records.proposal', values: { title: p.title } }),
});
