/** Helpers for the app's react-aria controls, found the way a person finds them: by label. */
import type { Locator, Page } from '@playwright/test';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The field wrapper whose label reads exactly `label` (a required mark may follow). */
export function field(scope: Page | Locator, label: string): Locator {
  const page = 'page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page);
  return scope.locator('.field').filter({ has: page.locator('.field__label').filter({ hasText: new RegExp(`^${escape(label)}( \\*)?$`) }) });
}

/** Picks `option` in the react-aria Select labelled `label`. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await field(page, label).getByRole('button').click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

export function errorOf(scope: Page | Locator, label: string): Locator {
  return field(scope, label).locator('.field__error');
}

/**
 * Types a date (`YYYY-MM-DD`) or a date and time (`YYYY-MM-DDTHH:mm`) into the date field
 * labelled `label`, from its first segment, as a person types it: day, month, year, hours,
 * minutes (the order of both languages; react-aria moves on to the next segment by itself).
 */
export async function typeDate(scope: Page | Locator, label: string, value: string): Promise<void> {
  const page = 'page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page);
  await field(scope, label).getByRole('spinbutton').first().click();
  await page.keyboard.type(dateKeys(value));
}

/** The keys a person types for a value: « 14032026 1830 » for 2026-03-14T18:30. */
export function dateKeys(value: string): string {
  const [date = '', time] = value.split('T');
  const [y, m, d] = date.split('-');
  return `${d}${m}${y}${time ? time.replace(':', '') : ''}`;
}

/** What a date field holds, as its form sends it (`YYYY-MM-DD` or `YYYY-MM-DDTHH:mm:00`). */
export function dateValue(scope: Page | Locator, label: string): Locator {
  return field(scope, label).locator('input[type="hidden"]');
}
