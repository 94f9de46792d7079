/** #/transfo/:id/cases and one case: found by label and role, as a person finds them. */
import type { Locator, Page } from '@playwright/test';
import { field, typeDate } from './controls.js';
import { ScreenPage } from './ScreenPage.js';

export class CasesPage extends ScreenPage {
  readonly caseRows: Locator;
  readonly caseState: Locator;

  constructor(page: Page) {
    super(page);
    this.caseRows = page.getByTestId('case-row');
    this.caseState = page.getByTestId('case-state');
  }

  /** A part of the case's screen, by its heading. */
  part(heading: string): Locator {
    return this.page.locator('section.case-part').filter({ has: this.page.getByRole('heading', { name: heading, exact: true }) });
  }

  /** Picks `option` in the Select labelled `label` inside `scope`. */
  async chooseIn(scope: Locator, label: string, option: string): Promise<void> {
    await field(scope, label).getByRole('button').click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
    await this.page.getByRole('listbox').waitFor({ state: 'detached' });
  }

  inputIn(scope: Locator, label: string): Locator {
    return field(scope, label).locator('input, textarea').first();
  }

  typeDateIn(scope: Locator, label: string, value: string): Promise<void> {
    return typeDate(scope, label, value);
  }

  /** Ticks the checkbox whose label has `label`. */
  async tick(label: string | RegExp) {
    await this.page.locator('.checkbox', { hasText: label }).click();
  }
}
