/**
 * The proposals as GeoJSON (RFC 7946): a FeatureCollection in WGS 84, positions [lon, lat],
 * no `crs` member. A proposal without a point (all Paris, or not yet placed) has a null
 * geometry, which RFC 7946 allows, so that the file still lists every proposal. Only the
 * proposal's public content travels: never its proposers, their names or attendance ids.
 */
import type { ProposalFeatureRow } from './study.repository.js';

export interface ProposalFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: Record<string, string | number | boolean | null>;
}

export function proposalsGeoJson(rows: readonly ProposalFeatureRow[]) {
  const features: ProposalFeature[] = rows.map((r) => ({
    type: 'Feature',
    id: r.id,
    geometry: r.lon !== null && r.lat !== null ? { type: 'Point', coordinates: [r.lon, r.lat] } : null,
    properties: {
      workshopId: r.workshop_id,
      title: r.title,
      description: r.description,
      themeCode: r.theme_code,
      locationType: r.location_type,
      arrondissement: r.arrondissement,
      addressLabel: r.address_label,
      neighbourhoodClass: r.neighbourhood_class,
      qpv: r.neighbourhood_class === 'qpv',
      qpvCode: r.qpv_code,
      estimatedCostEuros: r.estimated_cost_cents === null ? null : r.estimated_cost_cents / 100,
      status: r.status,
      capturedAt: r.captured_at,
    },
  }));
  return { type: 'FeatureCollection' as const, features };
}
