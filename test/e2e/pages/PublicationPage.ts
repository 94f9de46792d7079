/** #/publications and a publication: found by label, as a person finds them. */
import type { Locator, Page } from '@playwright/test';
import { field } from './controls.js';
import { ScreenPage } from './ScreenPage.js';

export class PublicationPage extends ScreenPage {
  readonly rows: Locator;
  readonly versionRows: Locator;
  readonly candidatePhotos: Locator;
  readonly status: Locator;

  constructor(page: Page) {
    super(page);
    this.rows = page.getByTestId('publication-row');
    this.versionRows = page.getByTestId('version-row');
    this.candidatePhotos = page.getByTestId('candidate-photo');
    this.status = page.locator('.publication__status');
  }

  /** A form by its heading (the month's and the year's share their labels). */
  form(heading: string): Locator {
    return this.page.getByRole('region', { name: heading });
  }

  inputIn(scope: Locator, label: string): Locator {
    return field(scope, label).locator('input, textarea').first();
  }

  /** Ticks the checkbox whose label has `label`. */
  async tick(label: string | RegExp) {
    await this.page.locator('.checkbox', { hasText: label }).click();
  }
}
