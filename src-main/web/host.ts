/**
 * `npm run web`: the web host. Starts the core worker on the data directory, serves the
 * built renderer and the commands on 127.0.0.1, and prints an address carrying a launch token,
 * good for one browser (session.ts); once used, it prints the next one. `--open` opens the
 * first in the default browser, which spends it: the token left in the browser's command line
 * and history opens nothing afterwards.
 *
 * Flags: --data-dir <path> (or ATELIER_DATA_DIR), --port <n> (default: a free port), --open.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCoreWorker, type CoreClient, type CoreStartError } from '#core/core-client.js';
import { argValue, defaultDataDir, ensureDataDir } from '#core/data-dir.js';
import { createFileLogger } from '#core/logger.js';
import { createFileSecretStore } from '#core/sync/secret-store.js';
import { buildWebServer } from './server.js';
import { newSecret } from './session.js';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const dataDir = defaultDataDir(argv);
/**
 * A stable address by default: drafts and the language choice live in the browser's storage,
 * which belongs to one address, so a restart on the same port finds them again.
 */
const DEFAULT_PORT = 47321;
const portText = argValue(argv, '--port');
const portArg = Number(portText ?? DEFAULT_PORT);
const port = Number.isInteger(portArg) && portArg >= 0 && portArg < 65536 ? portArg : DEFAULT_PORT;

ensureDataDir(dataDir);
const logger = createFileLogger(dataDir, 'web-host');
const tokenFile = createFileSecretStore(join(dataDir, 'sync-token'));

let core: CoreClient;
try {
  core = await startCoreWorker({
    workerFile: join(here, '..', 'core', 'worker.mjs'),
    dataDir,
    appVersion: __APP_VERSION__,
    logLevel: process.env.ATELIER_LOG_LEVEL ?? 'info',
    // Under the web host the portal token lives in a file only this user can read (no OS keychain here).
    syncToken: await tokenFile.read(),
    onSecret: (value) => (value ? tokenFile.write(value) : tokenFile.clear()),
    autoSync: true,
  });
} catch (error) {
  const e = error as CoreStartError;
  logger.error({ code: e.code, message: e.message }, 'core failed to start');
  console.error(
    e.code === 'schema_too_new'
      ? `Atelier ne peut pas ouvrir ces données : elles viennent d'une version plus récente de l'application. Elles n'ont pas été modifiées.\n${e.message}`
      : `Atelier n'a pas pu démarrer / Atelier could not start: ${e.message}`,
  );
  process.exit(2);
}

const printAddress = (port: number, token: string) => `http://127.0.0.1:${port}/?token=${token}`;
let listeningPort = port;
const firstToken = newSecret();
/** The launch address not yet used, printed again when a reloaded tab has lost its session. */
let unusedToken = firstToken;
let lastReprint = 0;
const server = await buildWebServer({
  core,
  token: firstToken,
  rendererDir: join(here, '..', 'renderer'),
  // The printed address is good once: after a browser used it, the next one is printed.
  onLaunchTokenSpent: (next) => {
    unusedToken = next;
    console.log(`Adresse utilisée. Pour un autre navigateur / address used; for another browser: ${printAddress(listeningPort, next)}`);
  },
  // A tab reloaded after a restart shows a page asking to open the address again: print it
  // again (at most every 10 s), so it is at the bottom of the window, one click away.
  onSessionLost: () => {
    if (Date.now() - lastReprint < 10_000) return;
    lastReprint = Date.now();
    console.log(`Atelier — ouvrez cette adresse / open this address: ${printAddress(listeningPort, unusedToken)}`);
  },
});

/** A port we cannot listen on ends the host with a sentence, not a stack trace. */
async function failToListen(error: unknown): Promise<never> {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
  logger.error({ code, port }, 'web host could not listen');
  console.error(
    code === 'EADDRINUSE'
      ? `Le port ${port} est déjà utilisé (une autre fenêtre d'Atelier ?). Arrêtez l'autre programme ou choisissez un autre port avec --port.\nPort ${port} is already in use (another Atelier?). Stop the other program or choose another port with --port.`
      : `Atelier ne peut pas écouter sur le port ${port} (${code}). / Atelier cannot listen on port ${port} (${code}).`,
  );
  await core!.close();
  process.exit(2);
}

try {
  await server.listen({ host: '127.0.0.1', port });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || portText !== undefined) await failToListen(error);
  // Another Atelier (or another program) holds the usual port: take a free one and say what it means.
  await server.listen({ host: '127.0.0.1', port: 0 }).catch(failToListen);
  console.log(`Le port ${port} est occupé : autre adresse, les brouillons de l'autre adresse n'y sont pas. / Port ${port} is busy: drafts kept under the usual address are not visible here.`);
}
const address = server.server.address();
listeningPort = typeof address === 'object' && address ? address.port : port;
const url = printAddress(listeningPort, firstToken);

logger.info({ port: listeningPort, dataDir, startupMs: Math.round(core.startupMs) }, 'web host listening');
console.log(`Atelier (hôte web / web host) : ${url}`);
console.log(`Données / data: ${dataDir}`);

if (argv.includes('--open')) {
  const { default: open } = await import('open');
  await open(url).catch(() => console.log('Ouvrez cette adresse dans votre navigateur / open this address in your browser.'));
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'web host stopping');
  await server.close();
  await core!.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
