import { describe, expect, it } from 'vitest';
import { mergeHandlers } from '#core/define-handlers.js';
import { createHandlers, type CoreSlices } from '#core/handlers.js';
import { prepareDatabase } from '#core/store/migrate.js';
import { contract } from '#shared/contract.js';
import { ok } from '#shared/result.js';

describe('the handler table, assembled from the domains', () => {
  it('has exactly one handler per command of the contract', async () => {
    const prepared = await prepareDatabase({ file: ':memory:', backupDir: '', key: null, now: () => new Date() });
    try {
      // The slices the core makes itself (app, vault, backups) are passed in: stand-ins here.
      const coreSlices = Object.fromEntries(
        Object.keys(contract)
          .filter((name) => /^(app|vault|backups):/.test(name))
          .map((name) => [name, async () => ok(null)]),
      ) as unknown as CoreSlices;
      const table = createHandlers({
        coreSlices,
        db: prepared.db,
        now: () => new Date(),
        newId: () => crypto.randomUUID(),
        emit: () => {},
        appVersion: 'test',
        schemaVersion: prepared.schemaVersion,
      });
      expect(Object.keys(table).sort()).toEqual(Object.keys(contract).sort());
      for (const handler of Object.values(table)) expect(typeof handler).toBe('function');
    } finally {
      await prepared.db.destroy();
    }
  });

  it('refuses a command registered by two domains, whatever their order', () => {
    const first = { 'workshops:get': async () => ok(null) };
    const second = { 'workshops:get': async () => ok(null), 'workshops:list': async () => ok(null) };
    expect(() => mergeHandlers(first, second)).toThrow('Command workshops:get is registered twice');
    expect(() => mergeHandlers(second, first)).toThrow('Command workshops:get is registered twice');
  });
});
