/**
 * The Paris Citizen Card ateliers: atelier types (the catalogue), their dated occurrences
 * (workshops of the `citizen_card_atelier` kind, with their places and rules), the card holders
 * (identities imported from the City's file: a `person` for the name and contacts, a holder for
 * the card), registrations, the published draw and its waiting list, promotions, check-in.
 *
 * Validation messages are i18n keys (`validation.*`), as everywhere.
 */
import { z } from 'zod';
import { uuidSchema } from '../ids.js';
import { languages } from '../i18n/languages.js';
import { optionalText, requiredText, workshopSchema } from '../workshops/workshop.schema.js';
import { isCardNumber, normalizeCardNumber } from './card-number.js';

const uuid = uuidSchema;
const version = z.number().int().min(1);

export const atelierThemes = ['institutions', 'project', 'elected_officials', 'hotel_de_ville_visit', 'conseil_de_paris_visit', 'other'] as const;
export type AtelierTheme = (typeof atelierThemes)[number];
export const atelierAudiences = ['adults', 'young_people', 'school_classes', 'families'] as const;
export type AtelierAudience = (typeof atelierAudiences)[number];
export const atelierFormats = ['workshop', 'visit', 'meeting'] as const;
export type AtelierFormat = (typeof atelierFormats)[number];
export const accessibilityFeatures = ['wheelchair', 'hearing_loop', 'sign_language', 'easy_read', 'seated'] as const;
export type AccessibilityFeature = (typeof accessibilityFeatures)[number];
/** Languages an atelier is given in (codes; the labels are in the catalogue). */
export const atelierLanguages = ['fr', 'en', 'es', 'ar', 'zh', 'pt', 'de', 'it'] as const;
export type AtelierLanguage = (typeof atelierLanguages)[number];

/** Groups the lab may reserve places for; membership is said at registration (first_timer is computed). */
export const priorityGroups = ['first_timer', 'qpv_resident', 'disability', 'young_people'] as const;
export type PriorityGroup = (typeof priorityGroups)[number];

export const registrationChannels = ['desk', 'phone', 'online'] as const;
export type RegistrationChannel = (typeof registrationChannels)[number];

/**
 * registered → drawn | waiting (the draw; without a draw, registered → confirmed when places
 * remain) → confirmed → attended | no_show; cancelled from any state before attended; waiting →
 * drawn by a promotion.
 */
export const registrationStatuses = ['registered', 'drawn', 'waiting', 'confirmed', 'cancelled', 'attended', 'no_show'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

export const holderSources = ['city_file', 'desk', 'online'] as const;
export type HolderSource = (typeof holderSources)[number];

export const CARD_LIMITS = {
  title: 200,
  description: 5000,
  minPlaces: 5,
  maxPlaces: 50,
  durationMinutes: 600,
  name: 120,
  email: 254,
  phone: 20,
  query: 120,
  reason: 500,
  importChunkRows: 5000,
  importLine: 2000,
  drawEntries: 10_000,
  recordedBy: 120,
} as const;

export const cardNumberSchema = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(40, { error: 'validation.cardNumber' })
  .refine(isCardNumber, { error: 'validation.cardNumber' })
  .transform(normalizeCardNumber);

const birthYear = z
  .number({ error: 'validation.invalid' })
  .int({ error: 'validation.invalid' })
  .min(1900, { error: 'validation.birthYear' })
  .max(2100, { error: 'validation.birthYear' });

// ---------------------------------------------------------------- the forms

export const atelierTypeFieldsSchema = z.object({
  title: requiredText(CARD_LIMITS.title),
  description: optionalText(CARD_LIMITS.description),
  theme: z.enum(atelierThemes, { error: 'validation.required' }),
  audience: z.enum(atelierAudiences, { error: 'validation.required' }),
  format: z.enum(atelierFormats, { error: 'validation.required' }),
  durationMinutes: z
    .number({ error: 'validation.required' })
    .int({ error: 'validation.invalid' })
    .min(15, { error: 'validation.min:15' })
    .max(CARD_LIMITS.durationMinutes, { error: `validation.max:${CARD_LIMITS.durationMinutes}` }),
  accessibility: z.array(z.enum(accessibilityFeatures)).max(accessibilityFeatures.length),
  languages: z.array(z.enum(atelierLanguages)).min(1, { error: 'validation.required' }).max(atelierLanguages.length),
});
export type AtelierTypeFields = z.infer<typeof atelierTypeFieldsSchema>;

export const reservedPlacesSchema = z.object({
  group: z.enum(priorityGroups),
  places: z.number({ error: 'validation.required' }).int({ error: 'validation.invalid' }).min(1, { error: 'validation.min:1' }).max(CARD_LIMITS.maxPlaces),
});

/** An occurrence's rules, beside its workshop (title, dates and venue are the workshop's). */
export const occurrenceFieldsSchema = z
  .object({
    atelierTypeId: uuid,
    places: z
      .number({ error: 'validation.required' })
      .int({ error: 'validation.invalid' })
      .min(CARD_LIMITS.minPlaces, { error: `validation.min:${CARD_LIMITS.minPlaces}` })
      .max(CARD_LIMITS.maxPlaces, { error: `validation.max:${CARD_LIMITS.maxPlaces}` }),
    reserved: z
      .array(reservedPlacesSchema)
      .max(priorityGroups.length)
      .refine((r) => new Set(r.map((x) => x.group)).size === r.length, { error: 'validation.invalid' }),
    /** People arriving without a place take an empty one only when the lab allows it. */
    walkInsAllowed: z.boolean(),
  })
  .refine((o) => o.reserved.reduce((s, r) => s + r.places, 0) <= o.places, { path: ['reserved'], message: 'validation.reservedOverPlaces' });
export type OccurrenceFields = z.infer<typeof occurrenceFieldsSchema>;

/** A holder typed at the desk (the City's file is imported, see the import). */
export const holderFieldsSchema = z.object({
  cardNumber: cardNumberSchema,
  name: requiredText(CARD_LIMITS.name),
  birthYear: birthYear.nullable(),
  arrondissement: z.number({ error: 'validation.arrondissement' }).int().min(1, { error: 'validation.arrondissement' }).max(20, { error: 'validation.arrondissement' }).nullable(),
  email: z
    .string()
    .trim()
    .max(CARD_LIMITS.email, { error: `validation.tooLong:${CARD_LIMITS.email}` })
    .refine((v) => v === '' || z.email().safeParse(v).success, { error: 'validation.email' })
    .transform((v) => (v === '' ? null : v))
    .nullable(),
  phone: z
    .string()
    .trim()
    .max(CARD_LIMITS.phone, { error: `validation.tooLong:${CARD_LIMITS.phone}` })
    .refine((v) => v === '' || /^\+?[0-9 .-]{6,19}$/.test(v), { error: 'validation.phone' })
    .transform((v) => (v === '' ? null : v))
    .nullable(),
  /** The holder agreed to be contacted about ateliers (recorded with its date). */
  contactConsent: z.boolean(),
});
export type HolderFields = z.infer<typeof holderFieldsSchema>;
export type HolderFieldsInput = z.input<typeof holderFieldsSchema>;

// ---------------------------------------------------------------- the records the core hands out

const recordBase = { id: uuid, version: z.number().int(), createdAt: z.string(), updatedAt: z.string(), deletedAt: z.string().nullable() };

export const atelierTypeSchema = z.object({
  ...recordBase,
  title: z.string(),
  description: z.string(),
  theme: z.enum(atelierThemes),
  audience: z.enum(atelierAudiences),
  format: z.enum(atelierFormats),
  durationMinutes: z.number().int(),
  accessibility: z.array(z.enum(accessibilityFeatures)),
  languages: z.array(z.enum(atelierLanguages)),
});
export type AtelierType = z.infer<typeof atelierTypeSchema>;

export const occurrenceSettingsSchema = z.object({
  ...recordBase,
  workshopId: z.string(),
  atelierTypeId: z.string(),
  places: z.number().int(),
  reserved: z.array(reservedPlacesSchema),
  walkInsAllowed: z.boolean(),
});
export type OccurrenceSettings = z.infer<typeof occurrenceSettingsSchema>;

export const occurrenceCountsSchema = z.object({
  registered: z.number().int(),
  drawn: z.number().int(),
  waiting: z.number().int(),
  confirmed: z.number().int(),
  cancelled: z.number().int(),
  attended: z.number().int(),
  noShow: z.number().int(),
  /** Places not held by drawn, confirmed or attended people. */
  free: z.number().int(),
});

export const drawStatuses = ['announced', 'drawn'] as const;
export const drawSchema = z.object({
  ...recordBase,
  workshopId: z.string(),
  status: z.enum(drawStatuses),
  algorithm: z.string(),
  drawDate: z.string(),
  seed: z.string(),
  places: z.number().int(),
  reserved: z.array(reservedPlacesSchema),
  /** The published list: registration ids and their groups, sorted. */
  entries: z.array(z.object({ key: z.string(), groups: z.array(z.string()) })),
  drawn: z.array(z.object({ key: z.string(), rank: z.number().int(), group: z.string().nullable() })),
  waiting: z.array(z.object({ key: z.string(), rank: z.number().int() })),
  announcedAt: z.string(),
  announcedBy: z.string(),
  drawnAt: z.string().nullable(),
  drawnBy: z.string().nullable(),
});
export type Draw = z.infer<typeof drawSchema>;

export const occurrenceSchema = z.object({
  workshop: workshopSchema,
  settings: occurrenceSettingsSchema.nullable(),
  atelierType: atelierTypeSchema.nullable(),
  counts: occurrenceCountsSchema,
  draw: drawSchema.nullable(),
});
export type Occurrence = z.infer<typeof occurrenceSchema>;

export const holderSchema = z.object({
  ...recordBase,
  personId: z.string(),
  cardNumber: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  arrondissement: z.number().int().nullable(),
  contactConsent: z.boolean(),
  contactConsentAt: z.string().nullable(),
  source: z.enum(holderSources),
  mergedInto: z.string().nullable(),
  listedAt: z.string().nullable(),
});
export type Holder = z.infer<typeof holderSchema>;

export const registrationSchema = z.object({
  ...recordBase,
  workshopId: z.string(),
  holderId: z.string(),
  channel: z.enum(registrationChannels),
  status: z.enum(registrationStatuses),
  groups: z.array(z.enum(priorityGroups)),
  /** The draw's rank, once drawn (the waiting list's order). */
  rank: z.number().int().nullable(),
  registeredAt: z.string(),
  statusChangedAt: z.string(),
  recordedBy: z.string(),
});
export type Registration = z.infer<typeof registrationSchema>;

/** A registration with what the desk shows of its holder. */
export const registrationViewSchema = registrationSchema.extend({
  holderName: z.string().nullable(),
  maskedCardNumber: z.string().nullable(),
});
export type RegistrationView = z.infer<typeof registrationViewSchema>;

export const promotionSchema = z.object({
  ...recordBase,
  workshopId: z.string(),
  /** The cancelled (or no-show before the start) registration whose place was freed. */
  freedRegistrationId: z.string(),
  promotedRegistrationId: z.string(),
  promotedAt: z.string(),
  promotedBy: z.string(),
});
export type Promotion = z.infer<typeof promotionSchema>;

// ---------------------------------------------------------------- the commands' inputs and outputs

export const cardRefSchema = z.object({ id: uuid });
export const cardVersionedRefSchema = z.object({ id: uuid, version });
export const occurrenceRefSchema = z.object({ workshopId: uuid });
const saveInput = <F extends z.ZodType>(fields: F) => z.object({ id: uuid.optional(), version: version.optional(), fields });

export const atelierTypeSaveInputSchema = saveInput(atelierTypeFieldsSchema);
export const atelierTypeListSchema = z.object({ items: z.array(atelierTypeSchema) });
export const occurrenceSaveInputSchema = z.object({ workshopId: uuid, version: version.optional(), fields: occurrenceFieldsSchema });
export const occurrenceListInputSchema = z.object({
  from: z.iso.date({ error: 'validation.date' }).optional(),
  atelierTypeId: uuid.optional(),
});
export const occurrenceListSchema = z.object({ items: z.array(occurrenceSchema) });

export const holderSearchInputSchema = z.object({
  query: z.string().max(CARD_LIMITS.query, { error: `validation.tooLong:${CARD_LIMITS.query}` }),
  limit: z.number().int().min(1).max(100).default(20),
});
export const holderSearchSchema = z.object({ items: z.array(holderSchema), total: z.number().int(), truncated: z.boolean() });
export const holderSaveInputSchema = saveInput(holderFieldsSchema);
export const holderHistorySchema = z.object({
  holder: holderSchema,
  registrations: z.array(
    registrationSchema.extend({ workshopTitle: z.string(), startsAt: z.string() }),
  ),
  attended: z.number().int(),
  noShows: z.number().int(),
});

/**
 * One chunk of the City's CSV file (the screen reads the file and sends it in chunks of whole
 * lines; the first chunk holds the header). `firstLine` numbers the chunk's first line in the
 * file so that refusals name the file's own line numbers.
 */
export const holderImportInputSchema = z.object({
  importId: uuid,
  firstLine: z.number().int().min(1),
  header: z.array(z.string().max(100)).max(40),
  lines: z.array(z.string().max(CARD_LIMITS.importLine)).max(CARD_LIMITS.importChunkRows),
});
export const importRefusalReasons = [
  'cardNumber',
  'duplicateInFile',
  'name',
  'birthYear',
  'arrondissement',
  'email',
  'phone',
  'contactConsent',
  'columns',
  'tooLong',
] as const;
export const holderImportResultSchema = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  refused: z.array(z.object({ line: z.number().int(), reason: z.enum(importRefusalReasons), value: z.string().max(200) })),
});
export const holderImportHeaderInputSchema = z.object({ header: z.array(z.string().max(100)).max(40) });
export const holderImportHeaderSchema = z.object({
  /** The file's columns the import reads, by the field they fill; missing required columns. */
  columns: z.record(z.string(), z.number().int()),
  missing: z.array(z.enum(['cardNumber', 'name'])),
});

export const duplicatePairSchema = z.object({
  a: holderSchema,
  b: holderSchema,
  /** Why they look like one person. */
  reason: z.enum(['same_card_number', 'same_name_birth_year', 'same_email']),
});
export const duplicateListSchema = z.object({ items: z.array(duplicatePairSchema) });
export const holderMergeInputSchema = z.object({
  keepId: uuid,
  keepVersion: version,
  mergeId: uuid,
  mergeVersion: version,
});

export const registerInputSchema = z.object({
  workshopId: uuid,
  holderId: uuid,
  channel: z.enum(registrationChannels, { error: 'validation.required' }),
  groups: z.array(z.enum(priorityGroups)).max(priorityGroups.length),
});
export const registrationListSchema = z.object({ items: z.array(registrationViewSchema) });
export const registrationStatusInputSchema = z.object({ id: uuid, version, status: z.enum(registrationStatuses) });

export const drawAnnounceInputSchema = z.object({ workshopId: uuid, drawDate: z.iso.date({ error: 'validation.date' }) });
export const drawExportSchema = z.object({ fileName: z.string(), json: z.string() });

export const checkInInputSchema = z.object({
  workshopId: uuid,
  /** The card number typed or read, a registration id (from the list or a scanned QR code). */
  by: z.discriminatedUnion('method', [
    z.object({ method: z.literal('card'), cardNumber: cardNumberSchema }),
    z.object({ method: z.literal('registration'), registrationId: uuid }),
    z.object({ method: z.literal('qr'), payload: z.string().max(200) }),
  ]),
});
export const walkInInputSchema = z.object({ workshopId: uuid, holderId: uuid });
export const promotionListSchema = z.object({ items: z.array(promotionSchema) });

export const cardPaperInputSchema = z.object({ workshopId: uuid, locale: z.enum(languages).default('fr') });
export const certificateInputSchema = z.object({ workshopId: uuid, registrationIds: z.array(uuid).max(CARD_LIMITS.maxPlaces * 2).optional() });
export const cardPdfSchema = z.object({ fileName: z.string(), base64: z.string(), pages: z.number().int() });
