/**
 * The draft charter's structure (chapters, articles, questions), its themes and the
 * consultations: reference data the lab edits on its desktops only (a field laptop is refused),
 * and the City's decision per article. Every write goes through the write funnel (row + outbox
 * entry in one transaction), which then emits `charter:changed`. The contributions are in
 * contributions.service.ts.
 */
import type { CommandParsedInput } from '#shared/contract.js';
import type { Article, Chapter, Consultation, Question, Tag } from '#shared/charter/charter.schema.js';
import { fail, ok, type Result } from '#shared/result.js';
import type { ServiceDeps } from '../deps.js';
import type { AnyCodec, RecordOf, SyncedFieldsOf } from '../store/codec.js';
import { runWrite } from '../store/synced-write.js';
import { getMeta, META } from '../sync/sync.repository.js';
import { charterArticleCodec, charterChapterCodec, charterConsultationCodec, charterQuestionCodec, charterTagCodec } from './charter.codecs.js';
import { findLiveArticle, findLiveChapter, listConsultations, liveChildren, readStructure } from './charter.repository.js';

type Fields<C extends AnyCodec> = Omit<SyncedFieldsOf<C>, 'deletedAt'>;

export function createCharterService(deps: ServiceDeps) {
  const { db } = deps;

  /** Structure, tags, consultations and decisions are the lab's: a field laptop is refused, beside the form. */
  async function labOnly(): Promise<Result<null>> {
    return (await getMeta(db, META.role)) === 'field'
      ? fail('validation', 'Only a lab desktop edits the charter and its consultations', { _: 'validation.labOnly' })
      : ok(null);
  }

  /** Create (no id) or update (id, at the version read) a record of the structure. */
  async function save<C extends AnyCodec>(
    codec: C,
    input: { id?: string | undefined; version?: number | undefined },
    fields: Fields<C>,
    check: () => Promise<Result<null>> = async () => ok(null),
  ): Promise<Result<RecordOf<C>>> {
    const lab = await labOnly();
    if (!lab.ok) return lab;
    const checked = await check();
    if (!checked.ok) return checked;
    if (input.id === undefined) return runWrite(deps, async (w) => ok(await w.insert(codec, { fields })));
    const id = input.id;
    return runWrite(deps, (w) => w.update(codec, id, () => ok(fields as unknown as Partial<SyncedFieldsOf<C>>), { expectedVersion: input.version ?? null }));
  }

  async function remove<C extends AnyCodec>(
    codec: C,
    { id, version }: { id: string; version: number },
    check: () => Promise<Result<null>> = async () => ok(null),
  ): Promise<Result<RecordOf<C>>> {
    const lab = await labOnly();
    if (!lab.ok) return lab;
    const checked = await check();
    if (!checked.ok) return checked;
    return runWrite(deps, (w) => w.tombstone(codec, id, { expectedVersion: version }));
  }

  const noLiveChildren = (parent: { chapterId: string } | { articleId: string }, what: string) => async (): Promise<Result<null>> =>
    (await liveChildren(db, parent)) > 0
      ? fail('invalid_transition', `The ${what} still holds live records`, { _: 'validation.hasLiveChildren' })
      : ok(null);

  async function liveChapter(chapterId: string, field: string): Promise<Result<null>> {
    return (await findLiveChapter(db, chapterId)) ? ok(null) : fail('validation', `No chapter ${chapterId}`, { [field]: 'validation.invalid' });
  }

  return {
    async structure() {
      return ok(await readStructure(db));
    },

    saveChapter({ id, version, fields }: CommandParsedInput<'charter:save-chapter'>): Promise<Result<Chapter>> {
      return save(charterChapterCodec, { id, version }, { position: fields.position, title: fields.title, summary: fields.summary });
    },

    removeChapter(input: CommandParsedInput<'charter:remove-chapter'>): Promise<Result<Chapter>> {
      return remove(charterChapterCodec, input, noLiveChildren({ chapterId: input.id }, 'chapter'));
    },

    async saveArticle({ id, version, fields }: CommandParsedInput<'charter:save-article'>): Promise<Result<Article>> {
      const typed = { chapterId: fields.chapterId, position: fields.position, title: fields.title, body: fields.body };
      const check = () => liveChapter(fields.chapterId, 'fields.chapterId');
      if (id === undefined) return save(charterArticleCodec, { id }, { ...typed, decision: null, decisionReason: null, decidedAt: null }, check);
      // An edit leaves the City's decision as it is (charter:decide sets it).
      return save(charterArticleCodec, { id, version }, typed as unknown as Fields<typeof charterArticleCodec>, check);
    },

    removeArticle(input: CommandParsedInput<'charter:remove-article'>): Promise<Result<Article>> {
      return remove(charterArticleCodec, input, noLiveChildren({ articleId: input.id }, 'article'));
    },

    async decide({ id, version, decision, reason }: CommandParsedInput<'charter:decide'>): Promise<Result<Article>> {
      const lab = await labOnly();
      if (!lab.ok) return lab;
      return runWrite(deps, (w) =>
        w.update(
          charterArticleCodec,
          id,
          () =>
            ok({
              decision,
              decisionReason: decision === null ? null : reason.trim() || null,
              decidedAt: decision === null ? null : w.at,
            }),
          { expectedVersion: version },
        ),
      );
    },

    saveQuestion({ id, version, fields }: CommandParsedInput<'charter:save-question'>): Promise<Result<Question>> {
      const check = async (): Promise<Result<null>> => {
        const chapter = await liveChapter(fields.chapterId, 'fields.chapterId');
        if (!chapter.ok || fields.articleId === null) return chapter;
        const article = await findLiveArticle(db, fields.articleId);
        return article && article.chapter_id === fields.chapterId
          ? ok(null)
          : fail('validation', `Article ${fields.articleId} is not in chapter ${fields.chapterId}`, { 'fields.articleId': 'validation.invalid' });
      };
      return save(
        charterQuestionCodec,
        { id, version },
        { chapterId: fields.chapterId, articleId: fields.articleId, position: fields.position, prompt: fields.prompt, accepts: fields.accepts },
        check,
      );
    },

    removeQuestion(input: CommandParsedInput<'charter:remove-question'>): Promise<Result<Question>> {
      return remove(charterQuestionCodec, input);
    },

    saveTag({ id, version, fields }: CommandParsedInput<'charter:save-tag'>): Promise<Result<Tag>> {
      return save(charterTagCodec, { id, version }, { label: fields.label });
    },

    removeTag(input: CommandParsedInput<'charter:remove-tag'>): Promise<Result<Tag>> {
      return remove(charterTagCodec, input);
    },

    async consultations() {
      return ok({ items: await listConsultations(db) });
    },

    saveConsultation({ id, version, fields }: CommandParsedInput<'charter:save-consultation'>): Promise<Result<Consultation>> {
      return save(charterConsultationCodec, { id, version }, {
        title: fields.title,
        description: fields.description,
        opensOn: fields.opensOn,
        closesOn: fields.closesOn,
        channels: fields.channels,
      });
    },

    removeConsultation(input: CommandParsedInput<'charter:remove-consultation'>): Promise<Result<Consultation>> {
      return remove(charterConsultationCodec, input);
    },
  };
}

export type CharterService = ReturnType<typeof createCharterService>;
