/** Keyboard-only helpers: move with Tab as a person would, never by clicking. */
import { expect, type Locator, type Page } from '@playwright/test';
import { dateKeys } from './pages/controls.js';

/** Presses Tab until `target` has focus; fails if it is not reached within `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/**
 * Types a Paris wall-clock time (`YYYY-MM-DDTHH:mm`) into a date field whose first segment has
 * the focus: day, month, year, hours, minutes, in the app's own order (the same in French and
 * English), react-aria moving from segment to segment by itself.
 */
export async function typeDateTime(page: Page, value: string) {
  await page.keyboard.type(dateKeys(value));
}
