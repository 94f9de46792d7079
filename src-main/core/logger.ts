/**
 * Structured JSON logs (pino) in the data directory's `logs/`, rotated by size so a laptop
 * used for years never fills up. Nothing personal is logged: command names and timings only.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger as PinoLogger } from 'pino';
import { createStream } from 'rotating-file-stream';

export type Logger = PinoLogger;

export const LOG_ROTATION = { size: '5M', maxFiles: 5 } as const;

const opened = new WeakMap<Logger, Promise<void>>();

/** A logger writing to `<dataDir>/logs/<name>.log`, rotated at 5 MB, 5 files kept. */
export function createFileLogger(dataDir: string, name: string, level = 'info'): Logger {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Owner-only (issue 9): the logs hold no personal data, but who worked when is nobody else's business.
  const stream = createStream(`${name}.log`, { path: dir, size: LOG_ROTATION.size, maxFiles: LOG_ROTATION.maxFiles, mode: 0o600 });
  const logger = pino({ level, base: { proc: name } }, stream);
  opened.set(logger, new Promise((resolve) => stream.once('open', () => resolve()).once('error', () => resolve())));
  return logger;
}

/**
 * Resolves once the log file is open. The file opens asynchronously; a worker thread
 * terminated while that open is still in flight aborts the whole process on Node 20 (seen
 * when a core is closed right after it started), so the worker waits for it before closing.
 */
export function logFileOpened(logger: Logger): Promise<void> {
  return opened.get(logger) ?? Promise.resolve();
}

export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
