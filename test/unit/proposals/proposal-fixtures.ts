/** A proposal as a facilitator would type it at the Goutte-d'Or workshop. Not a test file itself. */
import type { ProposalFieldsInput } from '#shared/proposals/proposal.schema.js';

/** Places whose arrondissement and QPV are checked against the real boundaries in test/unit/reference. */
export const HOTEL_DE_VILLE = { lon: 2.3522, lat: 48.8566 };
export const GOUTTE_D_OR = { lon: 2.353, lat: 48.8865 };

export function proposalFields(overrides: Partial<ProposalFieldsInput> = {}): ProposalFieldsInput {
  return {
    title: 'Des bancs et de l’ombre square Léon',
    description: 'Ajouter des bancs et planter des arbres pour l’été.',
    themeCode: 'cadre-de-vie',
    locationType: 'arrondissement',
    arrondissement: null,
    addressLabel: '12 Rue de la Goutte d’Or, 75018 Paris',
    addressId: null,
    point: GOUTTE_D_OR,
    inVeilleActive: false,
    estimatedCostEuros: 12500,
    runningCostsEuros: null,
    proposerType: 'people_present',
    proposerName: '',
    proposerAttendanceIds: [],
    proposedBefore: 'no',
    accessibleToDisabled: 'yes',
    photos: [],
    ...overrides,
  };
}
