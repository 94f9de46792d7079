/**
 * How the Citizen Card tables hold their shared records (src-shared/citizen-card/citizen-card-sync.schema.ts)
 * and how they travel. Holders are identities (personal scope): their card number, birth year
 * and arrondissement are declared personal data of their person (`link: 'personId'`), wiped
 * with it by an erasure or the retention purge. Labels never show a whole card number.
 */
import type { z } from 'zod';
import type {
  cardAtelierTypeRecordSchema,
  cardDrawRecordSchema,
  cardHolderRecordSchema,
  cardOccurrenceRecordSchema,
  cardPromotionRecordSchema,
  cardRegistrationRecordSchema,
} from '#shared/citizen-card/citizen-card-sync.schema.js';
import { maskedCardNumber } from '#shared/citizen-card/card-number.js';
import type {
  AccessibilityFeature,
  AtelierAudience,
  AtelierFormat,
  AtelierLanguage,
  AtelierTheme,
  HolderSource,
  PriorityGroup,
  RegistrationChannel,
  RegistrationStatus,
} from '#shared/citizen-card/citizen-card.schema.js';
import { bool, column, defineCodec, int, json, nullable, text, type Stored } from '../store/codec.js';

type Full<S extends z.ZodType> = Stored<z.output<S>, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type AtelierTypeRecord = Full<typeof cardAtelierTypeRecordSchema>;
export type OccurrenceRecord = Full<typeof cardOccurrenceRecordSchema>;
export type DrawRecord = Full<typeof cardDrawRecordSchema>;
export type PromotionRecord = Full<typeof cardPromotionRecordSchema>;
export type HolderRecord = Full<typeof cardHolderRecordSchema>;
export type RegistrationRecord = Full<typeof cardRegistrationRecordSchema>;
type Reserved = OccurrenceRecord['reserved'];

const deletedAt = column('deleted_at', nullable(text()));
const allLocal = ['id', 'version', 'createdAt', 'updatedAt'] as const;
const short = (id: string) => id.slice(0, 8);

export const cardAtelierTypeCodec = defineCodec<AtelierTypeRecord, 'card_atelier_types'>()({
  entity: 'card_atelier_type',
  table: 'card_atelier_types',
  changedEvent: 'citizen-card:changed',
  fields: {
    title: column('title', text()),
    description: column('description', text()),
    theme: column('theme', text<AtelierTheme>()),
    audience: column('audience', text<AtelierAudience>()),
    format: column('format', text<AtelierFormat>()),
    durationMinutes: column('duration_minutes', int),
    accessibility: column('accessibility', json<AccessibilityFeature[]>()),
    languages: column('languages', json<AtelierLanguage[]>()),
    deletedAt,
  },
  local: allLocal,
  label: (t) => ({ key: 'syncCenter.records.card_atelier_type', values: { title: t.title } }),
});

export const cardOccurrenceCodec = defineCodec<OccurrenceRecord, 'card_occurrences'>()({
  entity: 'card_occurrence',
  table: 'card_occurrences',
  changedEvent: 'citizen-card:changed',
  eventId: (o) => o.workshopId,
  fields: {
    workshopId: column('workshop_id', text()),
    atelierTypeId: column('atelier_type_id', text()),
    places: column('places', int),
    reserved: column('reserved', json<Reserved>()),
    walkInsAllowed: column('walk_ins_allowed', bool),
    deletedAt,
  },
  local: allLocal,
  label: (o) => ({ key: 'syncCenter.records.card_occurrence', values: { id: short(o.workshopId), places: o.places } }),
});

export const cardDrawCodec = defineCodec<DrawRecord, 'card_draws'>()({
  entity: 'card_draw',
  table: 'card_draws',
  changedEvent: 'citizen-card:changed',
  eventId: (d) => d.workshopId,
  fields: {
    workshopId: column('workshop_id', text()),
    status: column('status', text<'announced' | 'drawn'>()),
    algorithm: column('algorithm', text()),
    drawDate: column('draw_date', text()),
    seed: column('seed', text()),
    places: column('places', int),
    reserved: column('reserved', json<Reserved>()),
    entries: column('entries', json<DrawRecord['entries']>()),
    drawn: column('drawn', json<DrawRecord['drawn']>()),
    waiting: column('waiting', json<DrawRecord['waiting']>()),
    announcedAt: column('announced_at', text()),
    announcedBy: column('announced_by', text()),
    drawnAt: column('drawn_at', nullable(text())),
    drawnBy: column('drawn_by', nullable(text())),
    deletedAt,
  },
  local: allLocal,
  label: (d) => ({ key: 'syncCenter.records.card_draw', values: { id: short(d.workshopId), date: d.drawDate } }),
});

export const cardPromotionCodec = defineCodec<PromotionRecord, 'card_promotions'>()({
  entity: 'card_promotion',
  table: 'card_promotions',
  changedEvent: 'citizen-card:changed',
  eventId: (p) => p.workshopId,
  fields: {
    workshopId: column('workshop_id', text()),
    freedRegistrationId: column('freed_registration_id', text()),
    promotedRegistrationId: column('promoted_registration_id', text()),
    promotedAt: column('promoted_at', text()),
    promotedBy: column('promoted_by', text()),
    deletedAt,
  },
  local: allLocal,
  label: (p) => ({ key: 'syncCenter.records.card_promotion', values: { id: short(p.promotedRegistrationId) } }),
});

export const cardHolderCodec = defineCodec<HolderRecord, 'card_holders'>()({
  entity: 'card_holder',
  table: 'card_holders',
  changedEvent: 'citizen-card:changed',
  fields: {
    personId: column('person_id', text()),
    cardNumber: column('card_number', nullable(text())),
    birthYear: column('birth_year', nullable(int)),
    arrondissement: column('arrondissement', nullable(int)),
    contactConsent: column('contact_consent', bool),
    contactConsentAt: column('contact_consent_at', nullable(text())),
    source: column('source', text<HolderSource>()),
    mergedInto: column('merged_into', nullable(text())),
    listedAt: column('listed_at', nullable(text())),
    deletedAt,
  },
  local: allLocal,
  label: (h) => ({ key: 'syncCenter.records.card_holder', values: { card: h.cardNumber ? maskedCardNumber(h.cardNumber) : short(h.id) } }),
  // The card's data is the person's: wiped with it (erasure, retention), found by the access report.
  personal: { subject: 'person', fields: ['cardNumber', 'birthYear', 'arrondissement'], link: 'personId' },
});

export const cardRegistrationCodec = defineCodec<RegistrationRecord, 'card_registrations'>()({
  entity: 'card_registration',
  table: 'card_registrations',
  changedEvent: 'citizen-card:changed',
  eventId: (r) => r.workshopId,
  fields: {
    workshopId: column('workshop_id', text()),
    holderId: column('holder_id', text()),
    channel: column('channel', text<RegistrationChannel>()),
    status: column('status', text<RegistrationStatus>()),
    groups: column('groups', json<PriorityGroup[]>()),
    rank: column('rank', nullable(int)),
    registeredAt: column('registered_at', text()),
    statusChangedAt: column('status_changed_at', text()),
    recordedBy: column('recorded_by', text()),
    deletedAt,
  },
  local: allLocal,
  label: (r) => ({ key: 'syncCenter.records.card_registration', values: { id: short(r.id) } }),
});
