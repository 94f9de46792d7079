/**
 * The `app://atelier/...` protocol handler: serves the built renderer (out/renderer) with the
 * same CSP and headers as the web host. Anything that is not a GET/HEAD of a file inside the
 * renderer folder on host `atelier` is refused, so a page cannot read other files through it.
 */
import { readFile as fsReadFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from '#shared/security-policy.js';
import { APP_HOST, APP_SCHEME, parseUrl } from './app-origin.js';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.geojson': 'application/geo+json',
};

export type AppPathResolution = { ok: true; path: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps a request URL to a file under `rootDir`. Extension-less paths are client-side routes
 * and get index.html, so reloading a screen works.
 */
export function resolveAppPath(rawUrl: string, rootDir: string): AppPathResolution {
  const url = parseUrl(rawUrl);
  if (url === null) return { ok: false, status: 400, reason: 'malformed URL' };
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
    return { ok: false, status: 403, reason: 'unknown host' };
  }
  let pathname: string;
  try {
    // The URL parser already folds literal `..` segments; decoding exposes encoded ones (%2e%2e%2f).
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed path encoding' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 400, reason: 'forbidden character' };
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403, reason: 'path traversal' };

  const root = resolve(rootDir);
  const last = segments.at(-1);
  const relative = last === undefined || extname(last) === '' ? ['index.html'] : segments;
  const path = resolve(root, ...relative);
  // Belt and braces: whatever the checks above missed, nothing outside the root is served.
  if (!path.startsWith(root + sep)) return { ok: false, status: 403, reason: 'path traversal' };
  return { ok: true, path };
}

export function contentTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function refusal(status: number, reason: string): Response {
  return new Response(`${status} ${reason}`, {
    status,
    headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export interface AppProtocolOptions {
  rootDir: string;
  readFile?: (path: string) => Promise<Uint8Array>;
}

/** The function given to `protocol.handle('app', …)`. It never throws: errors become responses. */
export function createAppProtocolHandler({ rootDir, readFile = fsReadFile }: AppProtocolOptions) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'method not allowed');
    const resolved = resolveAppPath(request.url, rootDir);
    if (!resolved.ok) return refusal(resolved.status, resolved.reason);
    let body: Uint8Array;
    try {
      body = await readFile(resolved.path);
    } catch {
      return refusal(404, 'not found');
    }
    const headers: Record<string, string> = { ...SECURITY_HEADERS, 'content-type': contentTypeFor(resolved.path) };
    if (resolved.path.endsWith('.html')) headers['cache-control'] = 'no-store';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
