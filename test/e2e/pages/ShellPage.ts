/** The frame around every screen: navigation, language switch, sync indicator, notices. */
import type { Locator, Page } from '@playwright/test';

export class ShellPage {
  readonly heading: Locator;
  readonly notice: Locator;
  readonly syncIndicator: Locator;

  constructor(readonly page: Page) {
    this.heading = page.locator('main h1');
    this.notice = page.getByTestId('notice');
    this.syncIndicator = page.getByTestId('sync-indicator');
  }

  async switchLanguage(language: 'fr' | 'en') {
    await this.page.getByRole('radio', { name: language === 'fr' ? 'Français' : 'English' }).or(
      this.page.getByRole('button', { name: language === 'fr' ? 'Français' : 'English' }),
    ).click();
  }

  async newWorkshop() {
    await this.page.getByRole('navigation').getByRole('link', { name: /Nouvel atelier|New workshop/ }).click();
  }
}
