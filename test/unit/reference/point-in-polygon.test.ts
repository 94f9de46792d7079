import { describe, expect, it } from 'vitest';
import {
  areaContains,
  distanceToAreaMetres,
  prepareArea,
  type AreaGeometry,
} from '#shared/geo/point-in-polygon.js';

// A 10 × 10 square with a 4 × 4 hole in the middle, in plain numbers (degrees do not matter here).
const squareWithHole: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
    [[3, 3], [7, 3], [7, 7], [3, 7], [3, 3]],
  ],
};

describe('point in polygon', () => {
  const area = prepareArea(squareWithHole);

  it('a point in the ring but not in the hole is inside', () => {
    expect(areaContains(area, 1, 1)).toBe(true);
    expect(areaContains(area, 9, 5)).toBe(true);
  });

  it('a point in the hole is outside', () => {
    expect(areaContains(area, 5, 5)).toBe(false);
  });

  it('a point beyond the bounding box is outside', () => {
    expect(areaContains(area, 11, 5)).toBe(false);
    expect(areaContains(area, -0.1, 5)).toBe(false);
  });

  it('a point inside the bounding box but outside a concave ring is outside', () => {
    const l = prepareArea({ type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 2], [2, 2], [2, 10], [0, 10], [0, 0]]] });
    expect(areaContains(l, 1, 9)).toBe(true);
    expect(areaContains(l, 9, 9)).toBe(false);
  });

  it('a MultiPolygon contains the points of each of its parts, and not the gap between them', () => {
    const two = prepareArea({
      type: 'MultiPolygon',
      coordinates: [
        [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
        [[[5, 5], [6, 5], [6, 6], [5, 6], [5, 5]]],
      ],
    });
    expect(areaContains(two, 0.5, 0.5)).toBe(true);
    expect(areaContains(two, 5.5, 5.5)).toBe(true);
    expect(areaContains(two, 3, 3)).toBe(false);
  });

  it('a point on the edge shared by two neighbours belongs to exactly one of them', () => {
    const west = prepareArea({ type: 'Polygon', coordinates: [[[0, 0], [5, 0], [5, 10], [0, 10], [0, 0]]] });
    const east = prepareArea({ type: 'Polygon', coordinates: [[[5, 0], [10, 0], [10, 10], [5, 10], [5, 0]]] });
    for (const y of [0.5, 3, 5, 9.99]) {
      const owners = [west, east].filter((a) => areaContains(a, 5, y));
      expect(owners).toHaveLength(1);
    }
    // A shared horizontal edge, too.
    const south = prepareArea({ type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 5], [0, 5], [0, 0]]] });
    const north = prepareArea({ type: 'Polygon', coordinates: [[[0, 5], [10, 5], [10, 10], [0, 10], [0, 5]]] });
    expect([south, north].filter((a) => areaContains(a, 3, 5))).toHaveLength(1);
  });

  it('refuses a ring with a position that is not two finite numbers', () => {
    expect(() => prepareArea({ type: 'Polygon', coordinates: [[[0, 0], [1, Number.NaN], [1, 1], [0, 0]]] })).toThrow(/invalid position/);
    expect(() => prepareArea({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] })).toThrow(/at least 4/);
  });

  it('distance is zero inside, and grows with the gap outside', () => {
    // Near the equator a degree is ~111 km both ways.
    const unit = prepareArea({ type: 'Polygon', coordinates: [[[0, 0], [0.01, 0], [0.01, 0.01], [0, 0.01], [0, 0]]] });
    expect(distanceToAreaMetres(unit, 0.005, 0.005)).toBe(0);
    expect(distanceToAreaMetres(unit, 0.02, 0.005)).toBeCloseTo(1112, -1);
    // From inside the hole, the distance is to the hole's edge.
    const holed = prepareArea(squareWithHole);
    expect(distanceToAreaMetres(holed, 5, 5)).toBeGreaterThan(0);
  });
});
