/**
 * The Citizen Card ateliers' papers, as the handlers call them (citizen-card.handlers.ts): reads
 * the occurrence and its people, then hands plain data to the builders (papers-pdf.ts, loaded on
 * the first paper, not with the core).
 *
 * - `signInSheet`: the people holding a place (drawn, confirmed, arrived), in the language asked.
 * - `certificates`: one page per person who attended (all of them, or those named). FRENCH ONLY:
 *   the City issues its certificates in French; the input has no language.
 * - `confirmations`: one page per drawn or confirmed person, with the QR code the desk scans.
 *
 * A paper never shows a whole card number (maskedCardNumber) nor an e-mail or a phone: only the
 * name, as needed to sign, to certify or to address a confirmation. A holder whose identity was
 * purged or erased has no name left: the row keeps its masked number, the name is blank.
 */
import { maskedCardNumber } from '#shared/citizen-card/card-number.js';
import type { RegistrationStatus } from '#shared/citizen-card/citizen-card.schema.js';
import type { CommandOutput, CommandParsedInput } from '#shared/contract.js';
import { fail, ok, type Result } from '#shared/result.js';
import type { ServiceDeps } from '../deps.js';
import type { Executor } from '../store/executor.js';
import { findWorkshopRow } from '../workshops/workshops.repository.js';
import type { PaperOccurrence, PaperPerson } from './papers-pdf.js';

type Pdf = Result<CommandOutput<'citizen-card:sign-in-sheet'>>;

/** Who holds a place on the day, who gets a confirmation, who gets a certificate. */
export const SHEET_STATUSES: readonly RegistrationStatus[] = ['drawn', 'confirmed', 'attended'];
export const CONFIRMATION_STATUSES: readonly RegistrationStatus[] = ['drawn', 'confirmed'];
export const CERTIFICATE_STATUSES: readonly RegistrationStatus[] = ['attended'];

/** The occurrence as the papers print it, or null when it is not a live Citizen Card atelier. */
export async function paperOccurrence(db: Executor, workshopId: string): Promise<PaperOccurrence | null> {
  const w = await findWorkshopRow(db, workshopId);
  if (!w || w.deleted_at !== null || w.kind !== 'citizen_card_atelier') return null;
  const settings = await db
    .selectFrom('card_occurrences as o')
    .leftJoin('card_atelier_types as t', (j) => j.onRef('t.id', '=', 'o.atelier_type_id').on('t.deleted_at', 'is', null))
    .select(['o.places', 'o.walk_ins_allowed', 't.duration_minutes'])
    .where('o.workshop_id', '=', workshopId)
    .where('o.deleted_at', 'is', null)
    .executeTakeFirst();
  return {
    title: w.title,
    startsAt: w.starts_at,
    venueName: w.venue_name,
    venueAddress: w.venue_address || null,
    places: settings?.places ?? w.capacity ?? null,
    walkInsAllowed: settings ? settings.walk_ins_allowed === 1 : false,
    durationMinutes: settings?.duration_minutes ?? null,
  };
}

/** The live registrations of an occurrence in these statuses, with the name and the masked number only. */
export async function paperPeople(db: Executor, workshopId: string, statuses: readonly RegistrationStatus[], registrationIds?: readonly string[]): Promise<PaperPerson[]> {
  let query = db
    .selectFrom('card_registrations as r')
    .innerJoin('card_holders as h', 'h.id', 'r.holder_id')
    .leftJoin('people as p', (j) => j.onRef('p.id', '=', 'h.person_id').on('p.deleted_at', 'is', null))
    .select(['r.id', 'p.name', 'h.card_number'])
    .where('r.workshop_id', '=', workshopId)
    .where('r.deleted_at', 'is', null)
    .where('r.status', 'in', [...statuses]);
  if (registrationIds) query = query.where('r.id', 'in', registrationIds.length ? [...registrationIds] : ['']);
  const rows = await query.execute();
  return rows.map((r) => ({ registrationId: r.id, name: r.name ?? '', maskedCardNumber: r.card_number ? maskedCardNumber(r.card_number) : null }));
}

export function createCardPapers(ctx: ServiceDeps) {
  const { db } = ctx;
  const noOccurrence = (workshopId: string) => fail('not_found', `No Citizen Card atelier ${workshopId}`);

  return {
    async signInSheet({ workshopId, locale }: CommandParsedInput<'citizen-card:sign-in-sheet'>): Promise<Pdf> {
      const occurrence = await paperOccurrence(db, workshopId);
      if (!occurrence) return noOccurrence(workshopId);
      const people = await paperPeople(db, workshopId, SHEET_STATUSES);
      // pdf-lib loads on the first paper, not with the core: start-up stays fast.
      const { buildCardSignInSheet } = await import('./papers-pdf.js');
      return ok(await buildCardSignInSheet(occurrence, people, locale));
    },

    /** French only (see the module comment). Names registrations that did not attend here: refused, nothing printed. */
    async certificates({ workshopId, registrationIds }: CommandParsedInput<'citizen-card:certificates'>): Promise<Pdf> {
      const occurrence = await paperOccurrence(db, workshopId);
      if (!occurrence) return noOccurrence(workshopId);
      const people = await paperPeople(db, workshopId, CERTIFICATE_STATUSES, registrationIds);
      if (registrationIds && people.length < new Set(registrationIds).size) {
        return fail('invalid_transition', 'A certificate is only for a person who attended this atelier');
      }
      if (people.length === 0) return fail('invalid_transition', 'Nobody attended this atelier: no certificate to print');
      const { buildCertificates } = await import('./papers-pdf.js');
      return ok(await buildCertificates(occurrence, people, ctx.now()));
    },

    async confirmations({ workshopId, locale }: CommandParsedInput<'citizen-card:confirmations'>): Promise<Pdf> {
      const occurrence = await paperOccurrence(db, workshopId);
      if (!occurrence) return noOccurrence(workshopId);
      const people = await paperPeople(db, workshopId, CONFIRMATION_STATUSES);
      if (people.length === 0) return fail('invalid_transition', 'Nobody is drawn or confirmed: no confirmation to print');
      const { buildConfirmations } = await import('./papers-pdf.js');
      return ok(await buildConfirmations(occurrence, people, locale));
    },
  };
}

export type CardPapers = ReturnType<typeof createCardPapers>;
