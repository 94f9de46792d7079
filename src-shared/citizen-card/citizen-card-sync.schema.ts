/**
 * What the portal accepts for the Citizen Card's records (spread into src-shared/sync/entities.ts).
 * Atelier types, occurrences' settings, draws and promotions are catalogue data (ids and
 * numbers, nothing personal: a draw lists registration ids); holders and registrations are
 * personal (the holder's name and contacts live in its `person`, the holder names it by `personId`).
 */
import { z } from 'zod';
import { uuidSchema } from '../ids.js';
import {
  accessibilityFeatures,
  atelierAudiences,
  atelierFormats,
  atelierLanguages,
  atelierThemes,
  CARD_LIMITS,
  drawStatuses,
  holderSources,
  priorityGroups,
  registrationChannels,
  registrationStatuses,
  reservedPlacesSchema,
} from './citizen-card.schema.js';
import { CARD_NUMBER_PATTERN } from './card-number.js';

const isoUtc = z.iso.datetime({ error: 'validation.dateTime' });
const text = (max: number) => z.string().max(max, { error: `validation.tooLong:${max}` });
const deletedAt = isoUtc.nullable();

export const cardAtelierTypeRecordSchema = z
  .object({
    title: text(CARD_LIMITS.title).min(1),
    description: text(CARD_LIMITS.description),
    theme: z.enum(atelierThemes),
    audience: z.enum(atelierAudiences),
    format: z.enum(atelierFormats),
    durationMinutes: z.number().int().min(15).max(CARD_LIMITS.durationMinutes),
    accessibility: z.array(z.enum(accessibilityFeatures)).max(accessibilityFeatures.length),
    languages: z.array(z.enum(atelierLanguages)).min(1).max(atelierLanguages.length),
    deletedAt,
  })
  .strict();

export const cardOccurrenceRecordSchema = z
  .object({
    workshopId: uuidSchema,
    atelierTypeId: uuidSchema,
    places: z.number().int().min(CARD_LIMITS.minPlaces).max(CARD_LIMITS.maxPlaces),
    reserved: z.array(reservedPlacesSchema).max(priorityGroups.length),
    walkInsAllowed: z.boolean(),
    deletedAt,
  })
  .strict();

const drawKey = text(40).min(1);
export const cardDrawRecordSchema = z
  .object({
    workshopId: uuidSchema,
    status: z.enum(drawStatuses),
    algorithm: text(40).min(1),
    drawDate: z.iso.date(),
    seed: z.string().regex(/^[0-9a-f]{64}$/),
    places: z.number().int().min(CARD_LIMITS.minPlaces).max(CARD_LIMITS.maxPlaces),
    reserved: z.array(reservedPlacesSchema).max(priorityGroups.length),
    entries: z.array(z.object({ key: drawKey, groups: z.array(z.enum(priorityGroups)).max(priorityGroups.length) }).strict()).max(CARD_LIMITS.drawEntries),
    drawn: z.array(z.object({ key: drawKey, rank: z.number().int().min(1), group: z.enum(priorityGroups).nullable() }).strict()).max(CARD_LIMITS.maxPlaces),
    /**
     * Empty in the records the app writes: the waiting list follows from the entries and the seed by
     * the published algorithm and is recomputed where it is read (findDraw). A list carried by a
     * draw recorded before is read as it is.
     */
    waiting: z.array(z.object({ key: drawKey, rank: z.number().int().min(1) }).strict()).max(CARD_LIMITS.drawEntries),
    announcedAt: isoUtc,
    announcedBy: text(CARD_LIMITS.recordedBy).min(1),
    drawnAt: isoUtc.nullable(),
    drawnBy: text(CARD_LIMITS.recordedBy).nullable(),
    deletedAt,
  })
  .strict();

export const cardPromotionRecordSchema = z
  .object({
    workshopId: uuidSchema,
    freedRegistrationId: uuidSchema,
    promotedRegistrationId: uuidSchema,
    promotedAt: isoUtc,
    promotedBy: text(CARD_LIMITS.recordedBy).min(1),
    deletedAt,
  })
  .strict();

export const cardHolderRecordSchema = z
  .object({
    personId: uuidSchema,
    cardNumber: z.string().regex(CARD_NUMBER_PATTERN).nullable(),
    birthYear: z.number().int().min(1900).max(2100).nullable(),
    arrondissement: z.number().int().min(1).max(20).nullable(),
    contactConsent: z.boolean(),
    contactConsentAt: isoUtc.nullable(),
    source: z.enum(holderSources),
    mergedInto: uuidSchema.nullable(),
    /**
     * When an import of the City's file last listed this holder (null for a holder typed at the
     * desk or registered online). The retention rule keeps a holder of the City's file while the
     * file lists them: an import refreshes it (people/retention.ts, docs/data-protection.md).
     */
    listedAt: isoUtc.nullable(),
    deletedAt,
  })
  .strict();

export const cardRegistrationRecordSchema = z
  .object({
    workshopId: uuidSchema,
    holderId: uuidSchema,
    channel: z.enum(registrationChannels),
    status: z.enum(registrationStatuses),
    groups: z.array(z.enum(priorityGroups)).max(priorityGroups.length),
    rank: z.number().int().min(1).nullable(),
    registeredAt: isoUtc,
    statusChangedAt: isoUtc,
    recordedBy: text(CARD_LIMITS.recordedBy).min(1),
    deletedAt,
  })
  .strict();

export const citizenCardSyncSchemas = {
  card_atelier_type: { record: cardAtelierTypeRecordSchema, change: cardAtelierTypeRecordSchema.partial() },
  card_occurrence: {
    record: cardOccurrenceRecordSchema.refine((o) => o.reserved.reduce((s, r) => s + r.places, 0) <= o.places, {
      path: ['reserved'],
      message: 'validation.reservedOverPlaces',
    }),
    change: cardOccurrenceRecordSchema.partial(),
  },
  card_draw: {
    record: cardDrawRecordSchema.refine((d) => d.status === 'announced' || d.drawnAt !== null, { path: ['drawnAt'], message: 'validation.required' }),
    change: cardDrawRecordSchema.partial(),
  },
  card_promotion: { record: cardPromotionRecordSchema, change: cardPromotionRecordSchema.partial() },
  card_holder: { record: cardHolderRecordSchema, change: cardHolderRecordSchema.partial() },
  card_registration: { record: cardRegistrationRecordSchema, change: cardRegistrationRecordSchema.partial() },
} as const;

/**
 * What the City's website posts to the portal for one online registration
 * (POST /v1/citizen-card/registrations). The holder is named by card number; the lab desktop
 * links it to its holder when it pulls the registration. `externalId` makes the post idempotent.
 */
export const onlineRegistrationSchema = z
  .object({
    externalId: z.string().min(1).max(80).regex(/^[0-9A-Za-z._:-]+$/),
    workshopId: uuidSchema,
    cardNumber: z.string().min(4).max(40),
    groups: z.array(z.enum(priorityGroups)).max(priorityGroups.length),
    submittedAt: isoUtc,
  })
  .strict();
export type OnlineRegistration = z.infer<typeof onlineRegistrationSchema>;
