/**
 * Starts the application core on a data directory: open, back up, migrate, wire the
 * handlers. It knows nothing of the host (Electron or web) it runs under.
 */
import { join } from 'node:path';
import type { EventName, EventPayload } from '#shared/contract.js';
import { ensureDataDir } from './data-dir.js';
import { createDispatcher, type Dispatch } from './dispatcher.js';
import { createHandlers } from './handlers.js';
import type { Logger } from './logger.js';
import { reapplyErasures } from './people/erasure.service.js';
import { createRetentionState, purgeDue } from './people/retention.js';
import { ERASURE_JOURNAL_FILE, memoryErasureJournal, openErasureJournal } from './store/erasure-journal.js';
import { prepareDatabase } from './store/migrate.js';
import { createPortalHttp, type PortalHttp } from './sync/portal-http.js';
import { createMemorySecretStore, type SecretStore } from './sync/secret-store.js';
import { createSyncEngine } from './sync/sync-engine.js';

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
  /** Start the sync timer (first run one second after start-up). Off for tests and benchmarks. */
  autoSync?: boolean;
  httpFor?: (portalUrl: string) => PortalHttp;
  /** Who is acting for this session, for the access log (set by the lock's unlock). */
  currentActor?: () => string | null;
  /** Run the retention purge at start-up and then every `intervalMs` (a day). Off: no purge at all. */
  retention?: { intervalMs: number } | false;
}

/** The retention purge runs at every start and once a day while the app runs. */
export const RETENTION_PURGE_INTERVAL_MS = 24 * 60 * 60_000;

export interface Core {
  dispatch: Dispatch;
  schemaVersion: number;
  backupPath: string | null;
  close(): Promise<void>;
}

export async function startCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const inMemory = options.dataDir === ':memory:';
  const layout = inMemory ? null : ensureDataDir(options.dataDir);
  const prepared = await prepareDatabase({
    file: layout ? layout.database : ':memory:',
    backupDir: layout ? layout.backups : '',
    now,
  });
  for (const { name, reason } of prepared.discardedBackups) options.logger.warn({ backup: name, reason }, 'unusable backup file removed');
  if (prepared.backupPath) options.logger.info({ backup: prepared.backupPath }, 'backup taken before migrating');
  if (prepared.previousVersion !== prepared.schemaVersion) {
    options.logger.info({ from: prepared.previousVersion, to: prepared.schemaVersion }, 'database migrated');
  }

  const journal = layout ? openErasureJournal(join(layout.root, ERASURE_JOURNAL_FILE)) : memoryErasureJournal();
  const deps = {
    erasureJournal: journal,
    db: prepared.db,
    now,
    newId,
    emit: options.onEvent,
    logger: options.logger,
    secrets: options.secrets ?? createMemorySecretStore(null),
    httpFor: options.httpFor ?? ((baseUrl: string) => createPortalHttp({ baseUrl })),
    attachmentsDir: layout ? layout.attachments : null,
  };
  const engine = createSyncEngine(deps);
  const retentionState = createRetentionState();
  const handlers = createHandlers({
    ...deps,
    retentionState,
    engine,
    appVersion: options.appVersion,
    schemaVersion: prepared.schemaVersion,
    currentActor: options.currentActor,
  });
  // Erasures first: a database restored from an older backup gets every erasure made since
  // re-applied before anyone can read it (the journal lives outside the database). Then the
  // identities whose retention period is over.
  const erasureDeps = { db: prepared.db, now, newId, emit: options.onEvent, logger: options.logger, journal, nudge: () => engine.nudge() };
  await reapplyErasures(erasureDeps);
  // The purge runs beside the commands, not before them: a first purge of thousands of
  // identities takes seconds (a hundred per commit), and the window must not wait for it.
  let purgeTimer: ReturnType<typeof setInterval> | null = null;
  let purging: Promise<unknown> = Promise.resolve();
  const retention = options.retention ?? { intervalMs: RETENTION_PURGE_INTERVAL_MS };
  if (retention) {
    const purge = () => {
      purging = purging.then(() =>
        purgeDue(erasureDeps, retentionState).catch((error: unknown) => {
          options.logger.error({ err: error }, 'retention purge failed; it runs again at the next start or tomorrow');
          return 0;
        }),
      );
    };
    purge();
    purgeTimer = setInterval(purge, retention.intervalMs);
    purgeTimer.unref?.();
  }
  if (options.autoSync) engine.start();
  return {
    dispatch: createDispatcher(handlers, options.logger),
    schemaVersion: prepared.schemaVersion,
    backupPath: prepared.backupPath,
    async close() {
      if (purgeTimer) clearInterval(purgeTimer);
      await purging;
      engine.stop();
      await engine.idle();
      await prepared.db.destroy();
    },
  };
}
