/**
 * What is asked of a participant, in two parts that are never stored together:
 * - the identity (name, contact, Paris Citizen Card number), all optional, personal data;
 * - the anonymous study profile, asked only after the person agreed to the study.
 * Validation messages are i18n keys (`validation.*`).
 */
import { z } from 'zod';
import { optionalText } from '../workshops/workshop.schema.js';

export const PARTICIPANT_LIMITS = {
  name: 120,
  email: 254,
  phone: 20,
  citizenCard: 20,
  gender: 60,
  commune: 120,
  associationName: 200,
} as const;

/** An optional text: trimmed, and '' becomes null so that "not given" is stored as NULL. */
const blankToNull = (schema: z.ZodType<string, string>) =>
  schema
    .nullable()
    .optional()
    .transform((v): string | null => (v ? v : null));

export const personIdentityInputSchema = z.object({
  name: blankToNull(optionalText(PARTICIPANT_LIMITS.name)),
  email: blankToNull(
    z
      .string({ error: 'validation.invalid' })
      .trim()
      .max(PARTICIPANT_LIMITS.email, { error: `validation.tooLong:${PARTICIPANT_LIMITS.email}` })
      .refine((v) => v === '' || z.email().safeParse(v).success, { error: 'validation.email' }),
  ),
  phone: blankToNull(
    z
      .string({ error: 'validation.invalid' })
      .trim()
      .max(PARTICIPANT_LIMITS.phone, { error: `validation.tooLong:${PARTICIPANT_LIMITS.phone}` })
      .refine((v) => v === '' || /^\+?[0-9 .-]{6,19}$/.test(v), { error: 'validation.phone' }),
  ),
  /** The Paris Citizen Card number, as printed on the card (letters and digits). */
  citizenCardNumber: blankToNull(
    z
      .string({ error: 'validation.invalid' })
      .trim()
      .max(PARTICIPANT_LIMITS.citizenCard, { error: `validation.tooLong:${PARTICIPANT_LIMITS.citizenCard}` })
      .refine((v) => v === '' || /^[A-Za-z0-9 -]{4,20}$/.test(v), { error: 'validation.citizenCard' }),
  ),
});
export type PersonIdentityInput = z.input<typeof personIdentityInputSchema>;
export type PersonIdentity = z.output<typeof personIdentityInputSchema>;

export function hasIdentity(p: PersonIdentity | null | undefined): p is PersonIdentity {
  return !!p && (p.name !== null || p.email !== null || p.phone !== null || p.citizenCardNumber !== null);
}

/** Age brackets of the study (a child may come with a parent: the first bracket is under 16). */
export const ageBrackets = ['0_15', '16_25', '26_40', '41_60', '61_75', '76_plus', 'not_said'] as const;
export const residences = ['paris', 'outside_paris', 'unknown'] as const;
export const yesNoUnknown = ['yes', 'no', 'unknown'] as const;
export const occupationCategories = [
  'student',
  'employed',
  'self_employed',
  'job_seeker',
  'retired',
  'at_home',
  'other',
  'not_said',
] as const;
export type AgeBracket = (typeof ageBrackets)[number];
export type Residence = (typeof residences)[number];
export type YesNoUnknown = (typeof yesNoUnknown)[number];
export type OccupationCategory = (typeof occupationCategories)[number];

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'validation.required' });

/**
 * The anonymous profile: no name, no contact, no person id. Where one lives is the
 * arrondissement (Paris) or the commune (elsewhere), nothing finer.
 */
export const profileInputSchema = z
  .object({
    ageBracket: choice(ageBrackets),
    residence: choice(residences),
    residenceArrondissement: z
      .number({ error: 'validation.arrondissement' })
      .int({ error: 'validation.arrondissement' })
      .min(1, { error: 'validation.arrondissement' })
      .max(20, { error: 'validation.arrondissement' })
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    residenceCommune: blankToNull(optionalText(PARTICIPANT_LIMITS.commune)),
    livesInQpv: choice(yesNoUnknown),
    /** Self-described, in the person's own words; optional. */
    gender: blankToNull(optionalText(PARTICIPANT_LIMITS.gender)),
    occupationCategory: choice(occupationCategories),
    firstParticipation: choice(yesNoUnknown),
    neighbourhoodCouncilMember: choice(yesNoUnknown),
    associationMember: choice(yesNoUnknown),
    associationName: blankToNull(optionalText(PARTICIPANT_LIMITS.associationName)),
  })
  // Where one lives is kept only as fine as the answer given: no arrondissement outside Paris.
  .transform((p) => ({
    ...p,
    residenceArrondissement: p.residence === 'paris' ? p.residenceArrondissement : null,
    residenceCommune: p.residence === 'outside_paris' ? p.residenceCommune : null,
    associationName: p.associationMember === 'yes' ? p.associationName : null,
  }));
export type ProfileInput = z.input<typeof profileInputSchema>;
export type Profile = z.output<typeof profileInputSchema>;
