/**
 * The web host guards itself like a server, because any local process (and any web page,
 * through the browser) can reach a loopback port:
 * - the `Host` header must be its own loopback address (defeats DNS rebinding);
 * - an `Origin` header, when present, must be its own (defeats cross-site requests);
 * - the launch token printed in the URL is spent once for a separate session value, held in
 *   an HttpOnly, SameSite=Strict cookie (session.ts).
 */
import { timingSafeEqual } from 'node:crypto';

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return typeof host === 'string' && allowedHosts(port).has(host.toLowerCase());
}

/** No Origin (a top-level navigation or same-origin GET) is fine; a foreign one is not. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === undefined || allowedOrigins(port).has(origin.toLowerCase());
}

export function tokensMatch(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Cookies are not port-scoped, so two hosts on one machine each use their own name. */
export function cookieName(port: number): string {
  return `atelier_session_${port}`;
}
