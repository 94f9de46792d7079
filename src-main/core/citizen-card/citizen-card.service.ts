/**
 * The Citizen Card ateliers' rules: the catalogue of atelier types, each occurrence's places
 * (a workshop of the `citizen_card_atelier` kind and its settings record), registrations and
 * their statuses, the announced and published draw (lottery.ts), promotions from the waiting
 * list (promotions.ts), and the day: check-in by card number, registration or QR code,
 * walk-ins when the lab allows them and a place is free, no-shows. Writes go through the
 * funnel only; every change says `citizen-card:changed` with the occurrence's workshop id
 * (the type's or holder's id for those).
 *
 * Holders and registrations are identities (personal scope): only lab desktops receive them,
 * so a field laptop is refused the commands that write them (`validation.labOnly`).
 */
import { createCardContext, type CitizenCardDeps } from './card-context.js';
import { createCatalogueService } from './catalogue.service.js';
import { createDoorService } from './door.service.js';
import { createDrawService } from './draw.service.js';
import { createRegistrationsService } from './registrations.service.js';

export type { CitizenCardDeps } from './card-context.js';

/** The ateliers' commands, one service per theme sharing one context (card-context.ts). */
export function createCitizenCardService(deps: CitizenCardDeps) {
  const ctx = createCardContext(deps);
  return {
    ...createCatalogueService(deps, ctx),
    ...createRegistrationsService(deps, ctx),
    ...createDrawService(deps, ctx),
    ...createDoorService(deps, ctx),
  };
}

export type CitizenCardService = ReturnType<typeof createCitizenCardService>;
