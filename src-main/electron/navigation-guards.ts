/**
 * Deny by default, for every webContents the app ever creates (windows, devtools, anything a
 * page could spawn): no new windows, no navigation or redirect away from app://atelier, no
 * <webview>, and no permission (microphone, geolocation, notifications, USB, ...) but one: the
 * camera, video only, for the app's own page while it shows the Citizen Card check-in (it reads
 * the QR codes of confirmations there; the screen turns it on only when asked).
 */
import type { App, Session, Shell, WebContents } from 'electron';
import { isAppUrl, parseUrl } from './app-origin.js';
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

/** The one screen that may use the camera: #/citizen-card/occurrences/<id>/check-in. */
export const CAMERA_SCREEN = /^#\/citizen-card\/occurrences\/[0-9a-f-]{36}\/check-in$/;

/** The page is the app's own (app://atelier) and shows the check-in screen. */
export function onCameraScreen(pageUrl: unknown): boolean {
  if (!isAppUrl(pageUrl)) return false;
  return CAMERA_SCREEN.test(parseUrl(pageUrl)?.hash ?? '');
}

interface MediaDetails {
  mediaTypes?: readonly string[];
  mediaType?: string;
  requestingUrl?: string;
}

/** What a page is allowed: the camera alone (never the microphone), from the app, on the check-in screen. */
export function permissionAllowed(permission: string, pageUrl: unknown, details: MediaDetails | undefined, origin?: string): boolean {
  if (permission !== 'media' || !details) return false;
  const types = details.mediaTypes ?? (details.mediaType ? [details.mediaType] : []);
  if (types.length === 0 || types.some((type) => type !== 'video')) return false;
  if (details.requestingUrl !== undefined && !isAppUrl(details.requestingUrl)) return false;
  if (origin !== undefined && !isAppUrl(origin)) return false;
  return onCameraScreen(pageUrl);
}

/** The URL a webContents shows now (with its #route), or nothing. */
function pageUrlOf(contents: unknown): string | undefined {
  const getURL = (contents as { getURL?: () => string } | null)?.getURL;
  return typeof getURL === 'function' ? getURL.call(contents) : undefined;
}

export function guardPermissions(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(permissionAllowed(permission, pageUrlOf(contents), details)),
  );
  session.setPermissionCheckHandler((contents, permission, origin, details) => permissionAllowed(permission, pageUrlOf(contents), details, origin));
  session.setDevicePermissionHandler(() => false);
}

/**
 * Installs the guards on every webContents as it is created, and the permission guard on
 * each session the first time one of its webContents appears (plus the default session).
 */
export function installSecurityHandlers(app: Pick<App, 'on'>, defaultSession: Session, shell: Pick<Shell, 'openExternal'> | null): void {
  const hardened = new WeakSet<Session>();
  const denySession = (session: Session) => {
    if (hardened.has(session)) return;
    hardened.add(session);
    guardPermissions(session);
  };
  denySession(defaultSession);
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, shell);
    denySession(contents.session);
  });
}
