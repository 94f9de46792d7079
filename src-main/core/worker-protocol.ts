/** Messages between a host and the core worker thread. */
import type { Result } from '#shared/result.js';

export interface CoreWorkerData {
  dataDir: string;
  appVersion: string;
  logLevel: string;
  /** The portal token as the host keeps it (decrypted by Electron's safeStorage, or read from a 0600 file). */
  syncToken: string | null;
  /** Run the sync timer (the hosts do; tests may not). */
  autoSync: boolean;
  /** The host answers `keystore` requests (Electron's safeStorage); without it the passphrase protects alone. */
  keystore: boolean;
}

/** What the OS keychain is asked, through the host (bytes as base64). */
export type KeystoreOp = 'availability' | 'seal' | 'unseal';

export type ToWorker =
  | { type: 'invoke'; id: number; name: string; input: unknown }
  | { type: 'shutdown' }
  /** The host read the portal token after start-up (Electron's safeStorage needs the app ready). */
  | { type: 'secret'; value: string | null }
  /** The host's answer to a keystore request. */
  | { type: 'keystore'; id: number; ok: true; value: string }
  | { type: 'keystore'; id: number; ok: false; message: string };

export type FromWorker =
  | { type: 'ready'; schemaVersion: number; startupMs: number }
  | { type: 'fatal'; code: string; message: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; name: string; payload: unknown }
  | { type: 'closed' }
  /** The token changed (enrolment, or cleared): the host persists it its own way. */
  | { type: 'secret'; value: string | null }
  /** The vault asks the OS keychain (through the host) whether it protects, or to seal or unseal bytes. */
  | { type: 'keystore'; id: number; op: KeystoreOp; data: string };
