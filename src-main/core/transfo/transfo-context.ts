/**
 * What La Transfo's services share (transfo.service.ts assembles them): who may write (lab
 * desks only: candidates are identities, which field laptops never receive), the write funnel
 * with the campaign's changed event, and the campaign a change belongs to in the state it must
 * be in.
 */
import { fail, ok, type Result } from '#shared/result.js';
import type { ServiceDeps } from '../deps.js';
import type { Executor } from '../store/executor.js';
import { runWrite, type UnitOfWork } from '../store/synced-write.js';
import { getMeta, META } from '../sync/sync.repository.js';
import { transfoCampaignCodec, type CampaignRecord } from './transfo.codecs.js';

export interface TransfoDeps extends ServiceDeps {
  /** Who is acting (the name given at unlock): recorded on every stage move and on the purge. */
  actor: () => string;
  /**
   * Erases these people everywhere through the rights' path (the erasure journal, the wipe of
   * every record declaring their data, the `erasure` record for the portal and every laptop):
   * people/erasure.service.ts, made in handlers.ts — a domain never imports another's service.
   */
  eraseIdentities: (personIds: readonly string[]) => Promise<number>;
}

const labOnlyRefusal = (field: string) => fail('validation', 'La Transfo is run from lab desktops', { [field]: 'validation.transfoLabOnly' });

export function createTransfoContext(deps: TransfoDeps) {
  const { db } = deps;

  async function labDesk(field: string): Promise<Result<null>> {
    return (await getMeta(db, META.role)) === 'field' ? labOnlyRefusal(field) : ok(null);
  }

  function write<T>(campaignId: string, body: (w: UnitOfWork) => Promise<Result<T>>): Promise<Result<T>> {
    return runWrite(deps, body, { eventIds: { 'transfo:changed': campaignId } });
  }

  /**
   * The live campaign, in one of the states a change needs: `open` to take applications,
   * anything but `purged` to change a candidate (decisions go on after the close).
   */
  async function campaignFor(trx: Executor, id: string, need: 'open' | 'not_purged', field: string): Promise<Result<CampaignRecord>> {
    const row = await trx.selectFrom('transfo_campaigns').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) return fail('not_found', `No campaign ${id}`);
    const campaign = transfoCampaignCodec.toRecord(row);
    if (campaign.status === 'purged') return fail('invalid_transition', 'The campaign was purged', { [field]: 'validation.campaignPurged' });
    if (need === 'open' && campaign.status !== 'open') return fail('invalid_transition', 'The campaign is closed', { [field]: 'validation.campaignNotOpen' });
    return ok(campaign);
  }

  return { db, labDesk, write, campaignFor };
}

export type TransfoContext = ReturnType<typeof createTransfoContext>;
