/**
 * Derives the arrondissement, administrative quartier and QPV of a point, offline, from the
 * real boundaries. The boundaries are passed in (the core reads the files once, the renderer
 * could be given them too); preparing them takes a few milliseconds, each lookup microseconds.
 */
import type { ParisBoundaries } from './paris-boundaries.schema.js';
import { areaContains, boxContains, distanceToAreaMetres, prepareArea, type BoundingBox, type PreparedArea } from './point-in-polygon.js';

export interface LonLat {
  lon: number;
  lat: number;
}

export interface QpvRef {
  /** ANCT code of the 2024 list, e.g. "QN07511M". */
  code: string;
  /** ANCT label, spelled as in the source, e.g. "Goutte D'Or". */
  name: string;
}

export interface QuartierRef {
  /** 1 to 80, the Ville de Paris numbering. */
  number: number;
  name: string;
}

export interface ParisLocation {
  /** 1 to 20, or null outside Paris (the communes around, the sea, a typo in the coordinates). */
  arrondissement: number | null;
  qpv: QpvRef | null;
  quartier: QuartierRef | null;
}

export interface ParisLocator {
  locate(point: LonLat): ParisLocation;
  /** The closest QPV and how far it is (0 inside): "80 m from Goutte D'Or". Scans all 21 QPV. */
  nearestQpv(point: LonLat): (QpvRef & { distanceMetres: number }) | null;
  /** The box of Paris itself (the arrondissements): a map can fit to it. */
  readonly bbox: BoundingBox;
}

interface Entry<T> {
  area: PreparedArea;
  value: T;
}

/**
 * First match in the layer's order. Features are sorted (arrondissement 1→20, quartier 1→80,
 * QPV by code) so that a point on a shared border, which the half-open rule already gives to
 * one side only, gets the same answer on every run and every machine.
 */
function firstContaining<T>(entries: readonly Entry<T>[], lon: number, lat: number): T | null {
  for (const entry of entries) {
    if (areaContains(entry.area, lon, lat)) return entry.value;
  }
  return null;
}

function sortedBy<T>(entries: Entry<T>[], key: (value: T) => string | number): Entry<T>[] {
  return entries.sort((a, b) => {
    const ka = key(a.value);
    const kb = key(b.value);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

export function createParisLocator(boundaries: ParisBoundaries): ParisLocator {
  const arrondissements = sortedBy(
    boundaries.arrondissements.features.map((f) => ({ area: prepareArea(f.geometry), value: f.properties.arrondissement })),
    (n) => n,
  );
  const quartiers = sortedBy(
    boundaries.quartiers.features.map((f) => ({
      area: prepareArea(f.geometry),
      value: { number: f.properties.quartier, name: f.properties.name } satisfies QuartierRef,
    })),
    (q) => q.number,
  );
  const qpv = sortedBy(
    boundaries.qpv.features.map((f) => ({
      area: prepareArea(f.geometry),
      value: { code: f.properties.code, name: f.properties.name } satisfies QpvRef,
    })),
    (q) => q.code,
  );

  const bbox: BoundingBox = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const { area } of arrondissements) {
    bbox.minLon = Math.min(bbox.minLon, area.bbox.minLon);
    bbox.minLat = Math.min(bbox.minLat, area.bbox.minLat);
    bbox.maxLon = Math.max(bbox.maxLon, area.bbox.maxLon);
    bbox.maxLat = Math.max(bbox.maxLat, area.bbox.maxLat);
  }

  return {
    bbox,
    nearestQpv({ lon, lat }) {
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
      let nearest: (QpvRef & { distanceMetres: number }) | null = null;
      for (const entry of qpv) {
        const distanceMetres = distanceToAreaMetres(entry.area, lon, lat);
        if (nearest === null || distanceMetres < nearest.distanceMetres) nearest = { ...entry.value, distanceMetres };
      }
      return nearest;
    },
    locate({ lon, lat }) {
      const outside: ParisLocation = { arrondissement: null, qpv: null, quartier: null };
      if (!Number.isFinite(lon) || !Number.isFinite(lat) || !boxContains(bbox, lon, lat)) return outside;
      const arrondissement = firstContaining(arrondissements, lon, lat);
      // Every QPV and quartier lies inside Paris: outside the arrondissements, stop there so a
      // point cannot be "in a QPV" yet in no arrondissement because of the QPV layer's 4-decimal
      // precision along the ring road.
      if (arrondissement === null) return outside;
      return { arrondissement, qpv: firstContaining(qpv, lon, lat), quartier: firstContaining(quartiers, lon, lat) };
    },
  };
}
