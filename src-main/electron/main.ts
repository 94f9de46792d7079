/**
 * The Electron main process, kept thin: it wires the tested pieces of this folder together.
 * Order matters: the scheme is registered before `ready`, the core is started (sealed: the
 * window asks for the passphrase, and the data opens and migrates then) before any window
 * exists, and the security handlers are installed before the first webContents is created.
 */
import { BrowserWindow, Menu, app, dialog, ipcMain, powerMonitor, protocol, safeStorage, session, shell } from 'electron';
import { join } from 'node:path';
import { startCoreWorker, type CoreClient } from '#core/core-client.js';
import { defaultDataDir, ensureDataDir } from '#core/data-dir.js';
import { createFileLogger } from '#core/logger.js';
import { buildMenuTemplate, menuLocaleFor } from './app-menu.js';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-origin.js';
import { createAppProtocolHandler } from './app-protocol.js';
import { INVOKE_CHANNEL } from './channels.js';
import { createInvokeHandler, forwardCoreEvents } from './ipc-relay.js';
import { installSecurityHandlers } from './navigation-guards.js';
import { createSecretStore, type SecretStore } from './secret-store.js';
import { startErrorText } from './start-errors.js';
import { createVaultKeystore, lockOnSleep } from './vault-keystore.js';
import { secureWebPreferences } from './web-preferences.js';

const CORE_CLOSE_TIMEOUT_MS = 5_000;

// Every file this process and its core worker create (database, WAL, backups, logs, Chromium's
// profile) is readable by the user only (issue 9), whatever the session's umask.
if (process.platform !== 'win32') process.umask(0o077);

const dataDir = defaultDataDir(process.argv);
ensureDataDir(dataDir);
// Chromium's own files (cache, local storage) go under the data dir rather than beside the
// database, and the single-instance lock becomes per data dir: one writer per database.
app.setPath('userData', join(dataDir, 'chromium'));

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void run();
}

async function run(): Promise<void> {
  const logger = createFileLogger(dataDir, 'electron-main');
  let mainWindow: BrowserWindow | null = null;
  const liveContents = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null);

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // The core starts while Chromium initialises; no window is created until it is ready
  // (its migrations have run, after their backup).
  // The portal token is kept encrypted with safeStorage, which works only once the app is
  // ready: the core starts without it and receives it right after.
  let tokenStore: SecretStore | null = null;
  const persistToken = (value: string | null) => {
    try {
      if (value) tokenStore?.save(value);
      else tokenStore?.clear();
    } catch (error) {
      // No real keychain (or none at all): the token stays in memory for this session only.
      logger.warn({ err: error }, 'sync token not persisted');
    }
  };

  let core: CoreClient;
  try {
    [core] = await Promise.all([
      startCoreWorker({
        workerFile: join(__dirname, '..', 'core', 'worker.mjs'),
        dataDir,
        appVersion: __APP_VERSION__,
        logLevel: process.env.ATELIER_LOG_LEVEL ?? 'info',
        autoSync: true,
        onSecret: persistToken,
        // The vault seals its passphrase slot with the OS keychain too (never Linux's basic_text).
        keystore: createVaultKeystore({ safeStorage, platform: process.platform, ready: () => app.whenReady() }),
      }),
      app.whenReady(),
    ]);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    logger.error({ code: e.code, message: e.message }, 'core failed to start');
    const { title, content } = startErrorText(error);
    // showErrorBox is safe before `ready`, which is when a start-up failure can happen.
    dialog.showErrorBox(title, content);
    app.exit(2);
    return;
  }
  logger.info({ dataDir, startupMs: Math.round(core.startupMs), schemaVersion: core.schemaVersion }, 'core ready');
  // Asleep or screen locked: the app locks, in the core (nothing personal answers until unlocked).
  lockOnSleep(powerMonitor, (reason) => {
    logger.info({ reason }, 'locking: the system sleeps or its screen locks');
    void core.invoke('vault:lock', { reason: 'system' });
  });
  tokenStore = createSecretStore({ safeStorage, platform: process.platform, file: join(dataDir, 'sync-token.bin') });
  try {
    core.setSecret(tokenStore.load());
  } catch (error) {
    logger.warn({ err: error }, 'sync token unreadable; the device must be enrolled again');
  }

  installSecurityHandlers(app, session.defaultSession, shell);
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: join(__dirname, '..', 'renderer') }));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate({ locale: menuLocaleFor(app.getLocale()), platform: process.platform, devTools: !app.isPackaged })),
  );

  ipcMain.handle(
    INVOKE_CHANNEL,
    createInvokeHandler({ core, trustedContents: liveContents, onRefused: (reason) => logger.warn({ reason }, 'IPC refused') }),
  );
  forwardCoreEvents(core, liveContents);

  const createWindow = () => {
    mainWindow = new BrowserWindow({
      width: 1280,
      height: 840,
      minWidth: 960,
      minHeight: 600,
      title: 'Atelier',
      show: false,
      backgroundColor: '#ffffff',
      webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs')),
    });
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    mainWindow.webContents.on('render-process-gone', (_event, details) => logger.error({ reason: details.reason }, 'renderer gone'));
    void mainWindow.loadURL(APP_ENTRY_URL);
  };
  createWindow();

  app.on('activate', () => {
    if (!mainWindow) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Graceful quit: the core checkpoints and closes the database before the process ends.
  let coreClosed = false;
  let closing = false;
  app.on('before-quit', (event) => {
    if (coreClosed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, CORE_CLOSE_TIMEOUT_MS));
    void Promise.race([core.close(), timeout])
      .catch((error: unknown) => logger.error({ message: String(error) }, 'core close failed'))
      .finally(() => {
        coreClosed = true;
        logger.info('electron main quitting');
        app.quit();
      });
  });
}
