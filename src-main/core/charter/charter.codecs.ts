/**
 * How the charter's records are held in their rows and how they travel
 * (src-shared/charter/charter-sync.schema.ts has the portal's schemas of the same fields).
 * Every change of any of them says `charter:changed`: the charter's screens refetch.
 */
import type {
  Article,
  ArticleDecision,
  Chapter,
  CharterChannel,
  Consultation,
  Contribution,
  ContributionType,
  ContributorKind,
  Question,
  Tag,
} from '#shared/charter/charter.schema.js';
import { column, defineCodec, int, json, nullable, text } from '../store/codec.js';

const local = ['id', 'version', 'createdAt', 'updatedAt'] as const;

export const charterChapterCodec = defineCodec<Chapter, 'charter_chapters'>()({
  entity: 'charter_chapter',
  table: 'charter_chapters',
  changedEvent: 'charter:changed',
  fields: {
    position: column('position', int),
    title: column('title', text()),
    summary: column('summary', text()),
    deletedAt: column('deleted_at', nullable(text())),
  },
  local,
  label: (c) => ({ key: 'syncCenter.records.charter_chapter', values: { title: c.title } }),
});

export const charterArticleCodec = defineCodec<Article, 'charter_articles'>()({
  entity: 'charter_article',
  table: 'charter_articles',
  changedEvent: 'charter:changed',
  fields: {
    chapterId: column('chapter_id', text()),
    position: column('position', int),
    title: column('title', text()),
    body: column('body', text()),
    decision: column('decision', nullable(text<ArticleDecision>())),
    decisionReason: column('decision_reason', nullable(text())),
    decidedAt: column('decided_at', nullable(text())),
    deletedAt: column('deleted_at', nullable(text())),
  },
  local,
  label: (a) => ({ key: 'syncCenter.records.charter_article', values: { title: a.title } }),
});

export const charterQuestionCodec = defineCodec<Question, 'charter_questions'>()({
  entity: 'charter_question',
  table: 'charter_questions',
  changedEvent: 'charter:changed',
  fields: {
    chapterId: column('chapter_id', text()),
    articleId: column('article_id', nullable(text())),
    position: column('position', int),
    prompt: column('prompt', text()),
    accepts: column('accepts', json<ContributionType[]>()),
    deletedAt: column('deleted_at', nullable(text())),
  },
  local,
  label: (q) => ({ key: 'syncCenter.records.charter_question', values: { prompt: q.prompt } }),
});

export const charterTagCodec = defineCodec<Tag, 'charter_tags'>()({
  entity: 'charter_tag',
  table: 'charter_tags',
  changedEvent: 'charter:changed',
  fields: {
    label: column('label', text()),
    deletedAt: column('deleted_at', nullable(text())),
  },
  local,
  label: (t) => ({ key: 'syncCenter.records.charter_tag', values: { label: t.label } }),
});

export const charterConsultationCodec = defineCodec<Consultation, 'charter_consultations'>()({
  entity: 'charter_consultation',
  table: 'charter_consultations',
  changedEvent: 'charter:changed',
  fields: {
    title: column('title', text()),
    description: column('description', text()),
    opensOn: column('opens_on', text()),
    closesOn: column('closes_on', text()),
    channels: column('channels', json<CharterChannel[]>()),
    deletedAt: column('deleted_at', nullable(text())),
  },
  local,
  label: (c) => ({ key: 'syncCenter.records.charter_consultation', values: { title: c.title } }),
});

/** Its event names the consultation: the screens list a consultation's contributions. */
export const charterContributionCodec = defineCodec<Contribution, 'charter_contributions'>()({
  entity: 'charter_contribution',
  table: 'charter_contributions',
  changedEvent: 'charter:changed',
  eventId: (c) => c.consultationId,
  fields: {
    consultationId: column('consultation_id', text()),
    questionId: column('question_id', text()),
    channel: column('channel', text<CharterChannel>()),
    type: column('type', text<ContributionType>()),
    workshopId: column('workshop_id', nullable(text())),
    contributor: column('contributor', text<ContributorKind>()),
    profileId: column('profile_id', nullable(text())),
    tableLabel: column('table_label', nullable(text())),
    respondentKey: column('respondent_key', text()),
    agreement: column('agreement', nullable(int)),
    text: column('text', nullable(text())),
    baseText: column('base_text', nullable(text())),
    tagIds: column('tag_ids', json<string[]>()),
    sheetNumber: column('sheet_number', nullable(text())),
    recordedAt: column('recorded_at', text()),
    deletedAt: column('deleted_at', nullable(text())),
  },
  local,
  label: (c) => ({ key: 'syncCenter.records.charter_contribution', values: { channel: c.channel, type: c.type } }),
});
