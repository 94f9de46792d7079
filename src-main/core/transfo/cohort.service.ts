/**
 * The cohort as the lab builds it (issue 11): the balance of a call's candidates by its own
 * rules (balance.ts), and the letters to the candidates with a decision, as one PDF and as the
 * text of each to paste into a mail (letters.ts, letters-pdf.ts). Reads only; lab desktops only,
 * as every La Transfo command (candidates are identities).
 */
import { PDFDocument } from 'pdf-lib';
import type { CommandParsedInput } from '#shared/contract.js';
import { fail, ok } from '#shared/result.js';
import { balanceOf, type BalanceCandidate } from '#shared/transfo/balance.js';
import { transfoOutcomes, type TransfoOutcome } from '#shared/transfo/values.js';
import type { LetterInput } from './letters.js';
import { letterText } from './letters.js';
import { buildLetters } from './letters-pdf.js';
import type { TransfoContext } from './transfo-context.js';
import { findCampaign, findCandidate } from './transfo.repository.js';
import { transfoCandidateCodec } from './transfo.codecs.js';

const outcomeOf = (stage: string): TransfoOutcome | null => (transfoOutcomes as readonly string[]).includes(stage) ? (stage as TransfoOutcome) : null;

/** A file name without the characters a file system refuses. */
const safeName = (title: string) => title.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);

export function createCohortService(ctx: TransfoContext) {
  const { db, labDesk } = ctx;

  return {
    async balance({ campaignId }: CommandParsedInput<'transfo:balance'>) {
      const desk = await labDesk('campaignId');
      if (!desk.ok) return desk;
      const campaign = await findCampaign(db, campaignId);
      if (!campaign) return fail('not_found', `No campaign ${campaignId}`);
      const rows = await db.selectFrom('transfo_candidates').selectAll().where('campaign_id', '=', campaignId).where('deleted_at', 'is', null).execute();
      const candidates: BalanceCandidate[] = rows.map((row) => {
        const c = transfoCandidateCodec.toRecord(row);
        return { id: c.id, direction: c.direction, category: c.category, gender: c.gender, yearsInCity: c.yearsInCity ?? 0, stage: c.stage, outcome: outcomeOf(c.stage) };
      });
      return ok(balanceOf(candidates, campaign.balanceRules));
    },

    async letters({ campaignId, candidateIds, signature, date, firstSessionOn }: CommandParsedInput<'transfo:letters'>) {
      const desk = await labDesk('candidateIds');
      if (!desk.ok) return desk;
      const campaign = await findCampaign(db, campaignId);
      if (!campaign) return fail('not_found', `No campaign ${campaignId}`);
      const inputs: (LetterInput & { candidateId: string })[] = [];
      for (const id of new Set(candidateIds)) {
        const c = await findCandidate(db, id);
        if (!c || c.campaignId !== campaignId) return fail('not_found', `No candidate ${id} in campaign ${campaignId}`);
        const outcome = outcomeOf(c.stage);
        if (!outcome || c.fullName === null) return fail('validation', 'A letter goes only to a candidate with a decision', { candidateIds: 'validation.letterNoDecision' });
        if (outcome === 'not_chosen' && !c.notChosenReason?.trim()) return fail('validation', 'A refusal gives its reason', { candidateIds: 'validation.letterReason' });
        inputs.push({
          candidateId: c.id,
          fullName: c.fullName,
          outcome,
          reason: c.notChosenReason,
          campaignTitle: campaign.title,
          firstSessionOn: firstSessionOn ?? null,
          signature,
          date,
        });
      }
      const pdf = await buildLetters(inputs);
      const pages = (await PDFDocument.load(pdf)).getPageCount();
      return ok({
        fileName: `${safeName(`Lettres ${campaign.title}`)}.pdf`,
        base64: pdf.toString('base64'),
        pages,
        texts: inputs.map((i) => ({ candidateId: i.candidateId, fullName: i.fullName, text: letterText(i) })),
      });
    },
  };
}
