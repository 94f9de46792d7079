/**
 * The OS keychain as the worker reaches it: requests to the host (Electron's main process, the
 * only one that may call safeStorage), answered by message. Bytes travel as base64.
 */
import type { KeystoreOp } from '../worker-protocol.js';
import type { Keystore } from './vault-file.js';

/** What a host implements (Electron: src-main/electron/vault-keystore.ts). */
export interface HostKeystore {
  availability(): Promise<'available' | 'unavailable' | 'none'>;
  /** base64 in, base64 out. Throws when the keychain gives no real protection. */
  seal(plainBase64: string): Promise<string>;
  unseal(sealedBase64: string): Promise<string>;
}

/** The worker's side: each call posts a request and waits for the host's answer. */
export function createKeystoreProxy(post: (id: number, op: KeystoreOp, data: string) => void) {
  const waiting = new Map<number, { resolve: (value: string) => void; reject: (error: Error) => void }>();
  let next = 1;
  const ask = (op: KeystoreOp, data: string) =>
    new Promise<string>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      post(id, op, data);
    });
  const keystore: Keystore = {
    availability: async () => (await ask('availability', '')) as 'available' | 'unavailable' | 'none',
    seal: async (plain) => Buffer.from(await ask('seal', plain.toString('base64')), 'base64'),
    unseal: async (sealed) => Buffer.from(await ask('unseal', sealed.toString('base64')), 'base64'),
  };
  return {
    keystore,
    answer(id: number, outcome: { ok: true; value: string } | { ok: false; message: string }) {
      const pending = waiting.get(id);
      waiting.delete(id);
      if (!pending) return;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(new Error(outcome.message));
    },
  };
}

/** The host's side: runs one request against its keychain. */
export async function answerKeystore(host: HostKeystore, op: KeystoreOp, data: string): Promise<{ ok: true; value: string } | { ok: false; message: string }> {
  try {
    if (op === 'availability') return { ok: true, value: await host.availability() };
    return { ok: true, value: op === 'seal' ? await host.seal(data) : await host.unseal(data) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
