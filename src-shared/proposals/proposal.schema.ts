/**
 * A participatory-budget proposal, as a workshop captures it, shaped to map onto the City's
 * participatory-budget platform without loss. Our own UUID and capture time travel beside the
 * platform's fields.
 *
 * | City platform field            | Atelier field (record)                 | notes                                              |
 * |--------------------------------|----------------------------------------|----------------------------------------------------|
 * | titre                          | title                                  | ≤ 200 characters                                   |
 * | description                    | description                            | ≤ 5 000 characters                                 |
 * | coût estimé (€)                | estimatedCostCents                     | typed in euros, stored in integer cents            |
 * | code thématique                | themeCode                              | one of the 11 themes (src-shared/reference)        |
 * | type de localisation           | locationType                           | 'paris' (tout Paris) / 'arrondissement'            |
 * | arrondissement                 | arrondissement                         | 1–20, derived from the point when there is one     |
 * | adresse                        | addressLabel (+ addressId, BAN id)     |                                                    |
 * | coordonnées                    | lon, lat                               | WGS 84                                             |
 * | type de porteur                | proposerType (+ proposerName)          | people present / collective / association / CQ     |
 * | déjà proposé                   | proposedBefore                         | yes / no / unknown                                 |
 * | coûts de fonctionnement        | runningCostsCents                      | per year, integer cents                            |
 * | accessibilité PMR              | accessibleToDisabled                   | yes / no / unknown                                 |
 * | classe de quartier             | neighbourhoodClass (+ qpvCode)         | 'qpv' derived from the point; 'veille_active' set by hand; else 'other' |
 * | statut                         | status                                 | see `proposalStatuses`                             |
 * | (identifiant)                  | id                                     | our UUID, made on the device                       |
 * | (date de dépôt)                | capturedAt                             | when the facilitator captured it (ISO UTC)         |
 * | (atelier d'origine)            | workshopId                             | set automatically from the workshop                |
 * | (regroupement)                 | kind, mergedInto                       | a project groups proposals; originals keep a link  |
 */
import { z } from 'zod';
import { sha256Schema } from '../ids.js';
import { pbThemeCodes } from '../reference/pb-themes.js';
import { optionalText, requiredText, uuid } from '../workshops/workshop.schema.js';

export const proposalKinds = ['proposal', 'project'] as const;
export type ProposalKind = (typeof proposalKinds)[number];
export const locationTypes = ['paris', 'arrondissement'] as const;
export type LocationType = (typeof locationTypes)[number];
export const neighbourhoodClasses = ['qpv', 'veille_active', 'other'] as const;
export type NeighbourhoodClass = (typeof neighbourhoodClasses)[number];
export const proposerTypes = ['people_present', 'collective', 'association', 'neighbourhood_council'] as const;
export type ProposerType = (typeof proposerTypes)[number];
export const triStates = ['yes', 'no', 'unknown'] as const;
export type TriState = (typeof triStates)[number];

/**
 * draft → ready → submitted (the platform's « déposé ») → the portal's decisions:
 * in co-construction → merged (by regroupement only) / under study → retained / not retained.
 */
export const proposalStatuses = [
  'draft',
  'ready',
  'submitted',
  'in_co_construction',
  'merged',
  'under_study',
  'retained',
  'not_retained',
] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

export const proposalTransitions: Record<ProposalStatus, readonly ProposalStatus[]> = {
  draft: ['ready'],
  ready: ['draft', 'submitted'],
  submitted: ['in_co_construction', 'under_study', 'not_retained'],
  in_co_construction: ['under_study', 'not_retained'],
  merged: [],
  under_study: ['retained', 'not_retained'],
  retained: [],
  not_retained: [],
};

/** Statuses in which the text can still be changed at the workshop. */
export function isProposalEditable(status: ProposalStatus): boolean {
  return status === 'draft' || status === 'ready' || status === 'in_co_construction';
}

export const PROPOSAL_LIMITS = {
  title: 200,
  description: 5000,
  addressLabel: 300,
  addressId: 64,
  proposerName: 200,
  proposers: 100,
  photos: 20,
  /** 100 million euros: above any participatory-budget project (the biggest was ≈ 10 M€). */
  costEuros: 100_000_000,
  mergeAtMost: 50,
} as const;

const sha256 = sha256Schema;

/** Euros as typed, at most two decimals, never negative. */
const euros = z
  .number({ error: 'validation.amount' })
  .min(0, { error: 'validation.amountNegative' })
  .max(PROPOSAL_LIMITS.costEuros, { error: 'validation.amount' })
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { error: 'validation.amount' })
  .nullable();

/** Euros to integer cents (the schema already allows at most two decimals). */
export const eurosToCents = (v: number | null): number | null => (v === null ? null : Math.round(v * 100));

export const lonLatSchema = z.object({
  lon: z.number({ error: 'validation.invalid' }).min(-180).max(180),
  lat: z.number({ error: 'validation.invalid' }).min(-90).max(90),
});

/**
 * What a person fills in. Arrondissement and neighbourhood class are derived from the point by
 * the core when there is one; `arrondissement` is only read when there is no point.
 */
export const proposalFieldsSchema = z
  .object({
    title: requiredText(PROPOSAL_LIMITS.title),
    description: requiredText(PROPOSAL_LIMITS.description),
    themeCode: z.enum(pbThemeCodes, { error: 'validation.required' }),
    locationType: z.enum(locationTypes, { error: 'validation.required' }),
    arrondissement: z
      .number({ error: 'validation.arrondissement' })
      .int({ error: 'validation.arrondissement' })
      .min(1, { error: 'validation.arrondissement' })
      .max(20, { error: 'validation.arrondissement' })
      .nullable(),
    addressLabel: optionalText(PROPOSAL_LIMITS.addressLabel),
    addressId: z.string().max(PROPOSAL_LIMITS.addressId).nullable(),
    point: lonLatSchema.nullable(),
    /** "Quartier de veille active" cannot be derived from the shipped boundaries: the facilitator says so. */
    inVeilleActive: z.boolean(),
    estimatedCostEuros: euros,
    runningCostsEuros: euros,
    proposerType: z.enum(proposerTypes, { error: 'validation.required' }),
    proposerName: optionalText(PROPOSAL_LIMITS.proposerName),
    proposerAttendanceIds: z.array(uuid).max(PROPOSAL_LIMITS.proposers),
    proposedBefore: z.enum(triStates),
    accessibleToDisabled: z.enum(triStates),
    photos: z.array(sha256).max(PROPOSAL_LIMITS.photos, { error: `validation.tooMany:${PROPOSAL_LIMITS.photos}` }),
  })
  .refine((p) => p.locationType === 'paris' || p.point !== null || p.arrondissement !== null, {
    path: ['arrondissement'],
    message: 'validation.arrondissementOrPoint',
  });
export type ProposalFields = z.infer<typeof proposalFieldsSchema>;
export type ProposalFieldsInput = z.input<typeof proposalFieldsSchema>;

export const proposalSchema = z.object({
  id: uuid,
  workshopId: z.string().nullable(),
  kind: z.enum(proposalKinds),
  title: z.string(),
  description: z.string(),
  themeCode: z.enum(pbThemeCodes),
  locationType: z.enum(locationTypes),
  arrondissement: z.number().int().nullable(),
  addressLabel: z.string().nullable(),
  addressId: z.string().nullable(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  neighbourhoodClass: z.enum(neighbourhoodClasses),
  qpvCode: z.string().nullable(),
  estimatedCostCents: z.number().int().nullable(),
  runningCostsCents: z.number().int().nullable(),
  proposerType: z.enum(proposerTypes),
  proposerName: z.string().nullable(),
  proposerAttendanceIds: z.array(z.string()),
  proposedBefore: z.enum(triStates),
  accessibleToDisabled: z.enum(triStates),
  status: z.enum(proposalStatuses),
  mergedInto: z.string().nullable(),
  photos: z.array(z.string()),
  capturedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  deletedAt: z.string().nullable(),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const proposalCreateInputSchema = z.object({
  /** The workshop the facilitator is in: the link is set from it, never typed. */
  workshopId: uuid,
  fields: proposalFieldsSchema,
});
export const proposalUpdateInputSchema = z.object({
  id: uuid,
  version: z.number().int().min(1),
  fields: proposalFieldsSchema,
});
export const proposalRefSchema = z.object({ id: uuid });
export const proposalStatusInputSchema = z.object({
  id: uuid,
  version: z.number().int().min(1),
  status: z.enum(proposalStatuses),
});
export const proposalListInputSchema = z.object({
  /** One workshop's proposals (and the projects made from them); all when absent. */
  workshopId: uuid.optional(),
  /** Merged originals are hidden unless asked for. */
  includeMerged: z.boolean().default(false),
  limit: z.number().int().min(1).max(5000).default(1000),
});
export const proposalListSchema = z.object({ items: z.array(proposalSchema), total: z.number().int() });

/** Regroupement: several proposals become one project; the originals keep their link. */
export const proposalMergeInputSchema = z.object({
  proposalIds: z
    .array(uuid)
    .min(2, { error: 'validation.mergeAtLeastTwo' })
    .max(PROPOSAL_LIMITS.mergeAtMost, { error: `validation.tooMany:${PROPOSAL_LIMITS.mergeAtMost}` })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'validation.invalid' }),
  title: requiredText(PROPOSAL_LIMITS.title),
  description: requiredText(PROPOSAL_LIMITS.description),
  themeCode: z.enum(pbThemeCodes, { error: 'validation.required' }),
});
export const proposalMergeResultSchema = z.object({ project: proposalSchema, originals: z.array(proposalSchema) });

/** Photos and scans: base64 bytes with their media type. */
export const ATTACHMENT_INPUT_MAX_BYTES = 8 * 1024 * 1024;
export const attachmentMediaTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const attachmentAddInputSchema = z.object({
  mediaType: z.enum(attachmentMediaTypes, { error: 'validation.mediaType' }),
  /** Base64 of at most ATTACHMENT_INPUT_MAX_BYTES bytes (4/3 as many characters). */
  base64: z
    .string()
    .min(1, { error: 'validation.required' })
    .max(Math.ceil(ATTACHMENT_INPUT_MAX_BYTES / 3) * 4, { error: 'validation.fileTooBig' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'validation.invalid' }),
});
export const attachmentRefSchema = z.object({ sha256, size: z.number().int() });
