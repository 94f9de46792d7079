/**
 * Every kind in the `personal` scope decides whether it holds identity fields: it declares them
 * on its codec (`personal`), so the rights cover it, or it is listed here with why it holds
 * none. A new identity table that forgets its declaration fails here, not in a person's file.
 */
import { describe, expect, it } from 'vitest';
import { syncedTables } from '#core/synced-tables.js';
import { syncEntitySchemas } from '#shared/sync/entities.js';
import { entityScopes, type SyncEntity } from '#shared/sync/protocol.schema.js';

const holdsNoIdentity: Partial<Record<SyncEntity, string>> = {
  attendance: 'names its person by id only; `recordedBy` is the facilitator, staff acting for the City',
  consent: 'the proof of what was agreed: purpose, answer, text version, time; no contact',
  card_registration: 'names its holder by id only, with the channel, status and priority groups; `recordedBy` is staff acting for the City',
  transfo_case: 'a practical case names no resident (`usersMet` says who was met, never names); next steps’ owners are lab members or City agents acting for the City',
  transfo_campaign: 'a call for volunteers: title, dates, the profile sought, the balance rules; `purgedBy` is staff acting for the City',
  transfo_module: 'a module of the training: method, title, objectives, order',
  transfo_session: 'a training session: its workshop, days and modules; facilitators and resident designers are staff and contractors acting for the City',
};

describe('personal data declared on the codecs', () => {
  for (const [entity, scope] of Object.entries(entityScopes) as [SyncEntity, string][]) {
    if (scope !== 'personal') continue;
    it(`${entity} declares its identity fields, or says why it holds none`, () => {
      const codec = syncedTables[entity];
      expect(codec.personal !== null || holdsNoIdentity[entity] !== undefined, `${entity}: declare \`personal\` on its codec`).toBe(true);
    });
  }

  it('declares only fields of the record that can be null, of kinds the portal lets an erasure wipe', () => {
    for (const codec of Object.values(syncedTables)) {
      if (!codec.personal) continue;
      expect(entityScopes[codec.entity]).toBe('personal');
      const shape = (syncEntitySchemas[codec.entity].change as unknown as { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> }).shape;
      for (const field of codec.personal.fields) expect(shape[field]?.safeParse(null).success, `${codec.entity}.${field}`).toBe(true);
      expect(syncedTables[codec.personal.subject].personal?.subject).toBe(codec.personal.subject);
    }
  });
});
