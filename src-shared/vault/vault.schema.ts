/**
 * The vault: the passphrase that protects the laptop's data, the PIN that unlocks it again for
 * a while, the lock and the welcome desk kept open on purpose. The rules here are the ones the
 * first-start screen shows beside the field; the core applies them again.
 *
 * Validation messages are i18n keys (`validation.*`, optionally `:param`).
 */
import { z } from 'zod';
import { uuidSchema } from '../ids.js';

export const VAULT_LIMITS = {
  /** NIST SP 800-63B: length is what makes a secret hard to guess; no composition rules. */
  passphraseMin: 12,
  passphraseMax: 200,
  pinMin: 4,
  pinMax: 8,
  actor: 120,
  idleMinutesMin: 1,
  idleMinutesMax: 240,
  idleMinutesDefault: 10,
  /** A desk kept open longer than this is a desk forgotten open. */
  keepOpenMaxHours: 12,
  /** Wrong PINs before the PIN is refused until the passphrase is typed again. */
  pinAttempts: 5,
} as const;

/** What people choose when asked for a long secret, and what the app is called: refused. */
const WEAK = ['atelier', 'motdepasse', 'password', 'azerty', 'qwerty', 'paris', 'ville de paris', 'bonjour', 'soleil', 'participation'];

/** Lower case, no accents, no spaces or punctuation: how weak passphrases are compared. */
function skeleton(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * True when the passphrase is one that a guess would find first: one character repeated, a run
 * of the keyboard or of digits, or one of the words above with digits around it.
 */
export function isWeakPassphrase(passphrase: string): boolean {
  const s = skeleton(passphrase);
  if (new Set(s).size <= 2) return true;
  if ('0123456789012345678901234567890'.includes(s) || '9876543210987654321098765432109'.includes(s)) return true;
  if ('azertyuiopqsdfghjklmwxcvbn'.includes(s) || 'qwertyuiopasdfghjklzxcvbnm'.includes(s) || 'abcdefghijklmnopqrstuvwxyz'.includes(s)) return true;
  const letters = s.replace(/\d+/g, '');
  return WEAK.some((w) => letters === skeleton(w) || letters === skeleton(w).repeat(2));
}

export const passphraseSchema = z
  .string({ error: 'validation.required' })
  .max(VAULT_LIMITS.passphraseMax, { error: `validation.tooLong:${VAULT_LIMITS.passphraseMax}` })
  .refine((v) => v.length > 0, { error: 'validation.required' })
  .refine((v) => v.length === 0 || [...v.normalize('NFC')].length >= VAULT_LIMITS.passphraseMin, {
    error: `validation.passphraseShort:${VAULT_LIMITS.passphraseMin}`,
    abort: true,
  })
  .refine((v) => !isWeakPassphrase(v), { error: 'validation.passphraseWeak' });

/** A passphrase as typed to unlock: only bounded (the rules apply when one is chosen). */
export const typedPassphraseSchema = z
  .string({ error: 'validation.required' })
  .min(1, { error: 'validation.required' })
  .max(VAULT_LIMITS.passphraseMax, { error: `validation.tooLong:${VAULT_LIMITS.passphraseMax}` });

export const pinSchema = z
  .string({ error: 'validation.required' })
  .regex(new RegExp(`^\\d{${VAULT_LIMITS.pinMin},${VAULT_LIMITS.pinMax}}$`), { error: `validation.pin:${VAULT_LIMITS.pinMin}` });

/** Who unlocks: a facilitator's name (never an e-mail), kept for the session as the actor. */
export const actorSchema = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(VAULT_LIMITS.actor, { error: `validation.tooLong:${VAULT_LIMITS.actor}` })
  .refine((v) => !v.includes('@'), { error: 'validation.actorNotEmail' });

/** Groups of 4 of the Crockford base-32 alphabet (no I, L, O, U): 32 characters, 160 bits. */
export const RECOVERY_KEY_CHARS = 32;
export const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A recovery key as typed: case, spaces and dashes do not matter; O and I read as 0 and 1. */
export const recoveryKeySchema = z
  .string({ error: 'validation.required' })
  .max(100, { error: 'validation.recoveryKey' })
  .transform((v) => v.toUpperCase().replace(/[\s-]+/g, '').replace(/O/g, '0').replace(/[IL]/g, '1'))
  .refine((v) => v.length === RECOVERY_KEY_CHARS && [...v].every((c) => RECOVERY_ALPHABET.includes(c)), { error: 'validation.recoveryKey' });

/** A new passphrase, typed twice. */
const newPassphrase = {
  passphrase: passphraseSchema,
  confirmation: z.string({ error: 'validation.required' }).max(VAULT_LIMITS.passphraseMax),
};
const confirmed = <T extends { passphrase: string; confirmation: string }>(schema: z.ZodType<T>) =>
  schema.refine((v) => v.passphrase === v.confirmation, { error: 'validation.passphraseMismatch', path: ['confirmation'] });

export const vaultSetupInputSchema = confirmed(z.object({ ...newPassphrase, actor: actorSchema }));
export const vaultChangeInputSchema = confirmed(z.object({ current: typedPassphraseSchema, ...newPassphrase }));
export const vaultRecoverInputSchema = confirmed(z.object({ recoveryKey: recoveryKeySchema, ...newPassphrase, actor: actorSchema }));

export const vaultUnlockInputSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('passphrase'), passphrase: typedPassphraseSchema, actor: actorSchema }),
  z.object({ method: z.literal('pin'), pin: z.string().max(VAULT_LIMITS.pinMax, { error: 'validation.invalid' }), actor: actorSchema }),
]);
export type VaultUnlockInput = z.input<typeof vaultUnlockInputSchema>;

export const vaultPinInputSchema = z.object({ pin: pinSchema });
/** Keep the welcome desk unlocked until this workshop ends; null stops keeping it open. */
export const vaultKeepOpenInputSchema = z.object({ workshopId: uuidSchema.nullable() });
export const vaultSettingsInputSchema = z.object({
  idleMinutes: z
    .number({ error: 'validation.invalid' })
    .int({ error: 'validation.invalid' })
    .min(VAULT_LIMITS.idleMinutesMin, { error: `validation.idleMinutes:${VAULT_LIMITS.idleMinutesMax}` })
    .max(VAULT_LIMITS.idleMinutesMax, { error: `validation.idleMinutes:${VAULT_LIMITS.idleMinutesMax}` }),
});

/**
 * - setup: first start, no passphrase chosen yet (a plain database of an earlier version may wait);
 * - sealed: started, the passphrase not typed yet: nothing is open (a PIN is not enough);
 * - locked: open, but every command that carries personal data is refused;
 * - unlocked.
 */
export const vaultStates = ['setup', 'sealed', 'locked', 'unlocked'] as const;
export type VaultState = (typeof vaultStates)[number];

/** What protects the key: the passphrase alone (web host, or no OS keychain), or also the OS keychain. */
export const vaultProtections = ['passphrase', 'passphrase_and_os'] as const;
export const lockReasons = ['start', 'idle', 'manual', 'system'] as const;

export const vaultStatusSchema = z.object({
  state: z.enum(vaultStates),
  /** A plain database of an earlier version is there: it is encrypted at setup. */
  plainData: z.boolean(),
  protection: z.enum(vaultProtections).nullable(),
  /** Electron only: whether the OS keychain can protect the key (never Linux's basic_text). */
  osKeystore: z.enum(['available', 'unavailable', 'none']),
  /** A PIN was chosen since the app started and still unlocks (not too many wrong ones). */
  pinAllowed: z.boolean(),
  /** Seconds before another PIN may be tried (0: now). */
  pinWaitSeconds: z.number().int(),
  /** ISO UTC until which the welcome desk stays unlocked on purpose, or null. */
  keptOpenUntil: z.string().nullable(),
  idleMinutes: z.number().int(),
  lockReason: z.enum(lockReasons).nullable(),
  /** Who unlocked last (a facilitator's name), for this session only. */
  actor: z.string().nullable(),
});
export type VaultStatus = z.infer<typeof vaultStatusSchema>;

export const vaultSecretResultSchema = z.object({
  /** Shown once, to be printed and kept by the lab's IT: it is not stored anywhere in clear. */
  recoveryKey: z.string(),
  status: vaultStatusSchema,
});

/** Splits a recovery key in groups of four for reading and printing. */
export function formatRecoveryKey(key: string): string {
  return key.replace(/(.{4})(?=.)/g, '$1-');
}
