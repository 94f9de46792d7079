/** #/citizen-card, a session, its door, the card holders: found by label, as a person finds them. */
import type { Locator, Page } from '@playwright/test';
import { typeDate } from './controls.js';
import { ScreenPage } from './ScreenPage.js';

export class CitizenCardPage extends ScreenPage {
  readonly typeRows: Locator;
  readonly occurrenceRows: Locator;
  readonly registrationRows: Locator;
  readonly doorRows: Locator;
  readonly holderPicker: Locator;
  readonly dialog: Locator;

  constructor(page: Page) {
    super(page);
    this.typeRows = page.getByTestId('atelier-type-row');
    this.occurrenceRows = page.getByTestId('occurrence-row');
    this.registrationRows = page.getByTestId('registration-row');
    this.doorRows = page.getByTestId('door-row');
    this.holderPicker = page.getByRole('combobox', { name: /Titulaire de la carte|Card holder/ });
    this.dialog = page.getByRole('dialog');
  }

  typeDate(label: string, value: string): Promise<void> {
    return typeDate(this.page, label, value);
  }

  /** Ticks (or unticks) the checkbox `label`. */
  async tick(label: string | RegExp) {
    await this.page.locator('.checkbox', { hasText: label }).click();
  }

  /** A figure of the session (`places`, `registered`, `drawn`, `waiting`, `attended`, `no-show`, `free`…). */
  count(key: string): Locator {
    return this.page.getByTestId(`card-count-${key}`).locator('dd');
  }

  /** Finds a holder by a few letters and chooses the first match with Enter. */
  async pickHolder(query: string) {
    await this.holderPicker.fill(query);
    await this.page.getByRole('listbox', { name: /Titulaires trouvés|Holders found/ }).getByRole('option').first().waitFor();
    await this.holderPicker.press('Enter');
  }
}
