/**
 * `shell.openExternal` hands a URL to the OS, which may run a program for it (file:, smb:,
 * custom handlers). Only https pages of a few City of Paris sites are ever opened.
 */
import type { Shell } from 'electron';
import { parseUrl } from './app-origin.js';

export const EXTERNAL_ORIGINS: ReadonlySet<string> = new Set([
  'https://www.paris.fr',
  'https://budgetparticipatif.paris.fr',
  'https://opendata.paris.fr',
]);

export function isAllowedExternalUrl(raw: unknown, allowed: ReadonlySet<string> = EXTERNAL_ORIGINS): boolean {
  const url = parseUrl(raw);
  if (url === null || url.protocol !== 'https:') return false;
  // Credentials in the URL are a classic phishing disguise (https://www.paris.fr@evil.example).
  if (url.username !== '' || url.password !== '') return false;
  return allowed.has(url.origin);
}

/** Opens the URL when it is allowed; says whether it did, never throws. */
export async function openExternalSafely(shell: Pick<Shell, 'openExternal'>, raw: unknown): Promise<boolean> {
  if (!isAllowedExternalUrl(raw)) return false;
  try {
    await shell.openExternal(new URL(raw as string).href);
    return true;
  } catch {
    return false;
  }
}
