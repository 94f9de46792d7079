/**
 * The charter's contributions: typed at a workshop of the charter kind, typed from a paper
 * questionnaire afterwards, or received online by the portal (docs/portal.md) and pulled. Each
 * answer is checked against the live structure. Every write goes through the write funnel
 * (row + outbox entry in one transaction), which then emits `charter:changed`.
 *
 * Paper sheets: each answer's id is derived from the consultation, the sheet's number, the
 * question and the answer's place on the sheet (src-shared/charter/charter-ids.ts), and its time
 * is the day it was typed, so two laptops typing the same sheet make the same records, and the
 * sync holds one of each (with a conflict to settle only where the two typings differ).
 */
import { createHash } from 'node:crypto';
import type { CommandParsedInput } from '#shared/contract.js';
import { paperAnswerName, uuidFromSha256 } from '#shared/charter/charter-ids.js';
import type { AnswerFields, Consultation, Contribution, ContributionFields } from '#shared/charter/charter.schema.js';
import { parisDay } from '#shared/people/retention-dates.js';
import { fail, ok, type Result } from '#shared/result.js';
import { normalizeForSearch } from '#shared/text.js';
import { kindAllows } from '#shared/workshops/workshop-kinds.js';
import { findAttendanceProfile } from '../attendance/attendance.repository.js';
import type { ServiceDeps } from '../deps.js';
import { runWrite } from '../store/synced-write.js';
import { findWorkshopRow } from '../workshops/workshops.repository.js';
import { charterContributionCodec, charterQuestionCodec } from './charter.codecs.js';
import {
  findLiveArticle,
  findLiveConsultation,
  findLiveProfileAt,
  findLiveQuestion,
  listContributions,
  listPaperSheets,
  liveTagIds,
  readCharterData,
  sheetTyped,
} from './charter.repository.js';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The id of the answer at `index` of a paper sheet: the same on every laptop. */
export function paperAnswerId(consultationId: string, sheetNumber: string, questionId: string, index: number): string {
  return uuidFromSha256(sha256(paperAnswerName(consultationId, sheetNumber, questionId, index)));
}

/** The answer's fields as a contribution holds them, once checked against the live structure. */
interface CheckedAnswer {
  questionId: string;
  type: AnswerFields['type'];
  agreement: number | null;
  text: string | null;
  baseText: string | null;
  tagIds: string[];
}

export function createContributionsService(deps: ServiceDeps) {
  const { db } = deps;

  /**
   * One answer checked against the live structure: the question is live and takes this type,
   * the tags are the lab's, an amendment copies its article's current body (the diff's left side).
   * Refusals are named under `prefix` (`fields.answer.` or `answers.3.`).
   */
  async function checkAnswer(answer: AnswerFields, prefix: string, keepBaseText: string | null = null): Promise<Result<CheckedAnswer>> {
    const question = await findLiveQuestion(db, answer.questionId);
    if (!question) return fail('validation', `No question ${answer.questionId}`, { [`${prefix}questionId`]: 'validation.notInConsultation' });
    const accepts = charterQuestionCodec.toRecord(question).accepts;
    if (!accepts.includes(answer.type)) {
      return fail('validation', `Question ${question.id} does not take ${answer.type}`, { [`${prefix}type`]: 'validation.questionDoesNotAccept' });
    }
    const tagIds = [...new Set(answer.tagIds)];
    const live = await liveTagIds(db, tagIds);
    const unknown = tagIds.findIndex((t) => !live.has(t));
    if (unknown >= 0) return fail('validation', `No tag ${tagIds[unknown]}`, { [`${prefix}tagIds`]: 'validation.unknownTag' });
    let baseText: string | null = null;
    if (answer.type === 'amendment') {
      const article = question.article_id ? await findLiveArticle(db, question.article_id) : undefined;
      if (!article) return fail('validation', `Question ${question.id} has no live article`, { [`${prefix}questionId`]: 'validation.amendmentNeedsArticle' });
      baseText = keepBaseText ?? article.body;
    }
    return ok({
      questionId: question.id,
      type: answer.type,
      agreement: answer.type === 'agreement' ? answer.agreement : null,
      text: answer.type === 'agreement' ? null : (answer.text ?? '').trim(),
      baseText,
      tagIds,
    });
  }

  /** Who gave a workshop contribution, checked: a live profile of the workshop, or a table, or an anonymous individual. */
  async function contributorOf(
    fields: ContributionFields,
    workshopId: string,
    previousKey: string | null,
  ): Promise<Result<Pick<Contribution, 'contributor' | 'profileId' | 'tableLabel' | 'respondentKey'>>> {
    if (fields.contributor === 'table') {
      const label = (fields.tableLabel ?? '').trim();
      return ok({ contributor: 'table', profileId: null, tableLabel: label, respondentKey: `table:${workshopId}:${normalizeForSearch(label)}` });
    }
    if (fields.profileId === null && fields.attendanceId !== null) {
      // A person present, chosen in the room's list: their profile if they agreed to the study.
      const attendance = await findAttendanceProfile(db, fields.attendanceId);
      if (!attendance || attendance.workshop_id !== workshopId) {
        return fail('validation', `No attendance ${fields.attendanceId} at workshop ${workshopId}`, { 'fields.attendanceId': 'validation.notAtWorkshop' });
      }
      if (attendance.profile_id !== null) {
        return ok({ contributor: 'individual', profileId: attendance.profile_id, tableLabel: null, respondentKey: `profile:${attendance.profile_id}` });
      }
    }
    if (fields.profileId !== null) {
      if (!(await findLiveProfileAt(db, fields.profileId, workshopId))) {
        return fail('validation', `No profile ${fields.profileId} at workshop ${workshopId}`, { 'fields.profileId': 'validation.profileNotAtWorkshop' });
      }
      return ok({ contributor: 'individual', profileId: fields.profileId, tableLabel: null, respondentKey: `profile:${fields.profileId}` });
    }
    // An individual without a profile: one contribution, one respondent (kept on an edit).
    const key = previousKey?.startsWith('anon:') ? previousKey : `anon:${deps.newId()}`;
    return ok({ contributor: 'individual', profileId: null, tableLabel: null, respondentKey: key });
  }

  /** The consultation, live and open to this channel. */
  async function consultationFor(consultationId: string, channel: 'workshop' | 'paper'): Promise<Result<Consultation>> {
    const consultation = await findLiveConsultation(db, consultationId);
    if (!consultation) return fail('not_found', `No consultation ${consultationId}`);
    if (!consultation.channels.includes(channel)) {
      return fail('invalid_transition', `Consultation ${consultationId} takes nothing through ${channel}`, { consultationId: 'validation.channelNotOpen' });
    }
    return ok(consultation);
  }

  async function charterWorkshop(workshopId: string): Promise<Result<null>> {
    const workshop = await findWorkshopRow(db, workshopId);
    if (!workshop || workshop.deleted_at !== null) return fail('not_found', `No workshop ${workshopId}`);
    return kindAllows(workshop.kind, 'contributions', 'workshopId');
  }

  async function analysisData(consultationId: string) {
    const consultation = await findLiveConsultation(db, consultationId);
    return consultation ? ok(await readCharterData(db, consultation)) : fail('not_found', `No consultation ${consultationId}`);
  }

  return {
    async contributions(input: CommandParsedInput<'charter:contributions'>) {
      return ok(await listContributions(db, input));
    },

    /** A contribution typed at a workshop of the charter kind, while the consultation is open (Paris day). */
    async contribute({ consultationId, workshopId, fields }: CommandParsedInput<'charter:contribute'>): Promise<Result<Contribution>> {
      const consultation = await consultationFor(consultationId, 'workshop');
      if (!consultation.ok) return consultation;
      const today = parisDay(deps.now());
      if (today < consultation.value.opensOn || today > consultation.value.closesOn) {
        return fail('invalid_transition', `Consultation ${consultationId} is not open on ${today}`, { consultationId: 'validation.consultationClosed' });
      }
      const workshop = await charterWorkshop(workshopId);
      if (!workshop.ok) return workshop;
      const answer = await checkAnswer(fields.answer, 'fields.answer.');
      if (!answer.ok) return answer;
      const who = await contributorOf(fields, workshopId, null);
      if (!who.ok) return who;
      return runWrite(deps, async (w) =>
        ok(
          await w.insert(charterContributionCodec, {
            fields: { consultationId, channel: 'workshop', workshopId, sheetNumber: null, recordedAt: w.at, ...answer.value, ...who.value },
          }),
        ),
      );
    },

    /**
     * Corrects a contribution typed on a laptop (a workshop's or a paper sheet's answer). An online
     * one is the website's and is not edited here. A paper answer stays an individual's answer of
     * its sheet. An amendment keeps the article's text of when it was given unless its question changed.
     */
    async updateContribution({ id, version, fields }: CommandParsedInput<'charter:update-contribution'>): Promise<Result<Contribution>> {
      const row = await db.selectFrom('charter_contributions').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
      if (!row) return fail('not_found', `No contribution ${id}`);
      const current = charterContributionCodec.toRecord(row);
      if (current.channel === 'online') return fail('invalid_transition', 'An online contribution is not edited on a laptop');
      const keepBase = current.type === 'amendment' && current.questionId === fields.answer.questionId ? current.baseText : null;
      const answer = await checkAnswer(fields.answer, 'fields.answer.', keepBase);
      if (!answer.ok) return answer;
      let who: Pick<Contribution, 'contributor' | 'profileId' | 'tableLabel' | 'respondentKey'>;
      if (current.channel === 'paper') {
        if (fields.contributor !== 'individual' || fields.profileId !== null) {
          return fail('validation', 'A paper answer is an individual’s, without a profile', { 'fields.contributor': 'validation.invalid' });
        }
        who = { contributor: 'individual', profileId: null, tableLabel: null, respondentKey: current.respondentKey };
      } else {
        const checked = await contributorOf(fields, current.workshopId ?? '', current.respondentKey);
        if (!checked.ok) return checked;
        who = checked.value;
      }
      return runWrite(deps, (w) => w.update(charterContributionCodec, id, () => ok({ ...answer.value, ...who }), { expectedVersion: version }));
    },

    async removeContribution({ id, version }: CommandParsedInput<'charter:remove-contribution'>): Promise<Result<Contribution>> {
      return runWrite(deps, (w) => w.tombstone(charterContributionCodec, id, { expectedVersion: version }));
    },

    /** A paper questionnaire typed afterwards; a number already typed for this consultation is refused. */
    async paperSheet({ consultationId, sheetNumber, workshopId, answers }: CommandParsedInput<'charter:paper-sheet'>) {
      const consultation = await consultationFor(consultationId, 'paper');
      if (!consultation.ok) return consultation;
      if (workshopId !== null) {
        const workshop = await charterWorkshop(workshopId);
        if (!workshop.ok) return workshop;
      }
      if (await sheetTyped(db, consultationId, sheetNumber)) {
        return fail('validation', `Sheet ${sheetNumber} is already typed`, { sheetNumber: 'validation.sheetAlreadyTyped' });
      }
      const checked: CheckedAnswer[] = [];
      for (const [i, a] of answers.entries()) {
        const answer = await checkAnswer(a, `answers.${i}.`);
        if (!answer.ok) return answer;
        checked.push(answer.value);
      }
      // The day it was typed (noon UTC, the same day in Paris), not the second: two laptops typing
      // the same sheet the same day make equal records, and the sync merges them without a conflict
      // (a conflict is left only where the two typings differ).
      const typedOn = `${parisDay(deps.now())}T12:00:00.000Z`;
      return runWrite(deps, async (w) => {
        const contributions: Contribution[] = [];
        for (const [i, answer] of checked.entries()) {
          const id = paperAnswerId(consultationId, sheetNumber, answer.questionId, i);
          const fields = {
            consultationId,
            channel: 'paper' as const,
            workshopId,
            contributor: 'individual' as const,
            profileId: null,
            tableLabel: null,
            respondentKey: `sheet:${sheetNumber}`,
            sheetNumber,
            recordedAt: typedOn,
            ...answer,
          };
          const existing = await w.find(charterContributionCodec, id);
          if (!existing) {
            contributions.push(await w.insert(charterContributionCodec, { id, fields }));
            continue;
          }
          // The same answer typed before and removed since: it comes back with what was typed now.
          const restored = await w.restore(charterContributionCodec, id);
          if (!restored.ok) return restored;
          const updated = await w.update(charterContributionCodec, id, () => ok(fields));
          if (!updated.ok) return updated;
          contributions.push(updated.value);
        }
        return ok({ sheetNumber, contributions });
      });
    },

    async paperSheets({ consultationId }: CommandParsedInput<'charter:paper-sheets'>) {
      return ok({ items: await listPaperSheets(db, consultationId) });
    },

    analysisData,
  };
}

export type ContributionsService = ReturnType<typeof createContributionsService>;
