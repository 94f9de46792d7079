/**
 * The map of Paris's arrondissements the publication draws its proposals on: the shipped
 * boundaries (resources/data/paris-arrondissements.geojson) projected once to a flat drawing
 * (equirectangular at Paris's latitude), rounded to a tenth of a unit and without repeated
 * points. No tiles: the same outlines go into the screen, the HTML page and the PDF, offline.
 */
import { readFileSync } from 'node:fs';
import { arrondissementLayerSchema } from '#shared/geo/paris-boundaries.schema.js';
import type { MapArea } from '#shared/publication/publication.schema.js';
import { findRepositoryDataDir, referenceFilePath } from '../reference/reference-data-files.js';

export interface PublicationMap {
  width: number;
  height: number;
  areas: MapArea[];
}

const WIDTH = 600;
let cached: PublicationMap | null = null;


/** The arrondissements' outlines as SVG paths (cached after the first read). */
export function publicationMap(dataDir?: string): PublicationMap {
  if (cached) return cached;
  const layer = arrondissementLayerSchema.parse(JSON.parse(readFileSync(referenceFilePath(dataDir ?? findRepositoryDataDir(), 'arrondissements'), 'utf8')));
  const polygons = layer.features.map((f) => ({
    arrondissement: f.properties.arrondissement,
    rings: (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(),
  }));
  const all = polygons.flatMap((p) => p.rings.flat());
  const lons = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = WIDTH / ((maxLon - minLon) * k);
  const height = Math.round((maxLat - minLat) * scale);
  const project = (p: number[]): [number, number] => [Math.round((p[0]! - minLon) * k * scale * 10) / 10, Math.round((maxLat - p[1]!) * scale * 10) / 10];
  const areas = polygons
    .map(({ arrondissement, rings }) => {
      let d = '';
      let best: [number, number][] = [];
      for (const ring of rings) {
        const pts: [number, number][] = [];
        for (const p of ring.map(project)) {
          const last = pts[pts.length - 1];
          if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
        }
        if (pts.length > best.length) best = pts;
        d += `M${pts.map(([x, y]) => `${x} ${y}`).join('L')}Z`;
      }
      const [x, y] = centroid(best);
      return { arrondissement, d, x: Math.round(x), y: Math.round(y) };
    })
    .sort((a, b) => a.arrondissement - b.arrondissement);
  cached = { width: WIDTH, height, areas };
  return cached;
}

/** The centroid of a ring (for the label), by the shoelace formula. */
function centroid(pts: readonly [number, number][]): [number, number] {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < pts.length; i++) {
    const [x0, y0] = pts[i]!;
    const [x1, y1] = pts[(i + 1) % pts.length]!;
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  return a === 0 ? pts[0] ?? [0, 0] : [cx / (3 * a), cy / (3 * a)];
}
