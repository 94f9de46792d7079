/** #/workshops */
import type { Locator, Page } from '@playwright/test';
import { choose, field, typeDate } from './controls.js';

export class ListPage {
  readonly rows: Locator;
  readonly count: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('workshop-row');
    this.count = page.getByTestId('list-count');
    this.search = field(page, 'Rechercher par titre').getByRole('searchbox');
  }

  async goto(origin: string) {
    await this.page.goto(`${origin}/#/workshops`);
  }

  row(title: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  titles(): Promise<string[]> {
    return this.rows.getByRole('link').allTextContents();
  }

  filterKind(label: string) {
    return choose(this.page, 'Type', label);
  }
  filterStatus(label: string) {
    return choose(this.page, 'État', label);
  }
  filterArrondissement(label: string) {
    return choose(this.page, 'Arrondissement', label);
  }
  async filterDates(from: string, to: string) {
    await typeDate(this.page, 'Du', from);
    await typeDate(this.page, 'Au', to);
  }
  async clearFilters() {
    await this.page.getByRole('button', { name: 'Effacer les filtres' }).first().click();
  }
  async open(title: string) {
    await this.page.getByRole('link', { name: title, exact: true }).click();
  }
}
