/** #/workshops/new and #/workshops/:id/edit */
import type { Locator, Page } from '@playwright/test';
import { choose, dateValue, errorOf, field, typeDate } from './controls.js';

export interface WorkshopInput {
  kind: string;
  title: string;
  description?: string;
  startsAt: string; // Paris wall-clock, YYYY-MM-DDTHH:mm
  endsAt: string;
  venueName: string;
  venueAddress?: string;
  arrondissement: string; // as shown: « 18e arrondissement »
  inQpv?: boolean;
  capacity?: string;
  partners?: { name: string; type: string }[];
  facilitators?: string[];
}

export class FormPage {
  readonly submit: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.submit = page.getByRole('button', { name: /Créer l’atelier|Enregistrer les modifications|Create the workshop|Save the changes/ });
    this.summary = page.locator('.form-summary [role="alert"]');
  }

  input(label: string): Locator {
    return field(this.page, label).locator('input, textarea').first();
  }

  /** A date field's value: `YYYY-MM-DDTHH:mm:00`. */
  date(label: string): Locator {
    return dateValue(this.page, label);
  }

  typeDate(label: string, value: string): Promise<void> {
    return typeDate(this.page, label, value);
  }

  error(label: string): Locator {
    return errorOf(this.page, label);
  }

  async fill(w: WorkshopInput) {
    await choose(this.page, 'Type d’atelier', w.kind);
    await this.input('Titre').fill(w.title);
    if (w.description) await this.input('Description').fill(w.description);
    await typeDate(this.page, 'Début', w.startsAt);
    await typeDate(this.page, 'Fin', w.endsAt);
    await this.input('Nom du lieu').fill(w.venueName);
    if (w.venueAddress) await this.input('Adresse').fill(w.venueAddress);
    await choose(this.page, 'Arrondissement', w.arrondissement);
    if (w.capacity) await this.input('Nombre de places').fill(w.capacity);
    if (w.inQpv) await this.page.locator('.checkbox', { hasText: 'QPV' }).click();
    for (const [i, p] of (w.partners ?? []).entries()) {
      await this.page.getByRole('button', { name: 'Ajouter une organisation' }).click();
      await this.input(`Nom de l’organisation ${i + 1}`).fill(p.name);
      await choose(this.page, `Type de l’organisation ${i + 1}`, p.type);
    }
    for (const [i, name] of (w.facilitators ?? []).entries()) {
      await this.page.getByRole('button', { name: 'Ajouter une personne' }).click();
      await this.input(`Nom de la personne ${i + 1}`).fill(name);
    }
  }
}
