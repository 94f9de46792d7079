/**
 * What the portal accepts for proposals and supports (spread into src-shared/sync/entities.ts):
 * the records' synced fields with the same limits as the forms. A change's fields must pass the
 * partial schema; the record after merging must pass the whole one.
 */
import { z } from 'zod';
import { sha256Schema, uuidSchema } from '../ids.js';
import { pbThemeCodes } from '../reference/pb-themes.js';
import { locationTypes, neighbourhoodClasses, PROPOSAL_LIMITS, proposalKinds, proposalStatuses, proposerTypes, triStates } from './proposal.schema.js';
import { grades, supportMethods } from './support.schema.js';

const isoUtc = z.iso.datetime({ error: 'validation.dateTime' });
const text = (max: number) => z.string().max(max, { error: `validation.tooLong:${max}` });
const cents = z.number().int().min(0).max(PROPOSAL_LIMITS.costEuros * 100).nullable();

export const proposalRecordFieldsSchema = z
  .object({
    workshopId: uuidSchema.nullable(),
    kind: z.enum(proposalKinds),
    title: text(PROPOSAL_LIMITS.title).min(1, { error: 'validation.required' }),
    description: text(PROPOSAL_LIMITS.description),
    themeCode: z.enum(pbThemeCodes),
    locationType: z.enum(locationTypes),
    arrondissement: z.number().int().min(1).max(20).nullable(),
    addressLabel: text(PROPOSAL_LIMITS.addressLabel).nullable(),
    addressId: text(PROPOSAL_LIMITS.addressId).nullable(),
    lon: z.number().min(-180).max(180).nullable(),
    lat: z.number().min(-90).max(90).nullable(),
    neighbourhoodClass: z.enum(neighbourhoodClasses),
    qpvCode: z.string().regex(/^QN\d{5}[A-Z]$/).nullable(),
    estimatedCostCents: cents,
    runningCostsCents: cents,
    proposerType: z.enum(proposerTypes),
    proposerName: text(PROPOSAL_LIMITS.proposerName).nullable(),
    proposerAttendanceIds: z.array(uuidSchema).max(PROPOSAL_LIMITS.proposers),
    proposedBefore: z.enum(triStates),
    accessibleToDisabled: z.enum(triStates),
    status: z.enum(proposalStatuses),
    mergedInto: uuidSchema.nullable(),
    photos: z.array(sha256Schema).max(PROPOSAL_LIMITS.photos),
    capturedAt: isoUtc,
    deletedAt: isoUtc.nullable(),
  })
  .strict();

export const supportRecordFieldsSchema = z
  .object({
    proposalId: uuidSchema,
    workshopId: uuidSchema,
    /** An anonymous study profile, never a person. */
    profileId: uuidSchema.nullable(),
    method: z.enum(supportMethods),
    dots: z.number().int().min(1).max(100).nullable(),
    grade: z.enum(grades).nullable(),
    recordedAt: isoUtc,
    deletedAt: isoUtc.nullable(),
  })
  .strict();

export const proposalSyncSchemas = {
  proposal: {
    record: proposalRecordFieldsSchema
      .refine((p) => (p.lon === null) === (p.lat === null), { path: ['lat'], message: 'validation.invalid' })
      .refine((p) => p.qpvCode === null || p.neighbourhoodClass === 'qpv', { path: ['qpvCode'], message: 'validation.invalid' })
      .refine((p) => p.status !== 'merged' || p.mergedInto !== null, { path: ['mergedInto'], message: 'validation.required' }),
    change: proposalRecordFieldsSchema.partial(),
  },
  support: {
    record: supportRecordFieldsSchema.refine(
      (s) => (s.method === 'dot' ? s.dots !== null && s.grade === null : s.grade !== null && s.dots === null),
      { path: ['method'], message: 'validation.invalid' },
    ),
    change: supportRecordFieldsSchema.partial(),
  },
} as const;
