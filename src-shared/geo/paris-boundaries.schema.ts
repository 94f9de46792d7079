/**
 * The three boundary layers shipped in resources/data (see resources/data/LICENCES.md), as
 * zod schemas: the app reads them from disk, so their shape is checked once at load rather
 * than trusted. Only the properties the app uses are required; others pass through.
 */
import { z } from 'zod';

const position = z.tuple([z.number().finite(), z.number().finite()]).rest(z.number());
const ring = z.array(position).min(4);
const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) });
const multiPolygon = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) });
const areaGeometry = z.discriminatedUnion('type', [polygon, multiPolygon]);

function featureCollection<P extends z.ZodType>(properties: P) {
  return z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.object({ type: z.literal('Feature'), properties, geometry: areaGeometry })).min(1),
  });
}

/** An arrondissement number, 1 to 20. */
export const arrondissementNumber = z.number().int().min(1).max(20);
export type ArrondissementNumber = z.infer<typeof arrondissementNumber>;

/** paris-arrondissements.geojson: 20 features, Ville de Paris, ODbL. */
export const arrondissementLayerSchema = featureCollection(
  z.object({ arrondissement: arrondissementNumber, insee: z.string(), name: z.string() }),
);

/** paris-quartiers-administratifs.geojson: 80 features, Ville de Paris, ODbL. */
export const quartierLayerSchema = featureCollection(
  z.object({ quartier: z.number().int().min(1).max(80), insee: z.string(), name: z.string(), arrondissement: arrondissementNumber }),
);

/** paris-qpv.geojson: the 21 Paris QPV of the 2024 list (codes QN075…), ANCT, Licence Ouverte 2.0. */
export const qpvLayerSchema = featureCollection(
  z.object({ code: z.string().regex(/^QN075\d\d[A-Z]$/), name: z.string(), list_year: z.number().int() }),
);

export type ArrondissementLayer = z.infer<typeof arrondissementLayerSchema>;
export type QuartierLayer = z.infer<typeof quartierLayerSchema>;
export type QpvLayer = z.infer<typeof qpvLayerSchema>;

/** The raw layers, as read from the three files, before checking. */
export interface ParisBoundaryFiles {
  arrondissements: unknown;
  quartiers: unknown;
  qpv: unknown;
}

export interface ParisBoundaries {
  arrondissements: ArrondissementLayer;
  quartiers: QuartierLayer;
  qpv: QpvLayer;
}

/** Throws a ZodError naming the file's faulty path when a layer is not what the app expects. */
export function parseParisBoundaries(files: ParisBoundaryFiles): ParisBoundaries {
  return {
    arrondissements: arrondissementLayerSchema.parse(files.arrondissements),
    quartiers: quartierLayerSchema.parse(files.quartiers),
    qpv: qpvLayerSchema.parse(files.qpv),
  };
}
