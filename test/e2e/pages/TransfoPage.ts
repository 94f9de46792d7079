/** #/transfo, a call, a candidate, the comparison and the letters: found by label, as a person finds them. */
import type { Locator, Page } from '@playwright/test';
import { field, typeDate } from './controls.js';
import { ScreenPage } from './ScreenPage.js';

export class TransfoPage extends ScreenPage {
  readonly campaignRows: Locator;
  readonly candidateRows: Locator;
  readonly candidateCount: Locator;
  readonly balanceStatus: Locator;
  readonly currentStage: Locator;

  constructor(page: Page) {
    super(page);
    this.campaignRows = page.getByTestId('campaign-row');
    this.candidateRows = page.getByTestId('candidate-row');
    this.candidateCount = page.getByTestId('candidate-count');
    this.balanceStatus = page.getByTestId('balance-status');
    this.currentStage = page.getByTestId('current-stage');
  }

  /** The form of a new application (its fields share labels with the list's filters). */
  get candidateForm(): Locator {
    return this.page.getByRole('region', { name: 'Nouvelle candidature' });
  }

  /** Picks `option` in the Select labelled `label` inside `scope`. */
  async chooseIn(scope: Locator, label: string, option: string): Promise<void> {
    await field(scope, label).getByRole('button').click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
    await this.page.getByRole('listbox').waitFor({ state: 'detached' });
  }

  typeDate(label: string, value: string): Promise<void> {
    return typeDate(this.page, label, value);
  }

  /** Picks the radio answer labelled exactly `label`. */
  async pick(label: string) {
    await this.page.locator('.choice__option').filter({ has: this.page.getByRole('radio', { name: label, exact: true }) }).click();
  }

  /** Ticks the checkbox whose label has `label`. */
  async tick(label: string | RegExp) {
    await this.page.locator('.checkbox', { hasText: label }).click();
  }
}
