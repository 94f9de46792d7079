import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncedTables } from '#core/synced-tables.js';
import { entityScopes } from '#shared/sync/protocol.schema.js';

const root = resolve(import.meta.dirname, '../../..');
const dataProtection = readFileSync(resolve(root, 'docs/data-protection.md'), 'utf8');

describe('every synced record kind is documented', () => {
  for (const codec of Object.values(syncedTables)) {
    it(`docs/data-protection.md says what ${codec.entity} holds, its table and who receives it`, () => {
      const line = dataProtection.split('\n').find((l) => l.includes(`\`${codec.table}\``) && l.includes(`\`${codec.entity}\``));
      expect(line, `no line naming \`${codec.table}\` and \`${codec.entity}\``).toBeDefined();
      expect(line).toMatch(new RegExp(`${entityScopes[codec.entity]}`));
    });
  }
});
