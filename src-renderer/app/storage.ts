/**
 * This computer's storage (localStorage), for what must survive a closed lid, a crash or a
 * reload: drafts, the facilitator's name, the language. Every call is guarded: storage that is
 * full, disabled or in private mode keeps nothing and throws nothing, and the app works on
 * (only the safety net is missing). Every key starts with `atelier.`.
 */

/** The text stored under `key`, or null (absent, or no storage). */
export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Keeps `text` under `key`; an empty text removes it. */
export function writeStored(key: string, text: string): void {
  try {
    if (text === '') localStorage.removeItem(key);
    else localStorage.setItem(key, text);
  } catch {
    // storage full or disabled: nothing is kept
  }
}

/** Removes `key`, and with `andUnder` every key below it (`key.…`, as a draft's half-typed dates). */
export function removeStored(key: string, andUnder = false): void {
  try {
    localStorage.removeItem(key);
    if (andUnder) for (const name of Object.keys(localStorage)) if (name.startsWith(`${key}.`)) localStorage.removeItem(name);
  } catch {
    // nothing stored
  }
}

/** The value stored as JSON under `key`, or null (absent, no storage, or not JSON). */
export function readStoredJson(key: string): unknown {
  const raw = readStored(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

export function writeStoredJson(key: string, value: unknown): void {
  writeStored(key, JSON.stringify(value));
}
