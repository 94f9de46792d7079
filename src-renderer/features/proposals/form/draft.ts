/**
 * Drafts of the proposal form, kept in localStorage as a person types, so a closed lid or a
 * crash loses nothing. One per form: `new:<workshop>` or `edit:<proposal>`. Cleared on save.
 */
import type { FormValues } from './form-values';

const PREFIX = 'atelier.draft.proposal.';

export function loadDraft(key: string): Partial<FormValues> | null {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    const parsed = raw ? (JSON.parse(raw) as { values?: unknown }) : null;
    return parsed && typeof parsed.values === 'object' && parsed.values ? (parsed.values as Partial<FormValues>) : null;
  } catch {
    return null;
  }
}

export function saveDraft(key: string, values: Partial<FormValues>): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ values, savedAt: new Date().toISOString() }));
  } catch {
    // storage full or disabled: the form still works, only the safety net is missing
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // nothing to clear
  }
}
