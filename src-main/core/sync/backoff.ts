/**
 * Retry delays after a network error, a timeout or a 5xx: exponential from 2 s to 5 min with
 * full jitter, so that forty laptops coming back online together do not knock in step.
 */
export const BACKOFF = { baseMs: 2_000, maxMs: 300_000 } as const;

/** The delay before retry number `attempt` (0 for the first retry). `random` returns [0, 1). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** Math.min(attempt, 20));
  return Math.max(BACKOFF.baseMs / 4, Math.floor(random() * ceiling));
}
