/** What every screen's page object finds the same way: by role and name, or by a field's label, as a person does. */
import type { Locator, Page } from '@playwright/test';
import { choose, errorOf, field } from './controls.js';

export class ScreenPage {
  constructor(readonly page: Page) {}

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
}
