/** The study dashboard (#/study): scope choice, key figures, tables beside charts, downloads. */
import type { Locator, Page } from '@playwright/test';

export class StudyPage {
  readonly heading: Locator;
  readonly covers: Locator;

  constructor(readonly page: Page) {
    this.heading = page.locator('main h1');
    this.covers = page.getByTestId('study-covers');
  }

  async open(origin: string, query = '') {
    await this.page.goto(`${origin}/#/study${query ? `?${query}` : ''}`);
  }

  async chooseScope(name: RegExp) {
    // react-aria's radio input is visually hidden: a person clicks its label.
    await this.page.locator('label.radio', { hasText: name }).click();
    await this.page.getByRole('radio', { name }).isChecked();
  }

  async chooseWorkshop(title: RegExp) {
    await this.page.getByRole('button', { name: /Atelier|Workshop/ }).click();
    await this.page.getByRole('option', { name: title }).click();
  }

  headline(key: string): Locator {
    return this.page.getByTestId(`study-headline-${key}`).locator('dd');
  }

  /** The table (not the chart) of a figure: what a screen reader reads. */
  table(id: string): Locator {
    return this.page.getByTestId(`study-table-${id}`).getByRole('table');
  }

  /** The count shown in a table's row, by the row's header. */
  count(id: string, row: string | RegExp): Locator {
    return this.table(id).getByRole('row', { name: row }).getByRole('cell').first();
  }

  exportButton(format: 'csv' | 'xlsx' | 'geojson' | 'pdf'): Locator {
    return this.page.getByTestId(`study-export-${format}`);
  }
}
