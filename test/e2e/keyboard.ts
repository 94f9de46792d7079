/** Keyboard-only helpers: move with Tab as a person would, never by clicking. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Presses Tab until `target` has focus; fails if it is not reached within `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/**
 * Types a Paris wall-clock time into a focused datetime-local field, segment by segment.
 * Day equals month and the AM/PM letter is harmless in 24-hour locales, so this works
 * whichever order the browser's locale shows the segments in.
 */
export async function typeDateTime(page: Page, dayAndMonth: string, year: string, hour: string, minute: string, meridiem: 'A' | 'P') {
  await page.keyboard.type(`${dayAndMonth}${dayAndMonth}${year}`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(`${hour}${minute}${meridiem}`);
}
