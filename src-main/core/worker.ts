/**
 * The core worker thread's entry: starts the core on the data directory it is given, then
 * answers `invoke` messages. A long import, export or sync apply runs here and never blocks
 * the window.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startCore } from './core.js';
import { createFileLogger, logFileOpened } from './logger.js';
import { createMemorySecretStore } from './sync/secret-store.js';
import { createKeystoreProxy } from './vault/host-keystore.js';
import type { CoreWorkerData, FromWorker, ToWorker } from './worker-protocol.js';

const started = performance.now();
const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');
const data = workerData as CoreWorkerData;
const logger = createFileLogger(data.dataDir, 'core', data.logLevel);
const post = (message: FromWorker) => port.postMessage(message);

const secrets = createMemorySecretStore(data.syncToken, (value) => post({ type: 'secret', value }));
const keystore = data.keystore ? createKeystoreProxy((id, op, bytes) => post({ type: 'keystore', id, op, data: bytes })) : null;
try {
  const core = await startCore({
    dataDir: data.dataDir,
    logger,
    appVersion: data.appVersion,
    onEvent: (name, payload) => post({ type: 'event', name, payload }),
    secrets,
    autoSync: data.autoSync,
    ...(keystore ? { keystore: keystore.keystore } : {}),
  });
  port.on('message', (message: ToWorker) => {
    if (message.type === 'invoke') {
      void core.dispatch(message.name, message.input).then((result) => post({ type: 'result', id: message.id, result }));
    } else if (message.type === 'secret') {
      secrets.replace(message.value);
    } else if (message.type === 'keystore') {
      keystore?.answer(message.id, message);
    } else if (message.type === 'shutdown') {
      void core
        .close()
        .then(() => logFileOpened(logger))
        .then(() => {
          logger.flush();
          post({ type: 'closed' });
        });
    }
  });
  const startupMs = performance.now() - started;
  logger.info({ startupMs: Math.round(startupMs) }, 'core ready');
  post({ type: 'ready', schemaVersion: core.schemaVersion, startupMs });
} catch (error) {
  const e = error as Error & { code?: string };
  logger.error({ err: e }, 'core failed to start');
  post({ type: 'fatal', code: e.code ?? 'startup_failed', message: e.message });
}
