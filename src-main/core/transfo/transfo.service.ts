/**
 * La Transfo's recruiting rules (issue 11; docs/transfo.md): calls for volunteers (open, then
 * closed, then purged) and their candidates (candidates.service.ts: one candidate once per
 * campaign, the stages and their moves, dated and attributed). Only lab desktops write; writes
 * go through the funnel only and say `transfo:changed` with the campaign's id.
 *
 * The purge, once the call is closed, erases the personal data of every candidate neither chosen
 * (ambassador, relais) nor kept for the next call with their consent, through the erasure path
 * of the rights (`eraseIdentities`): the journal, every record declaring their data, the
 * portal and every laptop. The campaign then says who purged it and when.
 */
import type { CommandParsedInput } from '#shared/contract.js';
import { fail, ok } from '#shared/result.js';
import { createCandidatesService } from './candidates.service.js';
import { createCohortService } from './cohort.service.js';
import { createTransfoContext, type TransfoDeps } from './transfo-context.js';
import { transfoCampaignCodec } from './transfo.codecs.js';
import { findCampaign, listCampaigns, purgeTargets } from './transfo.repository.js';

export type { TransfoDeps } from './transfo-context.js';

export function createTransfoService(deps: TransfoDeps) {
  const ctx = createTransfoContext(deps);
  const { db, labDesk, write, campaignFor } = ctx;

  async function view(id: string) {
    const campaign = await findCampaign(db, id);
    return campaign ? ok(campaign) : fail('not_found', `No campaign ${id}`);
  }

  return {
    ...createCandidatesService(deps, ctx),
    ...createCohortService(ctx),

    async campaigns() {
      return ok({ items: await listCampaigns(db) });
    },

    async createCampaign({ fields }: CommandParsedInput<'transfo:create-campaign'>) {
      const desk = await labDesk('fields.title');
      if (!desk.ok) return desk;
      const id = deps.newId();
      const created = await write(id, async (w) =>
        ok(await w.insert(transfoCampaignCodec, { id, fields: { ...fields, status: 'open', purgedAt: null, purgedBy: null } })),
      );
      return created.ok ? view(id) : created;
    },

    async updateCampaign({ id, version, fields }: CommandParsedInput<'transfo:update-campaign'>) {
      const desk = await labDesk('fields.title');
      if (!desk.ok) return desk;
      const updated = await write(id, async (w) => {
        const campaign = await campaignFor(w.trx, id, 'not_purged', 'fields.title');
        if (!campaign.ok) return campaign;
        return w.update(transfoCampaignCodec, id, () => ok(fields), { expectedVersion: version });
      });
      return updated.ok ? view(id) : updated;
    },

    async closeCampaign({ id, version }: CommandParsedInput<'transfo:close-campaign'>) {
      const desk = await labDesk('id');
      if (!desk.ok) return desk;
      const closed = await write(id, async (w) => {
        const campaign = await campaignFor(w.trx, id, 'open', 'id');
        if (!campaign.ok) return campaign;
        return w.update(transfoCampaignCodec, id, () => ok({ status: 'closed' as const }), { expectedVersion: version });
      });
      return closed.ok ? view(id) : closed;
    },

    async purgeCampaign({ id, version }: CommandParsedInput<'transfo:purge-campaign'>) {
      const desk = await labDesk('id');
      if (!desk.ok) return desk;
      const campaign = await campaignFor(db, id, 'not_purged', 'id');
      if (!campaign.ok) return campaign;
      if (campaign.value.status !== 'closed') return fail('invalid_transition', 'The campaign is still open', { id: 'validation.campaignNotClosed' });
      if (campaign.value.version !== version) return fail('conflict', `Campaign ${id} changed elsewhere`);
      // The erasures first (each journaled before it is written): a purge interrupted half-way
      // leaves the campaign `closed`, and running it again erases who is left.
      const erased = await deps.eraseIdentities(await purgeTargets(db, id));
      const purged = await write(id, (w) =>
        w.update(transfoCampaignCodec, id, () => ok({ status: 'purged' as const, purgedAt: w.at, purgedBy: deps.actor() }), { expectedVersion: version }),
      );
      if (!purged.ok) return purged;
      const after = await view(id);
      return after.ok ? ok({ campaign: after.value, erased }) : after;
    },
  };
}

export type TransfoService = ReturnType<typeof createTransfoService>;
