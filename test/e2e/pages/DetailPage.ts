/** #/workshops/:id */
import type { Locator, Page } from '@playwright/test';
import { field } from './controls.js';

export class DetailPage {
  readonly status: Locator;
  readonly minutes: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.status = page.locator('.facts .status-badge');
    this.minutes = page.getByTestId('minutes');
    this.dialog = page.getByRole('dialog');
  }

  fact(label: string): Locator {
    return this.page.locator('.facts__item').filter({ has: this.page.locator('dt', { hasText: label }) }).locator('dd');
  }

  action(name: string | RegExp): Locator {
    return this.page.getByRole('group', { name: /Actions/ }).getByRole('button', { name });
  }

  async openWorkshop() {
    await this.action('Ouvrir l’atelier').click();
  }

  async startClosing() {
    await this.action('Clore avec un compte rendu').click();
    await this.dialog.waitFor();
  }

  minutesField(): Locator {
    return field(this.dialog, 'Compte rendu').locator('textarea');
  }

  async confirmClose() {
    await this.dialog.getByRole('button', { name: 'Clore l’atelier' }).click();
  }
}
