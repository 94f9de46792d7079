/**
 * The renderer's one trusted origin. It is served from a custom `app://` scheme (not
 * `file://`, which would give every local file the same origin), registered as standard and
 * secure so that it gets a real origin, a CSP and `fetch`.
 *
 * Node's WHATWG `URL` reports `origin === 'null'` for non-special schemes such as `app:`, so
 * the checks below compare the scheme and host instead of `URL#origin`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'atelier';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The privileges the scheme is registered with, before `app.whenReady()`. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** Parses without throwing: a malformed URL is simply not ours. */
export function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string') return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True only for `app://atelier/...`: no user info, no port, nothing else. */
export function isAppUrl(raw: unknown): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
