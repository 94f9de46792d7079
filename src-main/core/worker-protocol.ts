/** Messages between a host and the core worker thread. */
import type { Result } from '../../src-shared/result.js';

export interface CoreWorkerData {
  dataDir: string;
  appVersion: string;
  logLevel: string;
}

export type ToWorker = { type: 'invoke'; id: number; name: string; input: unknown } | { type: 'shutdown' };

export type FromWorker =
  | { type: 'ready'; schemaVersion: number; startupMs: number }
  | { type: 'fatal'; code: string; message: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; name: string; payload: unknown }
  | { type: 'closed' };
