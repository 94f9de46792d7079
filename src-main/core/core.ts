/**
 * Starts the application core on a data directory: open, back up, migrate, wire the
 * handlers. It knows nothing of the host (Electron or web) it runs under.
 */
import type { EventName, EventPayload } from '#shared/contract.js';
import { ensureDataDir } from './data-dir.js';
import { createDispatcher, type Dispatch } from './dispatcher.js';
import { createHandlers } from './handlers.js';
import type { Logger } from './logger.js';
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
}

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

  const deps = {
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
  const handlers = createHandlers({
    ...deps,
    engine,
    appVersion: options.appVersion,
    schemaVersion: prepared.schemaVersion,
  });
  if (options.autoSync) engine.start();
  return {
    dispatch: createDispatcher(handlers, options.logger),
    schemaVersion: prepared.schemaVersion,
    backupPath: prepared.backupPath,
    async close() {
      engine.stop();
      await engine.idle();
      await prepared.db.destroy();
    },
  };
}
