/**
 * Every codec of the registry, checked against its shared record schema with generated
 * records: a new synced record kind is covered as soon as it is in synced-tables.ts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.js';
import { syncedTables } from '#core/synced-tables.js';
import type { AnyCodec } from '#core/store/codec.js';
import { prepareDatabase } from '#core/store/migrate.js';
import { findSyncedRow, runWrite } from '#core/store/synced-write.js';
import { ok } from '#shared/result.js';
import { syncEntitySchemas } from '#shared/sync/entities.js';
import { arbitraryFromZod, fieldsOfZod } from './zod-arbitrary.js';

let db: Kysely<Database>;
beforeAll(async () => {
  db = (await prepareDatabase({ file: ':memory:', backupDir: '', now: () => new Date() })).db;
});
afterAll(async () => {
  await db.destroy();
});

/** A whole row of the codec's table for these synced fields, as a pull would write it. */
function rowOf(codec: AnyCodec, fields: Record<string, unknown>): Record<string, unknown> {
  const base = { ...codec.columns(fields), id: crypto.randomUUID(), version: 3, created_at: '2026-03-01T09:00:00.000Z', updated_at: '2026-03-02T09:00:00.000Z', synced_revision: 7 };
  return { ...base, ...codec.derive(base) };
}

for (const [entity, codec] of Object.entries(syncedTables) as [keyof typeof syncedTables, AnyCodec][]) {
  const schema = syncEntitySchemas[entity].record;
  // Whole records as the portal accepts them (its cross-field rules are also the table's CHECKs).
  const records = arbitraryFromZod(schema).filter((fields) => schema.safeParse(fields).success);

  describe(`the ${entity} codec`, () => {
    it('maps exactly the fields of the shared record schema', () => {
      expect([...codec.fieldNames].sort()).toEqual(fieldsOfZod(schema).sort());
    });

    it('round-trips any record: row → snapshot → columns → the same row, and a row has no change with itself', () => {
      fc.assert(
        fc.property(records, (fields) => {
          const row = rowOf(codec, fields);
          const snapshot = codec.snapshot(row);
          expect(snapshot).toEqual(fields);
          const again = rowOf(codec, snapshot as Record<string, unknown>);
          expect({ ...again, id: row.id }).toEqual(row);
          expect(codec.changedFields(row as never, row as never)).toEqual({});
          const record = codec.toRecord(row) as Record<string, unknown>;
          expect(record).toMatchObject({ ...fields, id: row.id, version: 3 });
        }),
        { numRuns: 200 },
      );
    });

    it('stores any record in its STRICT table through the write funnel and reads it back the same', async () => {
      await fc.assert(
        fc.asyncProperty(records, async (fields) => {
          const deps = { db, now: () => new Date('2026-03-01T09:00:00Z'), newId: () => crypto.randomUUID(), emit: () => {} };
          const written = await runWrite(deps, async (w) => ok(await w.insert(codec, { fields: fields as never })));
          if (!written.ok) throw new Error(written.error.message);
          const row = await findSyncedRow(db, codec, (written.value as { id: string }).id);
          expect(codec.snapshot(row!)).toEqual(fields);
        }),
        { numRuns: 50 },
      );
    });

    it('names the record with a key the renderer translates', () => {
      fc.assert(
        fc.property(records, (fields) => {
          const label = codec.label(codec.toRecord(rowOf(codec, fields)));
          expect(label.key).toMatch(/^syncCenter\.records\./);
          for (const value of Object.values(label.values)) expect(['string', 'number']).toContain(typeof value);
        }),
        { numRuns: 20 },
      );
    });
  });
}
