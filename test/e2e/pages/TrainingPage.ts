/** #/transfo/:id/training, a session's attendance and the matrix: found by label, as a person finds them. */
import type { Locator, Page } from '@playwright/test';
import { typeDate } from './controls.js';
import { ScreenPage } from './ScreenPage.js';

export class TrainingPage extends ScreenPage {
  readonly moduleRows: Locator;
  readonly sessionRows: Locator;
  readonly attendanceSaved: Locator;
  readonly attendanceSummary: Locator;
  readonly matrixRows: Locator;
  readonly behindList: Locator;

  constructor(page: Page) {
    super(page);
    this.moduleRows = page.getByTestId('module-row');
    this.sessionRows = page.getByTestId('session-row');
    this.attendanceSaved = page.getByTestId('attendance-saved');
    this.attendanceSummary = page.getByTestId('attendance-summary');
    this.matrixRows = page.getByTestId('matrix-row');
    this.behindList = page.getByTestId('behind-list');
  }

  typeDate(label: string, value: string): Promise<void> {
    return typeDate(this.page, label, value);
  }

  /** Ticks the module whose label has `label` among the day's modules. */
  async tick(day: number, label: string | RegExp) {
    await this.page.locator('.choice-list').filter({ has: this.page.getByText(`Jour ${day}`, { exact: true }) }).locator('.checkbox', { hasText: label }).click();
  }

  /** The cell of an agent on a day of the attendance table (a select). */
  cell(name: string, day: number): Locator {
    return this.page.getByRole('combobox', { name: `${name}, jour ${day}` });
  }

  /**
   * Records a session's attendance by the keyboard alone: the first cell focused, then for each
   * cell (row by row) the first letter of the status — « p »résent·e, « a »bsent·e, « e »xcusé·e —
   * and Tab to the next.
   */
  async recordByKeyboard(firstCell: Locator, letters: readonly string[]) {
    await firstCell.focus();
    for (const [i, letter] of letters.entries()) {
      await this.page.keyboard.press(letter);
      if (i < letters.length - 1) await this.page.keyboard.press('Tab');
    }
  }
}
