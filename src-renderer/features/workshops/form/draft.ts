/**
 * Drafts: what a person types is kept in localStorage as they type, so a closed lid, a crash
 * or a reload loses nothing. One draft per form: `new`, or `edit:<id>`. Cleared on save.
 */
import type { FormValues } from './form-values';

const PREFIX = 'atelier.draft.workshop.';

export interface Draft {
  values: FormValues;
  savedAt: string;
}

export function loadDraft(key: string): Draft | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (!raw) return null;
    const draft = JSON.parse(raw) as Draft;
    return draft && typeof draft === 'object' && draft.values && typeof draft.values === 'object' ? draft : null;
  } catch {
    return null;
  }
}

export function saveDraft(key: string, values: FormValues): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ values, savedAt: new Date().toISOString() } satisfies Draft));
  } catch {
    // storage full or disabled: the form still works, only the safety net is missing
  }
}

/** Where a date of this draft is kept while only half typed (see DateField). */
export function halfTypedDateKey(key: string, field: string): string {
  return `${PREFIX}${key}.${field}`;
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
    for (const name of Object.keys(localStorage)) if (name.startsWith(`${PREFIX}${key}.`)) localStorage.removeItem(name);
  } catch {
    // nothing to clear
  }
}
