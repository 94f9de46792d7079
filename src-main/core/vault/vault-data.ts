/**
 * What the vault reads and keeps in the open database: the idle time the lab set (device_meta,
 * local to this laptop, never synced) and when a workshop ends (for the desk kept open).
 */
import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.js';
import { VAULT_LIMITS } from '#shared/vault/vault.schema.js';
import { findWorkshopRow } from '../workshops/workshops.repository.js';
import type { VaultDataAccess } from './vault.service.js';

const IDLE_MINUTES = 'vault_idle_minutes';

export function createVaultDataAccess(db: Kysely<Database>): VaultDataAccess {
  return {
    async idleMinutes() {
      const row = await db.selectFrom('device_meta').select('value').where('key', '=', IDLE_MINUTES).executeTakeFirst();
      const minutes = Number(row?.value);
      return Number.isInteger(minutes) && minutes >= VAULT_LIMITS.idleMinutesMin && minutes <= VAULT_LIMITS.idleMinutesMax ? minutes : VAULT_LIMITS.idleMinutesDefault;
    },
    async setIdleMinutes(minutes) {
      await db
        .insertInto('device_meta')
        .values({ key: IDLE_MINUTES, value: String(minutes) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(minutes) }))
        .execute();
    },
    async workshopEnd(id) {
      const row = await findWorkshopRow(db, id);
      if (!row || row.deleted_at !== null || row.status === 'cancelled' || row.status === 'closed') return null;
      return new Date(row.ends_at);
    },
  };
}
