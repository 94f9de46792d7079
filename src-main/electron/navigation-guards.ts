/**
 * Deny by default, for every webContents the app ever creates (windows, devtools, anything a
 * page could spawn): no new windows, no navigation or redirect away from app://atelier, no
 * <webview>, and no permission (camera, geolocation, notifications, USB, ...).
 */
import type { App, Session, Shell, WebContents } from 'electron';
import { isAppUrl } from './app-origin.js';
import { isAllowedExternalUrl, openExternalSafely } from './external-links.js';

interface Preventable {
  preventDefault(): void;
}

/** For 'will-navigate' / 'will-redirect' / 'will-frame-navigate': stay on app://atelier. */
export function guardNavigation(event: Preventable & { url?: string }, url?: string): boolean {
  const target = url ?? event.url;
  if (isAppUrl(target)) return true;
  event.preventDefault();
  return false;
}

/**
 * New windows are always denied; an allowed City of Paris https link opens in the person's
 * browser instead, so `target="_blank"` links to paris.fr still work.
 */
export function createWindowOpenHandler(shell: Pick<Shell, 'openExternal'> | null) {
  return ({ url }: { url: string }): { action: 'deny' } => {
    if (shell && isAllowedExternalUrl(url)) void openExternalSafely(shell, url);
    return { action: 'deny' };
  };
}

export function hardenWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'> | null): void {
  contents.setWindowOpenHandler(createWindowOpenHandler(shell));
  contents.on('will-navigate', (event, url) => guardNavigation(event, url));
  contents.on('will-redirect', (event, url) => guardNavigation(event, url));
  contents.on('will-frame-navigate', (event) => guardNavigation(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Installs the guards on every webContents as it is created, and the permission denial on
 * each session the first time one of its webContents appears (plus the default session).
 */
export function installSecurityHandlers(app: Pick<App, 'on'>, defaultSession: Session, shell: Pick<Shell, 'openExternal'> | null): void {
  const hardened = new WeakSet<Session>();
  const denySession = (session: Session) => {
    if (hardened.has(session)) return;
    hardened.add(session);
    denyAllPermissions(session);
  };
  denySession(defaultSession);
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, shell);
    denySession(contents.session);
  });
}
