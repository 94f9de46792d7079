/**
 * The host's side of the worker boundary: starts the core worker, relays commands to it and
 * events from it. Both hosts (Electron and web) use this same client.
 */
import { Worker } from 'node:worker_threads';
import { fail, type Result } from '#shared/result.js';
import { answerKeystore, type HostKeystore } from './vault/host-keystore.js';
import type { CoreWorkerData, FromWorker, ToWorker } from './worker-protocol.js';

export class CoreStartError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CoreStartError';
  }
}

export interface CoreClient {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
  /** How long the worker took to start, open and migrate. */
  readonly startupMs: number;
  readonly schemaVersion: number;
  /** Hands the core the portal token the host keeps (when it could only read it after start-up). */
  setSecret(value: string | null): void;
  close(): Promise<void>;
}

export interface StartCoreWorkerOptions extends Omit<CoreWorkerData, 'syncToken' | 'autoSync' | 'keystore'> {
  /** The portal token as the host keeps it; none (not enrolled) by default. */
  syncToken?: string | null;
  /** Run the sync timer; off by default (tests, benchmarks), the hosts turn it on. */
  autoSync?: boolean;
  /** The bundled worker file (out/core/worker.mjs). */
  workerFile: string;
  /** Called when the core's portal token changes, for the host to persist it (or delete it). */
  onSecret?: (value: string | null) => void | Promise<void>;
  /** The OS keychain the vault may seal the key with (Electron); none by default. */
  keystore?: HostKeystore;
}

export function startCoreWorker({ workerFile, onSecret, keystore, ...data }: StartCoreWorkerOptions): Promise<CoreClient> {
  const workerData: CoreWorkerData = { ...data, syncToken: data.syncToken ?? null, autoSync: data.autoSync ?? false, keystore: keystore !== undefined };
  const worker = new Worker(workerFile, { workerData });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Set<(name: string, payload: unknown) => void>();
  let nextId = 1;
  let closed = false;
  const send = (message: ToWorker) => worker.postMessage(message);

  const failAll = (reason: string) => {
    for (const resolve of pending.values()) resolve(fail('unavailable', reason));
    pending.clear();
  };

  return new Promise((resolveStart, rejectStart) => {
    let onClosed: (() => void) | null = null;
    worker.on('error', (error) => {
      failAll(`core worker error: ${error.message}`);
      rejectStart(new CoreStartError('worker_error', error.message));
    });
    worker.on('exit', (code) => {
      closed = true;
      failAll(`core worker exited (${code})`);
      rejectStart(new CoreStartError('worker_exit', `The core stopped before it was ready (exit ${code})`));
      onClosed?.();
    });
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          resolveStart({
            startupMs: message.startupMs,
            schemaVersion: message.schemaVersion,
            invoke(name, input) {
              if (closed) return Promise.resolve(fail('unavailable', 'core is closed'));
              return new Promise((resolve) => {
                const id = nextId++;
                pending.set(id, resolve);
                try {
                  send({ type: 'invoke', id, name, input });
                } catch (error) {
                  // The input cannot be copied to the worker (nested thousands of levels deep,
                  // or not cloneable): nothing was sent, so nothing will answer this id.
                  pending.delete(id);
                  resolve(fail('validation', `Input of ${String(name).slice(0, 64)} cannot be sent to the core: ${(error as Error).name}`));
                }
              });
            },
            setSecret(value) {
              if (!closed) send({ type: 'secret', value });
            },
            onEvent(listener) {
              listeners.add(listener);
              return () => listeners.delete(listener);
            },
            close() {
              if (closed) return Promise.resolve();
              return new Promise<void>((resolve) => {
                onClosed = resolve;
                send({ type: 'shutdown' });
              });
            },
          });
          break;
        case 'fatal':
          rejectStart(new CoreStartError(message.code, message.message));
          void worker.terminate();
          break;
        case 'result': {
          const resolve = pending.get(message.id);
          pending.delete(message.id);
          resolve?.(message.result);
          break;
        }
        case 'event':
          for (const listener of listeners) listener(message.name, message.payload);
          break;
        case 'secret':
          void Promise.resolve(onSecret?.(message.value)).catch(() => undefined);
          break;
        case 'keystore':
          if (keystore) void answerKeystore(keystore, message.op, message.data).then((outcome) => !closed && send({ type: 'keystore', id: message.id, ...outcome }));
          break;
        case 'closed':
          closed = true;
          void worker.terminate();
          break;
      }
    });
  });
}
