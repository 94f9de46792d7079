/**
 * The reference data as the screens ask for it: address search as you type, where a point
 * lies (arrondissement, QPV), the boundaries to draw on the map, the participatory budget's
 * past winners near a place, and the licence notices of the shipped data.
 */
import { z } from 'zod';
import { arrondissementLayerSchema, qpvLayerSchema } from '../geo/paris-boundaries.schema.js';
import { pbThemeCodes } from './pb-themes.js';

export const REFERENCE_LIMITS = { query: 200, hits: 20, winners: 500, radiusMetres: 5000 } as const;

export const addressSearchInputSchema = z.object({
  query: z.string().max(REFERENCE_LIMITS.query, { error: `validation.tooLong:${REFERENCE_LIMITS.query}` }),
  limit: z.number().int().min(1).max(REFERENCE_LIMITS.hits).default(8),
});

export const addressHitSchema = z.object({
  /** BAN id (cle_interop). */
  id: z.string(),
  label: z.string(),
  arrondissement: z.number().int(),
  lon: z.number(),
  lat: z.number(),
  /** 'street': the number typed was not found, the street's middle address stands for it. */
  kind: z.enum(['address', 'street']),
});
export type AddressHit = z.infer<typeof addressHitSchema>;
export const addressSearchResultSchema = z.object({ items: z.array(addressHitSchema) });

export const locateInputSchema = z.object({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});
export const locationSchema = z.object({
  /** null outside Paris. */
  arrondissement: z.number().int().nullable(),
  qpv: z.object({ code: z.string(), name: z.string() }).nullable(),
  quartier: z.object({ number: z.number().int(), name: z.string() }).nullable(),
});
export type Location = z.infer<typeof locationSchema>;

export const boundariesSchema = z.object({
  arrondissements: arrondissementLayerSchema,
  qpv: qpvLayerSchema,
  /** [minLon, minLat, maxLon, maxLat] of Paris, for the map to fit. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
});
export type Boundaries = z.infer<typeof boundariesSchema>;

/** Past winners near a point (within `radiusMetres`) or in an arrondissement, or both. */
export const winnersInputSchema = z.object({
  near: locateInputSchema.optional(),
  radiusMetres: z.number().int().min(50).max(REFERENCE_LIMITS.radiusMetres).default(800),
  arrondissement: z.number().int().min(1).max(20).optional(),
  limit: z.number().int().min(1).max(REFERENCE_LIMITS.winners).default(100),
});
export const winnerSchema = z.object({
  id: z.number().int(),
  edition: z.number().int(),
  title: z.string().nullable(),
  themeCode: z.enum(pbThemeCodes),
  budgetEuros: z.number().nullable(),
  address: z.string().nullable(),
  arrondissements: z.array(z.number().int()),
  progress: z.string().nullable(),
  /** The placed point, or null when the address could not be placed offline. */
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  /** Distance from the asked point, when there was one and the winner is placed. */
  distanceMetres: z.number().nullable(),
  inQpv: z.boolean(),
});
export type Winner = z.infer<typeof winnerSchema>;
export const winnersResultSchema = z.object({ items: z.array(winnerSchema), total: z.number().int() });

export const licenceNoticeSchema = z.object({
  dataset: z.string(),
  producer: z.string(),
  licence: z.string(),
  licenceUrl: z.string(),
});
export const licencesResultSchema = z.object({ items: z.array(licenceNoticeSchema) });
export type LicenceNotice = z.infer<typeof licenceNoticeSchema>;
