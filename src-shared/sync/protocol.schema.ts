/**
 * The sync protocol between a device and the city's portal (docs/sync-protocol.md), as zod
 * schemas: the device validates what it sends and receives with them, the portal validates
 * every request with the same ones and generates its OpenAPI document from them.
 */
import { z } from 'zod';
import { uuidSchema } from '../ids.js';

export const PROTOCOL_VERSION = 1;

/** Record kinds that travel. Each has a scope that decides who pulls it. */
export const syncEntities = [
  'workshop',
  'person',
  'profile',
  'attendance',
  'consent',
  'head_count',
  'proposal',
  'support',
  'erasure',
  'lab_settings',
  'charter_chapter',
  'charter_article',
  'charter_question',
  'charter_tag',
  'charter_consultation',
  'charter_contribution',
  // The Citizen Card ateliers (src-shared/citizen-card/citizen-card-sync.schema.ts)
  'card_atelier_type',
  'card_occurrence',
  'card_draw',
  'card_promotion',
  'card_holder',
  'card_registration',
  // La Transfo's recruiting (src-shared/transfo/transfo-sync.schema.ts)
  'transfo_campaign',
  'transfo_candidate',
  'transfo_stage_move',
  // La Transfo's practical cases (src-shared/transfo/case-sync.schema.ts)
  'transfo_case',
  // La Transfo's training (src-shared/transfo/training-sync.schema.ts)
  'transfo_module',
  'transfo_session',
  'transfo_attendance',
  // The lab's publication (src-shared/publication/publication-sync.schema.ts)
  'lab_publication',
  'lab_publication_version',
] as const;
export type SyncEntity = (typeof syncEntities)[number];

/**
 * - catalogue: pulled by every device (workshops, reference data);
 * - personal: pushed by field devices, pulled only by lab desktops (participants' identities);
 * - study: anonymous profiles, pulled only by lab desktops;
 * - lab: the lab's own work (its publication), nothing personal, pulled only by lab desktops.
 */
export const entityScopes: Record<SyncEntity, 'catalogue' | 'personal' | 'study' | 'lab'> = {
  workshop: 'catalogue',
  person: 'personal',
  profile: 'study',
  attendance: 'personal',
  consent: 'personal',
  head_count: 'catalogue',
  proposal: 'catalogue',
  support: 'study',
  // Every laptop that may hold the person must wipe it: field laptops hold the people they
  // recorded and pull only the catalogue. An erasure carries ids, never personal data.
  erasure: 'catalogue',
  // Every laptop purges with the lab's retention period.
  lab_settings: 'catalogue',
  // The draft charter and its consultations: reference data every laptop shows.
  charter_chapter: 'catalogue',
  charter_article: 'catalogue',
  charter_question: 'catalogue',
  charter_tag: 'catalogue',
  charter_consultation: 'catalogue',
  // Contributions carry an anonymous profile at most: study data, pulled by lab desktops only.
  charter_contribution: 'study',
  // Citizen Card ateliers: the catalogue, the occurrences' rules, draws (registration ids and
  // ranks) and promotions (ids) go everywhere; holders and registrations are identities, pulled
  // by lab desktops only — which is why the ateliers are run from lab desktops (docs/citizen-card.md).
  card_atelier_type: 'catalogue',
  card_occurrence: 'catalogue',
  card_draw: 'catalogue',
  card_promotion: 'catalogue',
  card_holder: 'personal',
  card_registration: 'personal',
  // La Transfo's recruiting is the lab's own: calls, candidates (identities) and their moves are
  // pulled by lab desktops only, and written by them only (src-portal/scope.ts).
  transfo_campaign: 'personal',
  transfo_candidate: 'personal',
  transfo_stage_move: 'personal',
  // A practical case is the lab's own work: lab desktops only (docs/transfo-cases.md).
  transfo_case: 'personal',
  // La Transfo's training: the cohort's modules, sessions and attendance, lab desktops only (the
  // session's workshop itself is a workshop, in the catalogue).
  transfo_module: 'personal',
  transfo_session: 'personal',
  transfo_attendance: 'personal',
  // The lab's publication: the lab's own work, nothing personal; pulled and written by lab desktops
  // only, read by the City's website through the portal's public read (docs/publication.md).
  lab_publication: 'lab',
  lab_publication_version: 'lab',
};

export const deviceRoles = ['field', 'lab'] as const;
export type DeviceRole = (typeof deviceRoles)[number];

/** Limits that both sides enforce. */
export const SYNC_LIMITS = {
  pushBatch: 500,
  /**
   * Highest seq: the portal answers `lastSeq + 1` and `fromSeq - 1`, which must stay exact
   * JavaScript integers (an outbox would need millions of years to get there).
   */
  maxSeq: Number.MAX_SAFE_INTEGER - 1,
  /** The largest push body a portal must accept; devices keep their batches well below it. */
  pushBodyBytes: 8 * 1024 * 1024,
  pullPage: 500,
  deviceName: 80,
  fieldsJsonBytes: 64_000,
  /** Nesting of a change's `fields` (the object itself is 1): a partner list needs 3. */
  fieldsDepth: 16,
  /** Nesting of any request body: deeper is refused before any code walks it. */
  bodyDepth: 64,
} as const;

/** One-time enrolment code as the operator reads it out: 12 characters in groups of 4. */
export const ENROLMENT_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;

/**
 * One line of text stored as it is (not inside JSON): no control characters. PostgreSQL refuses
 * a NUL in text outright, and a line feed in a device name would forge lines in a listing.
 */
export const ONE_LINE_PATTERN = /^\P{Cc}*$/u;
const oneLine = z.string().regex(ONE_LINE_PATTERN, { error: 'validation.invalid' });

export const enrolRequestSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(ENROLMENT_CODE_PATTERN, { error: 'validation.enrolmentCode' }),
  deviceId: uuidSchema,
  deviceName: oneLine.trim().min(1).max(SYNC_LIMITS.deviceName),
  appVersion: oneLine.max(40),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export const enrolResponseSchema = z.object({
  deviceId: uuidSchema,
  /** Bearer token; the portal keeps only its hash. Shown once. */
  token: z.string().min(32).max(128),
  role: z.enum(deviceRoles),
  epoch: z.string(),
  protocolVersion: z.literal(PROTOCOL_VERSION),
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

/** One outbox entry as it travels. `fields` holds the fields this change set. */
export const changeSchema = z.object({
  /** The device's increasing sequence number. */
  seq: z.number().int().min(1).max(SYNC_LIMITS.maxSeq),
  changeId: uuidSchema,
  entity: z.enum(syncEntities),
  recordId: uuidSchema,
  op: z.enum(['create', 'update', 'delete']),
  /** The portal revision of the record this change was based on; 0 if never seen from the portal. */
  baseRevision: z.number().int().min(0),
  fields: z.record(z.string().max(64), z.unknown()),
  /** ISO UTC of the change on the device: the deterministic tie-break of a same-field conflict. */
  capturedAt: z.iso.datetime(),
  /** Fields whose open conflict this change settles (a person chose a value). */
  resolves: z.array(z.string().max(64)).max(64).optional(),
});
export type Change = z.infer<typeof changeSchema>;

export const pushRequestSchema = z.object({
  changes: z.array(changeSchema).min(1).max(SYNC_LIMITS.pushBatch),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** After a portal restore: accept the device's re-pushed entries from `fromSeq` on. */
export const pushResumeRequestSchema = z.object({
  fromSeq: z.number().int().min(1).max(SYNC_LIMITS.maxSeq),
});
export type PushResumeRequest = z.infer<typeof pushResumeRequestSchema>;

export const pushResumeResponseSchema = z.object({
  lastSeq: z.number().int().min(0),
});
export type PushResumeResponse = z.infer<typeof pushResumeResponseSchema>;

export const changeStatuses = ['applied', 'duplicate', 'rejected', 'conflict'] as const;

export const portalErrorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
  /** `seq_gap`, `resume_refused`: the seq the portal expects next. */
  expectedSeq: z.number().int().min(1).optional(),
  /** `cursor_reset`: the portal's current epoch. */
  epoch: z.string().optional(),
  /** `offset_mismatch`: the bytes of the attachment the portal holds. */
  offset: z.number().int().min(0).optional(),
});
export type PortalErrorBody = z.infer<typeof portalErrorBodySchema>;

export const pushResponseSchema = z.object({
  /** The last seq the portal has applied for this device, in the same transaction as the batch. */
  lastSeq: z.number().int().min(0),
  results: z.array(
    z.object({
      seq: z.number().int(),
      status: z.enum(changeStatuses),
      revision: z.number().int().optional(),
      reason: portalErrorBodySchema.optional(),
    }),
  ),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** `<epoch>.<serial>`: the portal's identity and its change-log position. */
export const cursorSchema = z.string().regex(/^[0-9a-f]{16}\.\d{1,15}$/);

export const pullQuerySchema = z.object({
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(SYNC_LIMITS.pullPage).default(SYNC_LIMITS.pullPage),
});

export const fieldConflictSchema = z.object({
  field: z.string(),
  /** Every concurrent value, with who wrote it and when; `winner` is the one kept. */
  values: z.array(z.object({ value: z.unknown(), deviceId: uuidSchema, capturedAt: z.string() })),
  winner: z.number().int().min(0),
});
export type FieldConflict = z.infer<typeof fieldConflictSchema>;

export const pulledRecordSchema = z.object({
  entity: z.enum(syncEntities),
  recordId: uuidSchema,
  revision: z.number().int().min(1),
  /** The whole record as the portal holds it after merging. */
  fields: z.record(z.string(), z.unknown()),
  conflicts: z.array(fieldConflictSchema),
});
export type PulledRecord = z.infer<typeof pulledRecordSchema>;

export const pullResponseSchema = z.object({
  records: z.array(pulledRecordSchema),
  cursor: cursorSchema,
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
