/**
 * Arrondissement and neighbourhood class derived from the point, offline, with the real
 * boundaries: a proposal whose point lies in a QPV is a QPV proposal, whatever was typed.
 * "Quartier de veille active" is not in the shipped data, so the facilitator says so; it
 * never overrides a QPV.
 */
import type { ParisLocator } from '#shared/geo/paris-locator.js';
import type { NeighbourhoodClass, ProposalFields } from '#shared/proposals/proposal.schema.js';
import { fail, ok, type Result } from '#shared/result.js';

export interface DerivedLocation {
  arrondissement: number | null;
  neighbourhoodClass: NeighbourhoodClass;
  qpvCode: string | null;
}

export function deriveLocation(
  fields: Pick<ProposalFields, 'point' | 'arrondissement' | 'locationType' | 'inVeilleActive'>,
  locator: ParisLocator,
): Result<DerivedLocation> {
  const byHand: NeighbourhoodClass = fields.inVeilleActive ? 'veille_active' : 'other';
  if (fields.point === null) {
    return ok({ arrondissement: fields.arrondissement, neighbourhoodClass: byHand, qpvCode: null });
  }
  const place = locator.locate(fields.point);
  if (place.arrondissement === null) {
    return fail('validation', 'The point is outside Paris', { point: 'validation.outsideParis' });
  }
  return ok({
    arrondissement: place.arrondissement,
    neighbourhoodClass: place.qpv ? 'qpv' : byHand,
    qpvCode: place.qpv?.code ?? null,
  });
}
