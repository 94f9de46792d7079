/** #/transfo, a call, a candidate, the comparison and the letters: found by label, as a person finds them. */
import type { Locator, Page } from '@playwright/test';
import { choose, errorOf, field, typeDate } from './controls.js';

export class TransfoPage {
  readonly campaignRows: Locator;
  readonly candidateRows: Locator;
  readonly candidateCount: Locator;
  readonly balanceStatus: Locator;
  readonly currentStage: Locator;

  constructor(readonly page: Page) {
    this.campaignRows = page.getByTestId('campaign-row');
    this.candidateRows = page.getByTestId('candidate-row');
    this.candidateCount = page.getByTestId('candidate-count');
    this.balanceStatus = page.getByTestId('balance-status');
    this.currentStage = page.getByTestId('current-stage');
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  link(name: string | RegExp): Locator {
    return this.page.getByRole('link', { name });
  }

  input(label: string): Locator {
    return field(this.page, label).locator('input, textarea').first();
  }

  error(label: string): Locator {
    return errorOf(this.page, label);
  }

  choose(label: string, option: string): Promise<void> {
    return choose(this.page, label, option);
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
