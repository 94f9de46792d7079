import { describe, expect, it } from 'vitest';
import { areaContains, prepareArea } from '#shared/geo/point-in-polygon.js';
import { readParisBoundaries } from '#core/reference/reference-data-files.js';
import { createParisLocator } from '#shared/geo/paris-locator.js';
import { parseParisBoundaries } from '#shared/geo/paris-boundaries.schema.js';
import { dataDir, parisLocator } from './reference-fixtures.js';

describe('locating a point in Paris with the real boundaries', () => {
  const locator = parisLocator();

  it("the Hôtel de Ville is in the 4th, quartier Saint-Merri, and in no QPV", () => {
    const place = locator.locate({ lon: 2.3522, lat: 48.8566 });
    expect(place.arrondissement).toBe(4);
    expect(place.quartier?.name).toBe('Saint-Merri');
    expect(place.qpv).toBeNull();
  });

  it("a point in the Goutte d'Or is in the 18th and in the QPV Goutte D'Or", () => {
    const place = locator.locate({ lon: 2.353, lat: 48.8865 });
    expect(place.arrondissement).toBe(18);
    expect(place.quartier?.name).toBe("Goutte-d'Or");
    expect(place.qpv).toEqual({ code: 'QN07511M', name: "Goutte D'Or" });
  });

  it('a point a few metres outside the QPV edge is outside, deterministically, and reported as near', () => {
    // (2.3542, 48.8865) lies 6 m east of the Goutte D'Or polygon's edge, which runs from
    // (2.3540, 48.8864) to (2.3542, 48.8866) in the 4-decimal ANCT layer: outside, every time.
    const point = { lon: 2.3542, lat: 48.8865 };
    for (let i = 0; i < 3; i += 1) expect(locator.locate(point)).toMatchObject({ arrondissement: 18, qpv: null });
    const nearest = locator.nearestQpv(point)!;
    expect(nearest.code).toBe('QN07511M');
    expect(nearest.distanceMetres).toBeGreaterThan(0);
    expect(nearest.distanceMetres).toBeLessThan(15);
  });

  it('the Eiffel Tower is in the 7th and no QPV; Place d\'Italie in the 13th', () => {
    expect(locator.locate({ lon: 2.2945, lat: 48.8584 })).toMatchObject({ arrondissement: 7, qpv: null, quartier: { name: 'Gros-Caillou' } });
    expect(locator.locate({ lon: 2.3556, lat: 48.8313 }).arrondissement).toBe(13);
  });

  it('a point outside Paris has no arrondissement, quartier or QPV', () => {
    const outside = { arrondissement: null, qpv: null, quartier: null };
    expect(locator.locate({ lon: 2.1301, lat: 48.8049 })).toEqual(outside); // Versailles, outside the box
    expect(locator.locate({ lon: 2.2399, lat: 48.8353 })).toEqual(outside); // Boulogne-Billancourt, inside the box
    expect(locator.locate({ lon: 2.4433, lat: 48.8471 })).toEqual(outside); // Vincennes, between the 12th and the 20th
    expect(locator.locate({ lon: Number.NaN, lat: 48.85 })).toEqual(outside);
  });

  it('every vertex of the arrondissement borders belongs to at most one arrondissement, the same on every call', () => {
    const boundaries = readParisBoundaries(dataDir);
    const areas = boundaries.arrondissements.features.map((f) => prepareArea(f.geometry));
    let shared = 0;
    for (const feature of boundaries.arrondissements.features) {
      const rings = feature.geometry.type === 'Polygon' ? feature.geometry.coordinates : feature.geometry.coordinates.flat();
      for (const ring of rings) {
        for (const [lon, lat] of ring as [number, number][]) {
          const owners = areas.filter((area) => areaContains(area, lon, lat)).length;
          expect(owners).toBeLessThanOrEqual(1);
          const first = locator.locate({ lon, lat }).arrondissement;
          expect(locator.locate({ lon, lat }).arrondissement).toBe(first);
          if (owners === 1) shared += 1;
        }
      }
    }
    // Inner borders are shared by two arrondissements: their vertices must land in one, not none.
    expect(shared).toBeGreaterThan(2000);
  });

  it('the nearest QPV is at 0 m inside one and far from the Hôtel de Ville', () => {
    expect(locator.nearestQpv({ lon: 2.353, lat: 48.8865 })).toMatchObject({ code: 'QN07511M', distanceMetres: 0 });
    expect(locator.nearestQpv({ lon: 2.3522, lat: 48.8566 })!.distanceMetres).toBeGreaterThan(1000);
  });

  it('a lookup takes well under a millisecond', () => {
    const points = Array.from({ length: 20_000 }, (_, i) => ({ lon: 2.25 + ((i * 7919) % 2000) / 10_000, lat: 48.82 + ((i * 104_729) % 800) / 10_000 }));
    const started = performance.now();
    for (const point of points) locator.locate(point);
    const perLookupMs = (performance.now() - started) / points.length;
    expect(perLookupMs).toBeLessThan(1);
  });

  it('refuses a boundary file that lacks what the app needs', () => {
    const boundaries = readParisBoundaries(dataDir);
    const broken = structuredClone(boundaries);
    (broken.qpv.features[0]!.properties as { code: string }).code = 'not-a-code';
    expect(() => parseParisBoundaries(broken)).toThrow();
    expect(() => createParisLocator(parseParisBoundaries(boundaries))).not.toThrow();
  });
});
