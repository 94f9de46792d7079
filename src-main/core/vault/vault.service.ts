/**
 * The vault's state, in the core (so the lock holds whatever the window does: a reloaded tab,
 * a second tab, a script calling commands):
 *
 *   setup ──setup──▶ unlocked ◀──passphrase, PIN── locked
 *   sealed ──passphrase / recovery key──▶ unlocked ──lock, idle, sleep──▶ locked
 *
 * `setup` and `sealed` have no data open; `locked` keeps it open (the sync goes on) but the
 * dispatcher refuses every personal command (src-shared/personal-commands.ts).
 *
 * Invariants: the database key is only in memory, from the first unlock to the end of the
 * process; vault operations run one at a time (a double click never sets up twice); every wrong
 * secret is logged without the secret; a desk kept open on purpose is logged with who did it.
 */
import { fail, ok, type Result } from '#shared/result.js';
import { VAULT_LIMITS, type VaultState, type VaultStatus } from '#shared/vault/vault.schema.js';
import type { DataDirLayout } from '../data-dir.js';
import type { Emit } from '../deps.js';
import type { Logger } from '../logger.js';
import type { ActorSession } from '../session/actor.js';
import { attachmentKeyFrom } from '../store/file-cipher.js';
import { convertPlainDataFolder, hasPlainData } from './convert-plain.js';
import { newDatabaseKey, newRecoveryKey, WrongSecretError, type KdfCost } from './key-wrap.js';
import { createPinGuard } from './pin-guard.js';
import type { Keystore, VaultDocument, VaultStore } from './vault-file.js';
import { kdfOf, keyFromPassphrase, keyFromRecovery, KeystoreUnavailableError, passphraseSlot, recoverySlot, weakerThan } from './vault-slots.js';

/** What the vault needs of the open data (device settings, a workshop's end). */
export interface VaultDataAccess {
  idleMinutes(): Promise<number>;
  setIdleMinutes(minutes: number): Promise<void>;
  /** When a workshop ends (UTC), or null when there is no such live workshop. */
  workshopEnd(id: string): Promise<Date | null>;
}

export interface VaultDeps {
  layout: DataDirLayout | null;
  store: VaultStore;
  keystore: Keystore;
  /** The Argon2id cost of new wraps: APP_KDF, or a lower one given explicitly by a test. */
  kdf: KdfCost;
  logger: Logger;
  /** Wall-clock time: when a workshop ends (the desk kept open), what the log says. */
  now: () => Date;
  /**
   * Elapsed time in milliseconds, for the idle lock and the PIN's waits: monotonic, so a clock
   * set back or forward (by a person, by the network) neither locks nor unlocks the app.
   */
  elapsed: () => number;
  emit: Emit;
  actor: ActorSession;
  /** Opens the data with the key (database, sync, handlers); throws when it cannot. */
  openData(key: Buffer): Promise<void>;
  data(): VaultDataAccess | null;
}

type LockReason = NonNullable<VaultStatus['lockReason']>;
const IDLE_CHECK_MS = 5_000;

export function createVault(deps: VaultDeps) {
  const { store, keystore, logger, now, elapsed } = deps;
  let doc: VaultDocument | null = store.read();
  let state: VaultState = doc ? 'sealed' : 'setup';
  let key: Buffer | null = null;
  let lockReason: LockReason | null = doc ? 'start' : null;
  let keptOpenUntil: Date | null = null;
  let lastActivity = elapsed();
  let idleMinutes: number = VAULT_LIMITS.idleMinutesDefault;
  let wrongPassphrases = 0;
  const pin = createPinGuard(elapsed);
  let osKeystore: VaultStatus['osKeystore'] = 'none';
  // Asked once (Electron answers only once the app is ready); the status waits for it.
  const keystoreKnown = keystore.availability().then(
    (a) => void (osKeystore = a),
    () => void (osKeystore = 'unavailable'),
  );

  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  const setState = (next: VaultState, reason: LockReason | null = null) => {
    const changed = next !== state;
    state = next;
    lockReason = next === 'unlocked' ? null : reason;
    if (next === 'unlocked') lastActivity = elapsed();
    if (changed) deps.emit('vault:changed', { state: next });
  };

  function status(): VaultStatus {
    return {
      state,
      plainData: state === 'setup' && deps.layout !== null && hasPlainData(deps.layout),
      protection: doc?.slot.protection ?? null,
      osKeystore,
      pinAllowed: state !== 'sealed' && state !== 'setup' && pin.allowed(),
      pinWaitSeconds: Math.ceil(pin.waitMs() / 1000),
      keptOpenUntil: keptOpenUntil?.toISOString() ?? null,
      idleMinutes,
      lockReason,
      actor: deps.actor.current(),
    };
  }

  /** Encrypts what an earlier version left plain, then opens the data. */
  async function openWith(unwrapped: Buffer): Promise<void> {
    if (doc!.plainLeft && deps.layout) {
      const report = convertPlainDataFolder(deps.layout, unwrapped, attachmentKeyFrom(unwrapped), now());
      logger.info(report, 'plain data folder encrypted');
      doc = { ...doc!, plainLeft: false, changedAt: now().toISOString() };
      store.write(doc);
    }
    await deps.openData(unwrapped);
    key = unwrapped;
    idleMinutes = (await deps.data()?.idleMinutes()) ?? VAULT_LIMITS.idleMinutesDefault;
  }

  /** Why the data did not open, beside the passphrase field. */
  function openFailure(error: unknown, field: string): Result<never> {
    if (error instanceof WrongSecretError) return fail('validation', error.message, { [field]: field === 'recoveryKey' ? 'validation.recoveryKeyWrong' : 'validation.passphraseWrong' });
    if (error instanceof KeystoreUnavailableError) return fail('unavailable', error.message, { [field]: 'validation.keystoreUnavailable' });
    const code = (error as { code?: string }).code;
    logger.error({ err: error }, 'data could not be opened');
    return fail('unavailable', (error as Error).message ?? String(error), { [field]: code === 'schema_too_new' ? 'validation.dataTooNew' : 'validation.dataUnreadable' });
  }

  async function setup(passphrase: string, actor: string): Promise<Result<{ recoveryKey: string; status: VaultStatus }>> {
    if (state !== 'setup') return fail('invalid_transition', 'The passphrase of this laptop is already chosen');
    const fresh = newDatabaseKey();
    const recoveryKey = newRecoveryKey();
    const at = now().toISOString();
    doc = {
      format: 'atelier-vault',
      version: 1,
      createdAt: at,
      changedAt: at,
      kdf: kdfOf(deps.kdf),
      slot: await passphraseSlot(fresh, passphrase, deps.kdf, keystore),
      recovery: recoverySlot(fresh, recoveryKey),
      plainLeft: deps.layout !== null && hasPlainData(deps.layout),
    };
    // Written before any file is converted: from now on the data opens with this key.
    store.write(doc);
    logger.info({ protection: doc.slot.protection, plainData: doc.plainLeft }, 'vault set up');
    try {
      await openWith(fresh);
    } catch (error) {
      state = 'sealed';
      return openFailure(error, 'passphrase');
    }
    deps.actor.set(actor);
    setState('unlocked');
    return ok({ recoveryKey, status: status() });
  }

  async function unlockWithPassphrase(passphrase: string, actor: string): Promise<Result<VaultStatus>> {
    if (state === 'setup') return fail('invalid_transition', 'Choose a passphrase first');
    let unwrapped: Buffer;
    try {
      unwrapped = await keyFromPassphrase(doc!, passphrase, keystore);
    } catch (error) {
      if (error instanceof WrongSecretError) logger.warn({ attempt: ++wrongPassphrases, state }, 'wrong passphrase');
      return openFailure(error, 'passphrase');
    }
    if (state === 'sealed') {
      try {
        await openWith(unwrapped);
      } catch (error) {
        return openFailure(error, 'passphrase');
      }
      if (weakerThan(doc!.kdf, deps.kdf)) await rewrapPassphrase(unwrapped, passphrase);
    }
    wrongPassphrases = 0;
    pin.resetAttempts();
    deps.actor.set(actor);
    setState('unlocked');
    logger.info('unlocked with the passphrase');
    return ok(status());
  }

  function unlockWithPin(given: string, actor: string): Result<VaultStatus> {
    if (state !== 'locked') return fail('validation', 'The PIN unlocks only after a lock, until the app restarts', { pin: 'validation.pinNone' });
    const check = pin.check(given);
    if (!check.ok) {
      if (check.reason === 'no_pin') return fail('validation', 'No PIN now: type the passphrase', { pin: 'validation.pinNone' });
      if (check.reason === 'wait') return fail('validation', 'Too many wrong PINs: wait', { pin: `validation.pinWait:${Math.ceil(check.waitMs / 1000)}` });
      logger.warn({ attempt: check.attempts, waitSeconds: check.waitMs / 1000, disabled: check.disabled }, 'wrong PIN');
      deps.emit('vault:changed', { state });
      if (check.disabled) return fail('validation', 'Too many wrong PINs: type the passphrase', { pin: 'validation.pinDisabled' });
      return fail('validation', 'Wrong PIN', { pin: check.waitMs > 0 ? `validation.pinWait:${Math.ceil(check.waitMs / 1000)}` : 'validation.pinWrong' });
    }
    deps.actor.set(actor);
    setState('unlocked');
    logger.info('unlocked with the PIN');
    return ok(status());
  }

  async function rewrapPassphrase(unwrapped: Buffer, passphrase: string): Promise<void> {
    doc = { ...doc!, kdf: kdfOf(deps.kdf), slot: await passphraseSlot(unwrapped, passphrase, deps.kdf, keystore), changedAt: now().toISOString() };
    store.write(doc);
  }

  function lock(reason: LockReason): VaultStatus {
    if (state === 'unlocked') {
      keptOpenUntil = null;
      setState('locked', reason);
      logger.info({ reason }, 'locked');
    }
    return status();
  }

  /** Locks when the idle time has passed, unless the desk is kept open on purpose. */
  function checkIdle(): void {
    if (state !== 'unlocked') return;
    if (keptOpenUntil) {
      if (now().getTime() < keptOpenUntil.getTime()) return;
      // The workshop is over: the idle time counts from now, not from the last key press.
      lastActivity = elapsed();
      logger.info('welcome desk no longer kept open: the workshop is over');
      keptOpenUntil = null;
      deps.emit('vault:changed', { state });
    }
    if (elapsed() - lastActivity >= idleMinutes * 60_000) lock('idle');
  }
  const timer = setInterval(checkIdle, IDLE_CHECK_MS);
  timer.unref?.();

  const needsUnlocked = (): Result<never> | null => (state === 'unlocked' ? null : fail('locked', 'Unlock the app first'));

  return {
    status,
    /** The status, once the OS keychain said whether it protects. */
    statusWhenKnown: async () => (await keystoreKnown, status()),
    state: () => state,
    /** The key, once unlocked since the start (the backups and restore need it). */
    key: () => key,
    checkIdle,
    lock,
    setup: (passphrase: string, actor: string) => serial(() => setup(passphrase, actor)),
    unlock: (input: { method: 'passphrase'; passphrase: string; actor: string } | { method: 'pin'; pin: string; actor: string }) =>
      serial(async () => (input.method === 'passphrase' ? unlockWithPassphrase(input.passphrase, input.actor) : unlockWithPin(input.pin, input.actor))),
    activity(): void {
      if (state === 'unlocked') lastActivity = Math.max(lastActivity, elapsed());
    },
    setPin(given: string): Result<VaultStatus> {
      const refused = needsUnlocked();
      if (refused) return refused;
      pin.set(given);
      logger.info('PIN set until the app restarts');
      return ok(status());
    },
    async keepOpen(workshopId: string | null): Promise<Result<VaultStatus>> {
      const refused = needsUnlocked();
      if (refused) return refused;
      if (workshopId === null) {
        keptOpenUntil = null;
        lastActivity = elapsed();
        logger.info({ actor: deps.actor.current() }, 'welcome desk no longer kept open');
      } else {
        const end = await deps.data()?.workshopEnd(workshopId);
        const t = now().getTime();
        if (!end || end.getTime() <= t || end.getTime() - t > VAULT_LIMITS.keepOpenMaxHours * 3_600_000) {
          return fail('validation', 'The desk can be kept open only until a workshop of today ends', { workshopId: `validation.keepOpenTime:${VAULT_LIMITS.keepOpenMaxHours}` });
        }
        keptOpenUntil = end;
        logger.info({ actor: deps.actor.current(), until: end.toISOString() }, 'welcome desk kept open on purpose');
      }
      deps.emit('vault:changed', { state });
      return ok(status());
    },
    async settings(minutes: number): Promise<Result<VaultStatus>> {
      const refused = needsUnlocked();
      if (refused) return refused;
      await deps.data()?.setIdleMinutes(minutes);
      idleMinutes = minutes;
      lastActivity = elapsed();
      logger.info({ idleMinutes: minutes }, 'idle time changed');
      return ok(status());
    },
    changePassphrase: (current: string, next: string) =>
      serial(async (): Promise<Result<VaultStatus>> => {
        const refused = needsUnlocked();
        if (refused) return refused;
        try {
          await keyFromPassphrase(doc!, current, keystore);
        } catch (error) {
          if (error instanceof WrongSecretError) logger.warn('wrong passphrase (change)');
          return openFailure(error, 'current');
        }
        // The same key, wrapped again: no record is re-encrypted.
        await rewrapPassphrase(key!, next);
        logger.info('passphrase changed');
        return ok(status());
      }),
    recover: (recoveryKey: string, passphrase: string, actor: string) =>
      serial(async (): Promise<Result<{ recoveryKey: string; status: VaultStatus }>> => {
        if (state === 'setup') return fail('invalid_transition', 'Nothing to recover: choose a passphrase');
        let unwrapped: Buffer;
        try {
          unwrapped = keyFromRecovery(doc!, recoveryKey);
        } catch (error) {
          logger.warn('wrong recovery key');
          return openFailure(error, 'recoveryKey');
        }
        const nextRecovery = newRecoveryKey();
        doc = {
          ...doc!,
          kdf: kdfOf(deps.kdf),
          slot: await passphraseSlot(unwrapped, passphrase, deps.kdf, keystore),
          recovery: recoverySlot(unwrapped, nextRecovery),
          changedAt: now().toISOString(),
        };
        store.write(doc);
        logger.warn('passphrase reset with the recovery key; a new recovery key was shown');
        if (state === 'sealed') {
          try {
            await openWith(unwrapped);
          } catch (error) {
            return openFailure(error, 'recoveryKey');
          }
        }
        pin.clear();
        deps.actor.set(actor);
        setState('unlocked');
        return ok({ recoveryKey: nextRecovery, status: status() });
      }),
    /** The passphrase typed again to confirm an action (a restore): null when right, else the answer. */
    async verifyPassphrase(passphrase: string): Promise<Result<never> | null> {
      const refused = needsUnlocked();
      if (refused) return refused;
      try {
        await keyFromPassphrase(doc!, passphrase, keystore);
        return null;
      } catch (error) {
        if (error instanceof WrongSecretError) logger.warn('wrong passphrase (confirmation)');
        return openFailure(error, 'passphrase');
      }
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}

export type Vault = ReturnType<typeof createVault>;
