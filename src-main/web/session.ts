/**
 * Who may use the web host: a browser holding a session value, and nobody else.
 *
 * The launch token is printed in the terminal (and, with `--open`, put on the browser's
 * command line and in its history). It is therefore only good **once**: the first browser
 * that opens the address exchanges it for a separate random session value, held in an
 * HttpOnly cookie, and the token is spent. A new launch token is made at once, for the host
 * to print (a second browser, or the same one after it was closed). So a token read later
 * from the history, the process list or a cookie sent to another port of 127.0.0.1 opens
 * nothing.
 *
 * Invariants: a launch token opens at most one session; session values are never the
 * launch token; both are 256-bit random values compared in constant time.
 */
import { randomBytes } from 'node:crypto';
import { tokensMatch } from './guards.js';

/** More sessions than this and the oldest is forgotten (each needs a spent launch token anyway). */
export const MAX_SESSIONS = 16;

export const newSecret = (): string => randomBytes(32).toString('base64url');

export interface SessionGate {
  /** The launch token to print now; a new one after every exchange. */
  readonly launchToken: string;
  /** Spends the launch token for a new session value; null when the token is not the current one. */
  exchange(token: unknown): string | null;
  isSession(value: unknown): boolean;
}

export interface SessionGateOptions {
  launchToken: string;
  /** Called with the next launch token after one was spent (the host prints it). */
  onLaunchTokenSpent?: (next: string) => void;
  makeSecret?: () => string;
}

export function createSessionGate({ launchToken, onLaunchTokenSpent, makeSecret = newSecret }: SessionGateOptions): SessionGate {
  let current = launchToken;
  const sessions: string[] = [];
  return {
    get launchToken() {
      return current;
    },
    exchange(token) {
      if (typeof token !== 'string' || !tokensMatch(token, current)) return null;
      current = makeSecret();
      const session = makeSecret();
      sessions.push(session);
      if (sessions.length > MAX_SESSIONS) sessions.shift();
      onLaunchTokenSpent?.(current);
      return session;
    },
    isSession(value) {
      if (typeof value !== 'string') return false;
      // Every entry is compared, so the time taken does not say which one nearly matched.
      let found = false;
      for (const session of sessions) if (tokensMatch(value, session)) found = true;
      return found;
    },
  };
}
