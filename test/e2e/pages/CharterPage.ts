/** The charter screens as the lab and a facilitator find them: by headings, labels and button names. */
import { expect, type Locator, type Page } from '@playwright/test';
import { choose, field, typeDate } from './controls.js';

export class CharterPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.locator('main h1');
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** The text input or text area labelled `label` (a required mark may follow). */
  input(label: string, scope: Page | Locator = this.page): Locator {
    return field(scope, label).locator('input, textarea').first();
  }

  error(label: string): Locator {
    return field(this.page, label).locator('.field__error');
  }

  choose(label: string, option: string): Promise<void> {
    return choose(this.page, label, option);
  }

  /** Ticks the check box of a group (react-aria draws the box; the input is hidden). */
  async tick(group: string, option: string): Promise<void> {
    await field(this.page, group).locator('.checkbox').filter({ hasText: new RegExp(`^${option}$`) }).click();
  }

  radioGroup(name: string): Locator {
    return this.page.getByRole('radiogroup', { name });
  }

  async pick(group: string, option: string | RegExp): Promise<void> {
    await this.radioGroup(group).locator('label').filter({ hasText: option }).click();
  }

  /** The open editor: its fields, filled and saved with Enter in a field or the button. */
  get editor(): Locator {
    return this.page.locator('form.charter-editor');
  }

  async save(): Promise<void> {
    await this.editor.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(this.editor).toHaveCount(0);
  }

  async addChapter(title: string): Promise<void> {
    await this.button('Ajouter un chapitre').click();
    await expect(this.input('Titre', this.editor)).toBeFocused();
    await this.page.keyboard.type(title);
    await this.save();
  }

  async addArticle(chapter: number, title: string, body: string): Promise<void> {
    await this.button(`Ajouter un article au chapitre ${chapter}`).click();
    await this.input('Titre', this.editor).fill(title);
    await this.input('Texte de l’article', this.editor).fill(body);
    await this.save();
  }

  async addQuestion(chapter: number, prompt: string, accepts: string[], article?: string): Promise<void> {
    await this.button(`Ajouter une question au chapitre ${chapter}`).click();
    await this.input('Question posée', this.editor).fill(prompt);
    if (article) await this.choose('Article concerné', article);
    for (const a of accepts) await this.tick('Réponses possibles', a);
    await this.save();
  }

  async addTag(label: string): Promise<void> {
    await this.button('Ajouter un thème').click();
    await this.input('Nom du thème', this.editor).fill(label);
    await this.save();
  }

  async addConsultation(title: string, opensOn: string, closesOn: string, channels: string[]): Promise<void> {
    await this.button('Ajouter une consultation').click();
    await this.input('Titre', this.editor).fill(title);
    await typeDate(this.editor, 'Ouverture', opensOn);
    await typeDate(this.editor, 'Clôture', closesOn);
    for (const c of channels) await this.tick('Canaux', c);
    await this.save();
  }

  /** The rows of a table found by its test id. */
  rows(testId: string): Locator {
    return this.page.getByTestId(testId).locator('tbody tr');
  }
}
