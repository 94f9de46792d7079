/** The people's rights screens (#/people…): search, a person's data, erasure, retention, the access log. */
import type { Locator, Page } from '@playwright/test';

export class PeoplePage {
  readonly heading: Locator;
  readonly actor: Locator;
  readonly search: Locator;
  readonly rows: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.locator('main h1');
    this.actor = page.getByRole('textbox', { name: /Votre nom|Your name/ });
    this.search = page.getByRole('searchbox', { name: /Nom, e-mail|Name, e-mail/ });
    this.rows = page.getByTestId('person-row');
    this.dialog = page.getByRole('dialog');
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }
}
