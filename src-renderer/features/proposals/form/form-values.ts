/** What the proposal form holds: the shared schema's input, with empty starting values. */
import type { Proposal, ProposalFieldsInput } from '#shared/proposals/proposal.schema.js';

export type FormValues = ProposalFieldsInput;

/** A new proposal: theme and proposer type not chosen, so a forgotten choice is an error, not a guess. */
export function emptyValues(arrondissement: number | null): FormValues {
  return {
    title: '',
    description: '',
    themeCode: undefined as unknown as FormValues['themeCode'],
    locationType: 'arrondissement',
    arrondissement,
    addressLabel: '',
    addressId: null,
    point: null,
    inVeilleActive: false,
    estimatedCostEuros: null,
    runningCostsEuros: null,
    proposerType: 'people_present',
    proposerName: '',
    proposerAttendanceIds: [],
    proposedBefore: 'unknown',
    accessibleToDisabled: 'unknown',
    photos: [],
  };
}

export function valuesFromProposal(p: Proposal): FormValues {
  return {
    title: p.title,
    description: p.description,
    themeCode: p.themeCode,
    locationType: p.locationType,
    arrondissement: p.arrondissement,
    addressLabel: p.addressLabel ?? '',
    addressId: p.addressId,
    point: p.lon !== null && p.lat !== null ? { lon: p.lon, lat: p.lat } : null,
    inVeilleActive: p.neighbourhoodClass === 'veille_active',
    estimatedCostEuros: p.estimatedCostCents === null ? null : p.estimatedCostCents / 100,
    runningCostsEuros: p.runningCostsCents === null ? null : p.runningCostsCents / 100,
    proposerType: p.proposerType,
    proposerName: p.proposerName ?? '',
    proposerAttendanceIds: [...p.proposerAttendanceIds],
    proposedBefore: p.proposedBefore,
    accessibleToDisabled: p.accessibleToDisabled,
    photos: [...p.photos],
  };
}
