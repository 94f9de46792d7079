/**
 * Drafts that hold personal data — a name, an e-mail, a Citizen Card number half typed at the
 * door, a paper sheet's names — are kept sealed in this computer's storage: AES-GCM with a key
 * the core gives only while the app is unlocked (`vault:draft-key`, derived from the database key
 * and never stored). Under Electron the browser's storage lives in the data folder, so without
 * this a lost laptop would hold in clear what the encrypted database protects.
 *
 * Invariant: nothing personal is written in clear. Without the key (locked, or the core not
 * answering) a draft is not written at all: it lives in the screen's memory until the key comes.
 * A draft stored in clear by an earlier version is read once, then replaced by its sealed copy.
 */
import { invoke, on } from '#renderer/api/client.js';
import { readStoredJson, removeStored, writeStoredJson } from './storage';

interface Sealed {
  sealed: 1;
  iv: string;
  data: string;
}

let cachedKey: Promise<CryptoKey | null> | null = null;
// A lock (or any change of the vault's state) forgets the key: it is asked again once unlocked.
on('vault:changed', () => {
  cachedKey = null;
});

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

function draftKey(): Promise<CryptoKey | null> {
  const asked = (cachedKey ??= invoke('vault:draft-key', {})
    .then((r) => (r.ok ? crypto.subtle.importKey('raw', fromBase64(r.value.key), 'AES-GCM', false, ['encrypt', 'decrypt']) : null))
    .catch(() => null));
  return asked.then((key) => {
    if (!key && cachedKey === asked) cachedKey = null;
    return key;
  });
}

/** Asks for the key when a screen with a sealed draft opens, so that the first keystroke's write does not wait for it. */
export function prepareSealing(): void {
  void draftKey();
}

function isSealed(value: unknown): value is Sealed {
  return Boolean(value) && typeof value === 'object' && (value as Partial<Sealed>).sealed === 1;
}

/** The draft under `key`, opened; null when there is none, or it cannot be opened (locked, another key). */
export async function readSealed(key: string): Promise<unknown> {
  const stored = readStoredJson(key);
  if (stored === null) return null;
  if (!isSealed(stored)) return stored; // an earlier version's draft in clear: the next write seals it
  const cryptoKey = await draftKey();
  if (!cryptoKey) return null;
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(stored.iv) }, cryptoKey, fromBase64(stored.data));
    return JSON.parse(new TextDecoder().decode(plain)) as unknown;
  } catch {
    return null;
  }
}

// Writes and removals of drafts happen in the order they were asked, whatever the crypto's pace.
let queue: Promise<unknown> = Promise.resolve();
const inOrder = (step: () => Promise<void> | void) => {
  queue = queue.then(step).catch(() => undefined);
  return queue;
};

/** Seals `value` under `key`; without the key, removes what is there rather than keep it in clear. */
export function writeSealed(key: string, value: unknown): Promise<unknown> {
  return inOrder(async () => {
    const cryptoKey = await draftKey();
    if (!cryptoKey) {
      removeStored(key);
      return;
    }
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, cryptoKey, new TextEncoder().encode(JSON.stringify(value))));
    writeStoredJson(key, { sealed: 1, iv: toBase64(iv), data: toBase64(data) } satisfies Sealed);
  });
}

export function removeSealed(key: string): Promise<unknown> {
  return inOrder(() => removeStored(key));
}
