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
