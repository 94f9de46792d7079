/**
 * Starts the application core on a data directory. It knows nothing of the host (Electron or
 * web) it runs under.
 *
 * The core starts sealed: nothing is open until the vault is set up (first start) or unlocked
 * with the passphrase. Then the session opens: the database with its key (backed up, migrated),
 * the sync, the handlers, the daily backups. The gate below is the lock: before the data is open
 * only app:* and vault:* answer, and while the app is locked every personal command is refused
 * with `locked` (src-shared/personal-commands.ts), whatever the window shows.
 */
import { LATEST_SCHEMA_VERSION } from '#db/migrations/index.js';
import { join } from 'node:path';
import type { EventName, EventPayload } from '#shared/contract.js';
import { isPersonalCommand } from '#shared/personal-commands.js';
import { fail } from '#shared/result.js';
import { createAppHandlers } from './app/app.handlers.js';
import { createBackupHandlers } from './backups/backups.handlers.js';
import { createBackupService, removeRestoreLeftover, scheduleDailyBackups, type BackupService } from './backups/backups.service.js';
import { ensureDataDir } from './data-dir.js';
import { mergeHandlers } from './define-handlers.js';
import { createDispatcher, type Dispatch, type Gate } from './dispatcher.js';
import { createHandlers, type Handlers } from './handlers.js';
import type { Logger } from './logger.js';
import { createActorSession } from './session/actor.js';
import { attachmentKeyFrom } from './store/file-cipher.js';
import { prepareDatabase, SchemaTooNewError, type PreparedDatabase } from './store/migrate.js';
import { isPlainSqlite, readStoredState } from './store/open-database.js';
import { reapplyErasures } from './people/erasure.service.js';
import { createRetentionState, purgeDue } from './people/retention.js';
import { ERASURE_JOURNAL_FILE, memoryErasureJournal, openErasureJournal } from './store/erasure-journal.js';
import { createPortalHttp, type PortalHttp } from './sync/portal-http.js';
import { createMemorySecretStore, type SecretStore } from './sync/secret-store.js';
import { createSyncEngine } from './sync/sync-engine.js';
import { APP_KDF, type KdfCost } from './vault/key-wrap.js';
import { createFileVaultStore, createMemoryVaultStore, noKeystore, type Keystore } from './vault/vault-file.js';
import { createVaultHandlers } from './vault/vault.handlers.js';
import { createVault } from './vault/vault.service.js';
import { createVaultDataAccess } from './vault/vault-data.js';

export interface CoreOptions {
  /** A folder, or ':memory:' for tests and benchmarks. */
  dataDir: string;
  logger: Logger;
  appVersion: string;
  onEvent: <K extends EventName>(name: K, payload: EventPayload<K>) => void;
  now?: () => Date;
  newId?: () => string;
  /** Where the portal token lives (the host decides how it is persisted). Not enrolled by default. */
  secrets?: SecretStore;
  /** Start the sync timer (first run one second after the data opens). Off for tests and benchmarks. */
  autoSync?: boolean;
  httpFor?: (portalUrl: string) => PortalHttp;
  /** The OS keychain the host offers (Electron's safeStorage); none by default (web host, tests). */
  keystore?: Keystore;
  /**
   * Tests and benchmarks only — the hosts never pass it: chooses this passphrase at a first
   * start, or types it at a later one, before startCore returns (as a person would on the first
   * screen), so that a test core is ready to use.
   */
  unlockWith?: { passphrase: string; actor?: string };
  /**
   * Tests only — the hosts never pass it, and no environment variable sets it: a lower Argon2id
   * cost for the vaults a test makes. The app's cost (APP_KDF) otherwise.
   */
  testKdf?: KdfCost;
  /** Tests only: the monotonic clock of the idle lock and the PIN's waits (performance.now by default). */
  elapsed?: () => number;
  /** How often the daily backup is checked for, and when first (tests shorten them). */
  backupTiming?: { checkMs: number; firstMs: number };
  /** Who is acting for this session, for the access log (set by the lock's unlock). */
  currentActor?: () => string | null;
  /** Run the retention purge at start-up and then every `intervalMs` (a day). Off: no purge at all. */
  retention?: { intervalMs: number } | false;
}

/** The retention purge runs at every start and once a day while the app runs. */
export const RETENTION_PURGE_INTERVAL_MS = 24 * 60 * 60_000;

export interface Core {
  dispatch: Dispatch;
  /** The schema the data is at once open (the latest: older data is migrated when it opens). */
  schemaVersion: number;
  /** The backup taken before migrating when the data last opened, if any. */
  readonly backupPath: string | null;
  close(): Promise<void>;
}

interface Session {
  prepared: PreparedDatabase;
  handlers: Handlers;
  close(): Promise<void>;
}

export async function startCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const logger = options.logger;
  const layout = options.dataDir === ':memory:' ? null : ensureDataDir(options.dataDir);
  // A plain database of a newer version is refused before anything is chosen or converted: it
  // stays as it is, and the host says why (an encrypted one is checked when it is unlocked).
  if (layout && isPlainSqlite(layout.database)) {
    const stored = readStoredState(layout.database, null);
    if (stored.schemaVersion > LATEST_SCHEMA_VERSION) throw new SchemaTooNewError(stored.schemaVersion, LATEST_SCHEMA_VERSION);
  }
  const actor = createActorSession();
  const journal = layout ? openErasureJournal(join(layout.root, ERASURE_JOURNAL_FILE)) : memoryErasureJournal();

  /**
   * The retention purge runs beside the commands, not before them (a first purge of thousands of
   * identities takes seconds, a hundred per commit): at the session's start, then once a day.
   * Returns its stop, which waits for a purge under way.
   */
  function startRetentionPurge(erasureDeps: Parameters<typeof purgeDue>[0], state: ReturnType<typeof createRetentionState>): () => Promise<void> {
    const retention = options.retention ?? { intervalMs: RETENTION_PURGE_INTERVAL_MS };
    if (!retention) return () => Promise.resolve();
    let purging: Promise<unknown> = Promise.resolve();
    const purge = () => {
      purging = purging.then(() =>
        purgeDue(erasureDeps, state).catch((error: unknown) => {
          logger.error({ err: error }, 'retention purge failed; it runs again at the next start or tomorrow');
          return 0;
        }),
      );
    };
    purge();
    const timer = setInterval(purge, retention.intervalMs);
    timer.unref?.();
    return async () => {
      clearInterval(timer);
      await purging;
    };
  }
  const secrets = options.secrets ?? createMemorySecretStore(null);
  let session: Session | null = null;
  let backups: BackupService | null = null;

  async function openSession(key: Buffer): Promise<Session> {
    if (layout) removeRestoreLeftover(layout);
    const prepared = await prepareDatabase({ file: layout ? layout.database : ':memory:', backupDir: layout ? layout.backups : '', key, now });
    for (const { name, reason } of prepared.discardedBackups) logger.warn({ backup: name, reason }, 'unusable backup file removed');
    if (prepared.backupPath) logger.info({ backup: prepared.backupPath }, 'backup taken before migrating');
    if (prepared.previousVersion !== prepared.schemaVersion) logger.info({ from: prepared.previousVersion, to: prepared.schemaVersion }, 'database migrated');
    const deps = {
      db: prepared.db,
      now,
      newId,
      emit: options.onEvent,
      logger,
      secrets,
      httpFor: options.httpFor ?? ((baseUrl: string) => createPortalHttp({ baseUrl })),
      attachmentsDir: layout ? layout.attachments : null,
      attachmentKey: layout ? attachmentKeyFrom(key) : null,
    };
    const engine = createSyncEngine(deps);
    // Erasures first: a database restored from an older backup gets every erasure made since
    // re-applied before anyone can read it (the journal lives outside the database and outside
    // the backups). This runs at every unlock after a start and after every restore.
    const erasureDeps = { db: prepared.db, now, newId, emit: options.onEvent, logger, journal, nudge: () => engine.nudge() };
    await reapplyErasures(erasureDeps);
    const retentionState = createRetentionState();
    const handlers = createHandlers({
      ...deps,
      engine,
      appVersion: options.appVersion,
      schemaVersion: prepared.schemaVersion,
      coreSlices,
      actor,
      erasureJournal: journal,
      retentionState,
      currentActor: options.currentActor,
    });
    const stopPurge = startRetentionPurge(erasureDeps, retentionState);
    if (options.autoSync) engine.start();
    const stopBackups = backups ? scheduleDailyBackups(backups, options.backupTiming?.checkMs, options.backupTiming?.firstMs) : () => undefined;
    return {
      prepared,
      handlers,
      async close() {
        stopBackups();
        await stopPurge();
        engine.stop();
        await engine.idle();
        await prepared.db.destroy();
      },
    };
  }

  const vault = createVault({
    layout,
    store: layout ? createFileVaultStore(layout.root) : createMemoryVaultStore(),
    keystore: options.keystore ?? noKeystore,
    kdf: options.testKdf ?? APP_KDF,
    logger,
    now,
    elapsed: options.elapsed ?? (() => performance.now()),
    emit: options.onEvent,
    actor,
    openData: async (key) => {
      session = await openSession(key);
    },
    data: () => (session ? createVaultDataAccess(session.prepared.db) : null),
  });

  if (layout) {
    backups = createBackupService({
      layout,
      key: vault.key,
      now,
      logger,
      checkPassphrase: (passphrase) => vault.verifyPassphrase(passphrase),
      reopen: async (swap) => {
        const key = vault.key()!;
        await session?.close();
        session = null;
        swap();
        session = await openSession(key);
      },
    });
  }

  const coreSlices = mergeHandlers(
    createAppHandlers({ appVersion: options.appVersion, schemaVersion: LATEST_SCHEMA_VERSION }),
    createVaultHandlers(vault),
    createBackupHandlers(() => backups),
  );

  const gate: Gate = (name) => {
    vault.checkIdle();
    if (name === 'app:info' || (name.startsWith('vault:') && !isPersonalCommand(name))) return null;
    if (!session) return fail('locked', 'Nothing is open yet: unlock the app with its passphrase first');
    if (vault.state() === 'locked' && isPersonalCommand(name)) return fail('locked', `The app is locked: ${name} carries personal data`);
    return null;
  };
  const dispatch = createDispatcher((name) => session?.handlers[name] ?? (coreSlices as Partial<Handlers>)[name], logger, { gate });

  // Read through a function: the closures above assign it, which narrowing cannot see.
  const current = (): Session | null => session;

  if (options.unlockWith) {
    const { passphrase, actor: name = 'Test' } = options.unlockWith;
    const result =
      vault.state() === 'setup' ? await vault.setup(passphrase, name) : await vault.unlock({ method: 'passphrase', passphrase, actor: name });
    if (!result.ok) {
      vault.stop();
      await current()?.close();
      throw Object.assign(new Error(`the test core could not be unlocked: ${result.error.message}`), { code: result.error.code });
    }
  }

  return {
    dispatch,
    schemaVersion: LATEST_SCHEMA_VERSION,
    get backupPath() {
      return current()?.prepared.backupPath ?? null;
    },
    async close() {
      vault.stop();
      await current()?.close();
      session = null;
    },
  };
}
