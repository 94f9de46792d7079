/**
 * Online contributions to the charter consultation (docs/portal.md, « Charter contributions »):
 * what the City's website posts becomes a `charter_contribution` record in the portal's store,
 * at the next serial, so that the lab's desktops pull it as they pull any study record.
 *
 * Checked against the records the portal holds: a live consultation open to the online channel
 * on the day it was submitted (Paris), a live question that takes the answer's type, the lab's
 * live themes; an amendment copies its article's current text. Its id is derived from the
 * consultation and the website's `externalId`, so the same post twice is one record: the second
 * answers the same id, `created: false`, and changes nothing.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '#db/portal/schema.js';
import { onlineContributionName, uuidFromSha256 } from '#shared/charter/charter-ids.js';
import type { OnlineContribution, OnlineContributionAnswer } from '#shared/charter/charter-sync.schema.js';
import { parisDay } from '#shared/people/retention-dates.js';
import { fieldsFromIssues } from '#shared/result.js';
import { syncEntitySchemas } from '#shared/sync/entities.js';
import type { PortalDialect } from './database.js';
import { PortalError } from './errors.js';
import { mergeChange } from './merge.js';
import { readPortalMeta, storeLastSerial } from './portal-meta.js';
import { findRecords, recordKey, saveRecords } from './records-repository.js';

export interface OnlineContributionContext {
  db: Kysely<PortalDatabase>;
  dialect: PortalDialect;
  /** The enrolled device that posted it (the City's website, for now with a device token). */
  deviceId: string;
  now: Date;
}

export function onlineContributionId(consultationId: string, externalId: string): string {
  return uuidFromSha256(createHash('sha256').update(onlineContributionName(consultationId, externalId), 'utf8').digest('hex'));
}

const refuse = (field: string, key: string, message: string) => new PortalError(400, 'invalid_request', message, { fields: { [field]: key } });

type Fields = Record<string, unknown>;
const live = (fields: Fields | undefined): fields is Fields => fields !== undefined && fields.deletedAt === null;

export async function receiveOnlineContribution(ctx: OnlineContributionContext, post: OnlineContribution): Promise<OnlineContributionAnswer> {
  const id = onlineContributionId(post.consultationId, post.externalId);
  return ctx.db.transaction().execute(async (trx) => {
    // Locking the meta row serialises writers (pushes and these posts), so serials commit in order.
    const meta = await readPortalMeta(trx, ctx.dialect);
    if (!meta) throw new Error('portal_meta row missing');
    const keys = [
      { entity: 'charter_contribution', recordId: id },
      { entity: 'charter_consultation', recordId: post.consultationId },
      { entity: 'charter_question', recordId: post.questionId },
      ...post.tagIds.map((t) => ({ entity: 'charter_tag', recordId: t })),
    ];
    const stored = await findRecords(trx, keys);
    const fieldsOf = (entity: string, recordId: string) => {
      const row = stored.get(recordKey(entity, recordId));
      return row ? (JSON.parse(row.fields) as Fields) : undefined;
    };
    if (stored.has(recordKey('charter_contribution', id))) return { id, created: false };

    const consultation = fieldsOf('charter_consultation', post.consultationId);
    if (!live(consultation)) throw refuse('consultationId', 'validation.invalid', 'No such consultation on the portal.');
    if (!(consultation.channels as string[]).includes('online')) {
      throw refuse('consultationId', 'validation.channelNotOpen', 'This consultation takes no online contributions.');
    }
    const day = parisDay(post.submittedAt);
    if (day < (consultation.opensOn as string) || day > (consultation.closesOn as string)) {
      throw refuse('submittedAt', 'validation.consultationClosed', 'The consultation was not open on that day.');
    }
    const question = fieldsOf('charter_question', post.questionId);
    if (!live(question)) throw refuse('questionId', 'validation.notInConsultation', 'No such question on the portal.');
    if (!(question.accepts as string[]).includes(post.type)) {
      throw refuse('type', 'validation.questionDoesNotAccept', 'This question does not take this kind of answer.');
    }
    const tagIds = [...new Set(post.tagIds)];
    if (tagIds.some((t) => !live(fieldsOf('charter_tag', t)))) throw refuse('tagIds', 'validation.unknownTag', 'A theme is not on the lab’s list.');
    let baseText: string | null = null;
    if (post.type === 'amendment') {
      const articleId = question.articleId as string | null;
      const article = articleId ? (await findRecords(trx, [{ entity: 'charter_article', recordId: articleId }])).get(recordKey('charter_article', articleId)) : undefined;
      const articleFields = article ? (JSON.parse(article.fields) as Fields) : undefined;
      if (!live(articleFields)) throw refuse('questionId', 'validation.amendmentNeedsArticle', 'The question has no live article to amend.');
      baseText = articleFields.body as string;
    }

    const submittedAt = new Date(post.submittedAt).toISOString();
    const fields = {
      consultationId: post.consultationId,
      questionId: post.questionId,
      channel: 'online',
      type: post.type,
      workshopId: null,
      contributor: 'individual',
      profileId: null,
      tableLabel: null,
      respondentKey: `online:${post.respondentRef}`,
      agreement: post.type === 'agreement' ? post.agreement : null,
      text: post.type === 'agreement' ? null : (post.text ?? '').trim(),
      baseText,
      tagIds,
      sheetNumber: null,
      recordedAt: submittedAt,
      deletedAt: null,
    };
    // The same checks as a pushed record's, so that a laptop always accepts what it pulls.
    const whole = syncEntitySchemas.charter_contribution.record.safeParse(fields);
    if (!whole.success) {
      throw new PortalError(400, 'invalid_request', 'The contribution would not be valid.', { fields: fieldsFromIssues(whole.error.issues) });
    }
    const { state } = mergeChange(null, { deviceId: ctx.deviceId, capturedAt: submittedAt, baseRevision: 0, fields: whole.data });
    const serial = meta.lastSerial + 1;
    const at = ctx.now.toISOString();
    await saveRecords(trx, [{ entity: 'charter_contribution', recordId: id, state, serial, deviceId: ctx.deviceId, at, exists: false }]);
    await storeLastSerial(trx, serial, ctx.now);
    return { id, created: true };
  });
}
