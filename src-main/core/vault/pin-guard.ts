/**
 * The short PIN that unlocks the app again after a lock, until it restarts.
 *
 * Invariants:
 * - kept in memory only, as an HMAC under a random key made at each start: gone at restart,
 *   never on disk, never compared in variable time;
 * - wrong PINs are rate-limited: the first two cost nothing, then a wait that doubles from 30 s
 *   (3rd: 30 s, 4th: 60 s); the fifth wrong PIN disables the PIN until the passphrase is typed
 *   again. Each wrong PIN is logged (without the PIN) by the caller.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { VAULT_LIMITS } from '#shared/vault/vault.schema.js';

export const PIN_FREE_ATTEMPTS = 2;
export const PIN_FIRST_WAIT_MS = 30_000;

export type PinCheck =
  | { ok: true }
  | { ok: false; reason: 'no_pin' }
  | { ok: false; reason: 'wait'; waitMs: number }
  | { ok: false; reason: 'wrong'; attempts: number; waitMs: number; disabled: boolean };

/** `elapsed`: a monotonic clock in milliseconds. */
export function createPinGuard(elapsed: () => number) {
  const hmacKey = randomBytes(32);
  const digest = (pin: string) => createHmac('sha256', hmacKey).update(pin, 'utf8').digest();
  let stored: Buffer | null = null;
  let wrong = 0;
  let notBefore = 0;

  const waitMs = () => Math.max(0, notBefore - elapsed());
  return {
    set(pin: string) {
      stored = digest(pin);
      wrong = 0;
      notBefore = 0;
    },
    /** Forgets the PIN (too many wrong ones; the passphrase resets the count but not the PIN). */
    clear() {
      stored = null;
    },
    /** After the passphrase was typed: the count starts again. */
    resetAttempts() {
      wrong = 0;
      notBefore = 0;
    },
    allowed: () => stored !== null,
    waitMs,
    check(pin: string): PinCheck {
      if (!stored) return { ok: false, reason: 'no_pin' };
      const wait = waitMs();
      if (wait > 0) return { ok: false, reason: 'wait', waitMs: wait };
      if (timingSafeEqual(digest(pin), stored)) {
        wrong = 0;
        return { ok: true };
      }
      wrong++;
      const disabled = wrong >= VAULT_LIMITS.pinAttempts;
      if (disabled) stored = null;
      const penalty = wrong > PIN_FREE_ATTEMPTS ? PIN_FIRST_WAIT_MS * 2 ** (wrong - PIN_FREE_ATTEMPTS - 1) : 0;
      notBefore = elapsed() + penalty;
      return { ok: false, reason: 'wrong', attempts: wrong, waitMs: disabled ? 0 : penalty, disabled };
    },
  };
}

export type PinGuard = ReturnType<typeof createPinGuard>;
