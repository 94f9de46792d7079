/**
 * Online registrations to Citizen Card ateliers (POST /v1/citizen-card/registrations): the
 * City's website, enrolled like a device, posts a holder's card number for an occurrence; the
 * portal finds the live holder with that number among its records and stores a
 * `card_registration` (channel `online`) as a device's push would, so lab desktops pull it like
 * any record. Its id is derived from the occurrence and the holder (derived-id.ts), as the
 * desk's are: posting again (the same `externalId`, or another one for the same holder) makes
 * no second record — one holder once per occurrence. An unknown card number, an occurrence the
 * portal does not hold, or an announced draw (the list is closed) are typed 422 answers.
 */
import type { Kysely, Transaction } from 'kysely';
import type { PortalDatabase } from '#db/portal/schema.js';
import { normalizeCardNumber } from '#shared/citizen-card/card-number.js';
import { drawId, registrationId } from '#shared/citizen-card/derived-id.js';
import type { OnlineRegistration } from '#shared/citizen-card/citizen-card-sync.schema.js';
import type { RegistrationStatus } from '#shared/citizen-card/citizen-card.schema.js';
import { syncEntitySchemas } from '#shared/sync/entities.js';
import { sha256Hex } from './auth.js';
import type { PortalDialect } from './database.js';
import { PortalError } from './errors.js';
import { mergeChange } from './merge.js';
import { readPortalMeta, storeLastSerial } from './portal-meta.js';
import { findRecords, recordKey, saveRecords } from './records-repository.js';

type Db = Kysely<PortalDatabase> | Transaction<PortalDatabase>;
type Fields = Record<string, unknown>;

export interface OnlineRegistrationAnswer {
  registrationId: string;
  status: RegistrationStatus;
  /** false when the holder was already registered to this occurrence (nothing written). */
  created: boolean;
}

/**
 * Records of `entity` whose stored JSON holds `"<field>":"<value>"`, parsed. The values looked
 * up here are normalised card numbers and UUIDs (letters, digits, dashes): nothing a LIKE
 * pattern would read as a wildcard, and the exact value is checked again on the parsed record.
 */
async function recordsWith(db: Db, entity: string, field: string, value: string): Promise<{ recordId: string; createdAt: string; fields: Fields }[]> {
  if (!/^[A-Za-z0-9-]+$/.test(value)) return [];
  const rows = await db
    .selectFrom('records')
    .select(['record_id', 'created_at', 'fields'])
    .where('entity', '=', entity)
    .where('fields', 'like', `%"${field}":"${value}"%`)
    .execute();
  return rows.map((r) => ({ recordId: r.record_id, createdAt: r.created_at, fields: JSON.parse(r.fields) as Fields })).filter((r) => r.fields[field] === value);
}

const unprocessable = (code: 'unknown_card' | 'unknown_atelier' | 'registrations_closed', message: string, field: string, key: string) =>
  new PortalError(422, code, message, { fields: { [field]: key } });

export async function registerOnline(
  ctx: { db: Kysely<PortalDatabase>; dialect: PortalDialect; deviceId: string; now: Date },
  input: OnlineRegistration,
): Promise<OnlineRegistrationAnswer> {
  const cardNumber = normalizeCardNumber(input.cardNumber);
  return ctx.db.transaction().execute(async (trx) => {
    // Serial allocation is serialised by this lock (PostgreSQL), as a push's is.
    const meta = await readPortalMeta(trx, ctx.dialect);
    if (!meta) throw new Error('portal_meta row missing');

    const workshops = await findRecords(trx, [{ entity: 'workshop', recordId: input.workshopId }]);
    const workshop = workshops.get(recordKey('workshop', input.workshopId));
    const workshopFields = workshop ? (JSON.parse(workshop.fields) as Fields) : null;
    if (!workshopFields || workshopFields.kind !== 'citizen_card_atelier' || workshopFields.deletedAt !== null || workshopFields.status === 'cancelled') {
      throw unprocessable('unknown_atelier', 'The portal holds no open Citizen Card atelier with this id.', 'workshopId', 'validation.unknownAtelier');
    }

    const holders = (await recordsWith(trx, 'card_holder', 'cardNumber', cardNumber))
      .filter((h) => h.fields.deletedAt === null && h.fields.mergedInto === null)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.recordId.localeCompare(b.recordId));
    const holder = holders[0];
    if (!holder) throw unprocessable('unknown_card', 'No holder has this Citizen Card number.', 'cardNumber', 'validation.unknownCard');

    const id = registrationId(sha256Hex, input.workshopId, holder.recordId);
    const existing = (await findRecords(trx, [{ entity: 'card_registration', recordId: id }])).get(recordKey('card_registration', id));
    if (existing) {
      const fields = JSON.parse(existing.fields) as Fields;
      return { registrationId: id, status: fields.status as RegistrationStatus, created: false };
    }
    const draw = (await findRecords(trx, [{ entity: 'card_draw', recordId: drawId(sha256Hex, input.workshopId) }])).size > 0;
    if (draw) throw unprocessable('registrations_closed', 'The draw of this atelier is announced: the list is closed.', 'workshopId', 'validation.registrationsClosed');

    // first_timer is computed, as at the desk: no atelier attended before.
    const attendedBefore = (await recordsWith(trx, 'card_registration', 'holderId', holder.recordId)).some((r) => r.fields.status === 'attended' && r.fields.deletedAt === null);
    const groups = [...new Set([...(attendedBefore ? [] : ['first_timer']), ...input.groups.filter((g) => g !== 'first_timer')])];
    const at = new Date(input.submittedAt).toISOString();
    const fields = {
      workshopId: input.workshopId,
      holderId: holder.recordId,
      channel: 'online',
      status: 'registered',
      groups,
      rank: null,
      registeredAt: at,
      statusChangedAt: at,
      recordedBy: `online:${input.externalId}`.slice(0, 120),
      deletedAt: null,
    };
    const outcome = mergeChange(null, { deviceId: ctx.deviceId, capturedAt: ctx.now.toISOString(), baseRevision: 0, fields });
    const whole = syncEntitySchemas.card_registration.record.safeParse(outcome.state.fields);
    if (!whole.success) throw new Error('an online registration failed its own record schema');
    const serial = meta.lastSerial + 1;
    await saveRecords(trx, [{ entity: 'card_registration', recordId: id, state: outcome.state, serial, deviceId: ctx.deviceId, at: ctx.now.toISOString(), exists: false }]);
    await storeLastSerial(trx, serial, ctx.now);
    return { registrationId: id, status: 'registered', created: true };
  });
}
