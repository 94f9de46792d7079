/** The vault commands' handlers: answered in every state of the vault (see core.ts's gate). */
import { fail, ok } from '#shared/result.js';
import { draftKeyFrom } from '../store/file-cipher.js';
import { defineHandlers } from '../define-handlers.js';
import type { Vault } from './vault.service.js';

export function createVaultHandlers(vault: Vault) {
  return defineHandlers<'vault'>({
    'vault:status': async () => ok(await vault.statusWhenKnown()),
    'vault:setup': ({ passphrase, actor }) => vault.setup(passphrase, actor),
    'vault:unlock': (input) => vault.unlock(input),
    'vault:lock': async ({ reason }) => ok(vault.lock(reason)),
    'vault:activity': async () => {
      vault.activity();
      return ok({});
    },
    'vault:set-pin': async ({ pin }) => vault.setPin(pin),
    'vault:keep-open': ({ workshopId }) => vault.keepOpen(workshopId),
    'vault:settings': ({ idleMinutes }) => vault.settings(idleMinutes),
    'vault:change-passphrase': ({ current, passphrase }) => vault.changePassphrase(current, passphrase),
    'vault:recover': ({ recoveryKey, passphrase, actor }) => vault.recover(recoveryKey, passphrase, actor),
    // Answered like a personal command: nothing while the app is locked or not yet open.
    'vault:draft-key': async () => {
      const key = vault.key();
      if (vault.state() !== 'unlocked' || !key) return fail('locked', 'Unlock the app first');
      return ok({ key: draftKeyFrom(key).toString('base64') });
    },
  });
}
