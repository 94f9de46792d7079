/**
 * Point-in-polygon for GeoJSON Polygon and MultiPolygon geometries, with holes, in plain
 * lon/lat degrees. Paris is small enough (12 km across) that treating degrees as planar
 * coordinates is exact for the question "which side of this edge": straight edges between
 * vertices 10–100 m apart do not bend measurably on the ellipsoid.
 */

/** [longitude, latitude] in WGS84 degrees, GeoJSON order. */
export type Position = readonly [number, number] | readonly number[];

export interface PolygonGeometry {
  type: 'Polygon';
  /** The outer ring first, then the holes; each ring closed (first vertex = last). */
  coordinates: readonly (readonly Position[])[];
}

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: readonly (readonly (readonly Position[])[])[];
}

export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface BoundingBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/**
 * A geometry turned into flat typed arrays once, so that each lookup walks numbers in
 * memory order instead of nested JavaScript arrays. `rings[i]` is [lon0, lat0, lon1, lat1, …].
 */
export interface PreparedArea {
  bbox: BoundingBox;
  /** One entry per polygon part: its rings (outer first, then holes) and its own bbox. */
  parts: readonly { bbox: BoundingBox; rings: readonly Float64Array[] }[];
}

function emptyBox(): BoundingBox {
  return { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
}

function growBox(box: BoundingBox, other: BoundingBox): void {
  box.minLon = Math.min(box.minLon, other.minLon);
  box.minLat = Math.min(box.minLat, other.minLat);
  box.maxLon = Math.max(box.maxLon, other.maxLon);
  box.maxLat = Math.max(box.maxLat, other.maxLat);
}

function flattenRing(ring: readonly Position[]): Float64Array {
  const flat = new Float64Array(ring.length * 2);
  ring.forEach((position, i) => {
    const lon = position[0];
    const lat = position[1];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      throw new Error(`invalid position at vertex ${i}`);
    }
    flat[i * 2] = lon;
    flat[i * 2 + 1] = lat;
  });
  return flat;
}

function ringBox(ring: Float64Array): BoundingBox {
  const box = emptyBox();
  for (let i = 0; i < ring.length; i += 2) {
    const lon = ring[i]!;
    const lat = ring[i + 1]!;
    if (lon < box.minLon) box.minLon = lon;
    if (lon > box.maxLon) box.maxLon = lon;
    if (lat < box.minLat) box.minLat = lat;
    if (lat > box.maxLat) box.maxLat = lat;
  }
  return box;
}

export function prepareArea(geometry: AreaGeometry): PreparedArea {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const bbox = emptyBox();
  const parts = polygons.map((polygon) => {
    const rings = polygon.map(flattenRing);
    const outer = rings[0];
    if (!outer || outer.length < 8) throw new Error('a polygon needs an outer ring of at least 4 positions');
    // The outer ring bounds its holes, so its box is the part's box.
    const partBox = ringBox(outer);
    growBox(bbox, partBox);
    return { bbox: partBox, rings };
  });
  return { bbox, parts };
}

export function boxContains(box: BoundingBox, lon: number, lat: number): boolean {
  return lon >= box.minLon && lon <= box.maxLon && lat >= box.minLat && lat <= box.maxLat;
}

/**
 * Crossing-number test with the half-open rule: an edge counts when one end is strictly
 * above the point's latitude and the other is not. With that rule, a point lying exactly on
 * an edge shared by two neighbouring polygons (same vertices in both) is inside exactly one
 * of them, never both and never neither, which is what a border address needs.
 */
export function ringContains(ring: Float64Array, lon: number, lat: number): boolean {
  let inside = false;
  const n = ring.length;
  let prevLon = ring[n - 2]!;
  let prevLat = ring[n - 1]!;
  for (let i = 0; i < n; i += 2) {
    const curLon = ring[i]!;
    const curLat = ring[i + 1]!;
    if (curLat > lat !== prevLat > lat) {
      const crossLon = curLon + ((lat - curLat) * (prevLon - curLon)) / (prevLat - curLat);
      if (lon < crossLon) inside = !inside;
    }
    prevLon = curLon;
    prevLat = curLat;
  }
  return inside;
}

/** Inside the outer ring of some part and inside none of that part's holes. */
export function areaContains(area: PreparedArea, lon: number, lat: number): boolean {
  if (!boxContains(area.bbox, lon, lat)) return false;
  for (const part of area.parts) {
    if (!boxContains(part.bbox, lon, lat)) continue;
    const [outer, ...holes] = part.rings;
    if (!outer || !ringContains(outer, lon, lat)) continue;
    if (!holes.some((hole) => ringContains(hole, lon, lat))) return true;
  }
  return false;
}

/** Metres per degree of latitude; the mean value is within 0.5% anywhere in France. */
const METRES_PER_DEGREE = 111_195;

/**
 * Distance in metres from a point to an area (0 inside), on a local flat projection centred on
 * the point: at Paris' scale (a few km) the error is well under 1%, enough to say "80 m from".
 */
export function distanceToAreaMetres(area: PreparedArea, lon: number, lat: number): number {
  if (areaContains(area, lon, lat)) return 0;
  const kx = METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  const ky = METRES_PER_DEGREE;
  let best = Infinity;
  for (const part of area.parts) {
    for (const ring of part.rings) {
      for (let i = 0; i + 3 < ring.length; i += 2) {
        const ax = (ring[i]! - lon) * kx;
        const ay = (ring[i + 1]! - lat) * ky;
        const bx = (ring[i + 2]! - lon) * kx;
        const by = (ring[i + 3]! - lat) * ky;
        const dx = bx - ax;
        const dy = by - ay;
        const lengthSquared = dx * dx + dy * dy;
        // Closest point of segment AB to the origin (the point itself).
        const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
        const d = Math.hypot(ax + t * dx, ay + t * dy);
        if (d < best) best = d;
      }
    }
  }
  return best;
}
