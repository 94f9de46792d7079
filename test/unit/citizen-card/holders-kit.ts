/**
 * The holders' service on a real database (the real migrations, in memory), its inputs parsed
 * by the contract's schemas as the dispatcher parses them, a settable clock and the events it
 * emitted; helpers to write the records other services write (workshops, registrations,
 * attendances) through the real funnel. Not a test file itself.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { personCodec, attendanceCodec } from '#core/attendance/attendance.codecs.js';
import { cardHolderCodec, cardRegistrationCodec } from '#core/citizen-card/citizen-card.codecs.js';
import { createHoldersService } from '#core/citizen-card/holders.service.js';
import type { ServiceDeps } from '#core/deps.js';
import { prepareDatabase } from '#core/store/migrate.js';
import { runWrite } from '#core/store/synced-write.js';
import { createWorkshopsService } from '#core/workshops/workshops.service.js';
import {
  holderImportInputSchema,
  holderMergeInputSchema,
  holderSaveInputSchema,
  holderSearchInputSchema,
  type Holder,
  type RegistrationStatus,
} from '#shared/citizen-card/citizen-card.schema.js';
import { ok, type Result } from '#shared/result.js';
import { workshopFields } from '../core/test-core.js';

export const IMPORT_HEADER = ['Numéro de carte', 'Nom', 'Prénom', 'Année de naissance', 'Arrondissement', 'Courriel', 'Téléphone', 'Consentement'];

export function must<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

export async function holdersWorld(start = '2026-03-01T09:00:00.000Z') {
  const prepared = await prepareDatabase({ file: ':memory:', backupDir: '', key: null });
  let clock = new Date(start);
  const events: { name: string; payload: unknown }[] = [];
  const deps: ServiceDeps = {
    db: prepared.db,
    now: () => clock,
    newId: () => randomUUID(),
    emit: (name, payload) => void events.push({ name, payload }),
  };
  const holders = createHoldersService(deps);
  const workshops = createWorkshopsService(deps);
  const sqlite = prepared.sqlite;
  const count = (sql: string, ...params: unknown[]) => (sqlite.prepare(sql).pluck().get(...params) as number) ?? 0;

  return {
    deps,
    holders,
    sqlite,
    events,
    count,
    setNow: (iso: string) => void (clock = new Date(iso)),
    close: () => prepared.db.destroy(),
    search: (query: string, limit?: number) => holders.search(holderSearchInputSchema.parse({ query, limit })),
    save: (input: z.input<typeof holderSaveInputSchema>) => holders.save(holderSaveInputSchema.parse(input)),
    import: (input: Omit<z.input<typeof holderImportInputSchema>, 'header'> & { header?: string[] }) =>
      holders.importChunk(holderImportInputSchema.parse({ header: IMPORT_HEADER, ...input })),
    merge: (keep: Holder, gone: Holder) =>
      holders.merge(holderMergeInputSchema.parse({ keepId: keep.id, keepVersion: keep.version, mergeId: gone.id, mergeVersion: gone.version })),
    async atelier(title: string, startsAt = '2026-04-14T18:30', endsAt = '2026-04-14T20:30') {
      return must(await workshops.create(workshopFields({ kind: 'citizen_card_atelier', title, startsAt, endsAt })));
    },
    /** A registration as CARD-CORE's service writes it (through the funnel). */
    async register(workshopId: string, holderId: string, status: RegistrationStatus = 'registered') {
      return must(
        await runWrite(deps, async (w) =>
          ok(
            await w.insert(cardRegistrationCodec, {
              fields: { workshopId, holderId, channel: 'desk', status, groups: [], rank: null, registeredAt: w.at, statusChangedAt: w.at, recordedBy: 'Inès Lab' },
            }),
          ),
        ),
      );
    },
    /** An attendance at an ordinary workshop, as the welcome desk writes it. */
    async attend(workshopId: string, personId: string) {
      return must(
        await runWrite(deps, async (w) =>
          ok(
            await w.insert(attendanceCodec, {
              fields: { workshopId, personId, profileId: null, status: 'present', source: 'pre_registered', checkedInAt: w.at, recordedBy: 'Inès Lab' },
            }),
          ),
        ),
      );
    },
    /** A holder recorded on another laptop with a card number already used here (arrives by a pull, unchecked). */
    async holderFromElsewhere(cardNumber: string, name: string, extra: { birthYear?: number | null; email?: string | null } = {}) {
      const id = must(
        await runWrite(deps, async (w) => {
          const person = await w.insert(personCodec, { fields: { name, email: extra.email ?? null, phone: null, citizenCardNumber: cardNumber } });
          const holder = await w.insert(cardHolderCodec, {
            fields: {
              personId: person.id,
              cardNumber,
              birthYear: extra.birthYear ?? null,
              arrondissement: null,
              contactConsent: false,
              contactConsentAt: null,
              source: 'desk',
              mergedInto: null,
              listedAt: null,
            },
          });
          return ok(holder.id);
        }),
      );
      return must(await holders.history({ id })).holder;
    },
  };
}

export type HoldersWorld = Awaited<ReturnType<typeof holdersWorld>>;

/** A line of the City's file in IMPORT_HEADER's order (`;`). */
export function cityLine(card: string, last: string, first: string, more: Partial<Record<'year' | 'arr' | 'email' | 'phone' | 'consent', string>> = {}): string {
  return [card, last, first, more.year ?? '', more.arr ?? '', more.email ?? '', more.phone ?? '', more.consent ?? ''].join(';');
}
