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

/** A logger writing to `<dataDir>/logs/<name>.log`, rotated at 5 MB, 5 files kept. */
export function createFileLogger(dataDir: string, name: string, level = 'info'): Logger {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const stream = createStream(`${name}.log`, { path: dir, size: LOG_ROTATION.size, maxFiles: LOG_ROTATION.maxFiles });
  return pino({ level, base: { proc: name } }, stream);
}

export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
