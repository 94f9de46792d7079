import { describe, expect, it } from 'vitest';
import { mergeHandlers } from '#core/define-handlers.js';
import { createHandlers } from '#core/handlers.js';
import { prepareDatabase } from '#core/store/migrate.js';
import { contract } from '#shared/contract.js';
import { ok } from '#shared/result.js';

describe('the handler table, assembled from the domains', () => {
  it('has exactly one handler per command of the contract', async () => {
    const prepared = await prepareDatabase({ file: ':memory:', backupDir: '', now: () => new Date() });
    try {
      const table = createHandlers({
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
