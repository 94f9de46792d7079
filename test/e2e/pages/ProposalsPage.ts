/** The proposal screens as a facilitator finds them: by headings, labels and button names. */
import { expect, type Locator, type Page } from '@playwright/test';
import { choose, errorOf, field } from './controls.js';

export class ProposalsPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.locator('main h1');
  }

  get map(): Locator {
    return this.page.locator('.paris-map');
  }

  get list(): Locator {
    return this.page.locator('.proposal-list');
  }

  item(title: string): Locator {
    return this.list.locator('.proposal-list__item').filter({ hasText: title });
  }

  get address(): Locator {
    return this.page.getByRole('combobox', { name: 'Adresse' });
  }

  get derivedPlace(): Locator {
    return this.page.getByTestId('derived-place');
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

  /** The new-proposal form of a workshop, empty: any draft a previous form left is dropped first. */
  async openEmptyForm(origin: string, workshopId: string): Promise<void> {
    await this.page.goto(`${origin}/#/workshops/${workshopId}/proposals`);
    await this.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('atelier.draft.')).forEach((k) => localStorage.removeItem(k)));
    await this.page.goto(`${origin}/#/workshops/${workshopId}/proposals/new`);
    await expect(this.heading).toHaveText('Nouvelle proposition');
  }

  async typeAddress(text: string, pick: string): Promise<void> {
    await this.address.fill(text);
    await this.page.getByRole('option', { name: pick }).click();
  }

  /** Clicks the map at a fraction of its width and height (0.5, 0.5: its centre). */
  async clickMap(x = 0.5, y = 0.5): Promise<void> {
    // Centre the map in the window, clear of the notice that sits at the bottom.
    await this.map.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = (await this.map.boundingBox())!;
    await this.page.mouse.click(box.x + box.width * x, box.y + box.height * y);
  }

  /** Ticks the checkbox whose label contains `text` (react-aria draws the box; the input is hidden). */
  async tick(text: string): Promise<void> {
    await this.page.locator('.checkbox', { hasText: text }).click();
  }

  get submit(): Locator {
    return this.page.getByRole('button', { name: 'Enregistrer la proposition' });
  }
}
