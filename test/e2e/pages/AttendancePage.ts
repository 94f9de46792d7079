/** #/workshops/:id/attendance — the welcome desk, and its arrival dialog. */
import type { Locator, Page } from '@playwright/test';
import { errorOf, field } from './controls.js';

export class AttendancePage {
  readonly search: Locator;
  readonly results: Locator;
  readonly dialog: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('combobox', { name: 'Rechercher une personne inscrite' });
    this.results = page.getByRole('listbox', { name: 'Personnes inscrites trouvées' });
    this.dialog = page.getByRole('dialog');
    this.rows = page.getByTestId('attendance-row');
  }

  count(kind: 'present' | 'anonymous' | 'total' | 'expected'): Locator {
    return this.page.getByTestId(`count-${kind}`).locator('dd');
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  /** Answers a consent question (matched by a few words of it) in the open dialog. */
  async consent(question: RegExp, answer: 'Oui' | 'Non') {
    await this.dialog.getByRole('radiogroup', { name: question }).locator('label').filter({ hasText: new RegExp(`^\\s*${answer}$`) }).click();
  }

  input(label: string): Locator {
    return field(this.dialog, label).locator('input');
  }

  error(label: string): Locator {
    return errorOf(this.dialog, label);
  }

  /** Answers a study question (a row of answers) in the open dialog, as a click on the answer. */
  async answer(question: string, option: string) {
    const escaped = option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // A label may hold a no-break space (« 16 à 25\u00a0ans »): any space matches any space.
    const spaced = escaped.replace(/ /g, '\\s');
    await this.dialog
      .getByRole('radiogroup', { name: question, exact: true })
      .locator('label')
      .filter({ hasText: new RegExp(`^\\s*●?\\s*${spaced}$`) })
      .click();
  }

  /** The radio of `option` in the question `question` of the open dialog. */
  radio(question: string | RegExp, option: string): Locator {
    return this.dialog.getByRole('radiogroup', { name: question }).getByRole('radio', { name: option, exact: true });
  }

  async save(name: string) {
    await this.dialog.getByRole('button', { name }).click();
  }
}
