/** The five editors of the charter screen, each a create or an update of one record. */
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  articleFieldsSchema,
  chapterFieldsSchema,
  charterChannels,
  consultationFieldsSchema,
  contributionTypes,
  questionFieldsSchema,
  tagFieldsSchema,
  type Article,
  type Chapter,
  type Consultation,
  type Question,
  type Tag,
} from '#shared/charter/charter.schema.js';
import type { z } from 'zod';
import { invoke } from '#renderer/api/client.js';
import { SelectField } from '#renderer/components/SelectField.js';
import { BoundDateField, BoundNumberField, BoundTextField } from '#renderer/components/forms/bound-fields.js';
import { CheckboxGroupField } from '#renderer/components/CheckboxGroupField.js';
import { EditorForm } from './EditorForm';

const key = (kind: string, id: string | undefined, parent = '') => `atelier.draft.charter.${kind}.${id ? `edit:${id}` : `new${parent ? `:${parent}` : ''}`}`;
const ref = (r?: { id: string; version: number }) => (r ? { id: r.id, version: r.version } : {});

interface Common {
  onDone: () => void;
}

export function ChapterEditor({ chapter, next, onDone }: Common & { chapter?: Chapter; next: number }) {
  const { t } = useTranslation();
  type V = z.input<typeof chapterFieldsSchema>;
  return (
    <EditorForm<V, z.output<typeof chapterFieldsSchema>>
      title={chapter ? t('charter.form.editChapter') : t('charter.form.newChapter')}
      storageKey={key('chapter', chapter?.id)}
      defaults={{ title: chapter?.title ?? '', position: chapter?.position ?? next, summary: chapter?.summary ?? '' }}
      schema={chapterFieldsSchema}
      record="chapter"
      save={(fields) => invoke('charter:save-chapter', { ...ref(chapter), fields })}
      onDone={onDone}
      fields={(control, err) => (
        <>
          <BoundTextField control={control} name="title" label={t('charter.form.title')} isRequired errorMessage={err('title')} />
          <BoundNumberField control={control} name="position" label={t('charter.form.position')} description={t('charter.form.positionHint')} minValue={1} errorMessage={err('position')} isRequired />
          <BoundTextField control={control} name="summary" label={t('charter.form.summary')} multiline rows={3} errorMessage={err('summary')} />
        </>
      )}
    />
  );
}

export function ArticleEditor({ article, chapterId, next, onDone }: Common & { article?: Article; chapterId: string; next: number }) {
  const { t } = useTranslation();
  type V = z.input<typeof articleFieldsSchema>;
  return (
    <EditorForm<V, z.output<typeof articleFieldsSchema>>
      title={article ? t('charter.form.editArticle') : t('charter.form.newArticle')}
      storageKey={key('article', article?.id, chapterId)}
      defaults={{ title: article?.title ?? '', position: article?.position ?? next, body: article?.body ?? '', chapterId: article?.chapterId ?? chapterId }}
      schema={articleFieldsSchema}
      record="article"
      save={(fields) => invoke('charter:save-article', { ...ref(article), fields })}
      onDone={onDone}
      fields={(control, err) => (
        <>
          <BoundTextField control={control} name="title" label={t('charter.form.title')} isRequired errorMessage={err('title')} />
          <BoundNumberField control={control} name="position" label={t('charter.form.position')} description={t('charter.form.positionHint')} minValue={1} errorMessage={err('position')} isRequired />
          <BoundTextField control={control} name="body" label={t('charter.form.body')} description={t('charter.form.bodyHint')} multiline rows={6} isRequired errorMessage={err('body')} />
        </>
      )}
    />
  );
}

export function QuestionEditor({ question, chapterId, articles, next, onDone }: Common & { question?: Question; chapterId: string; articles: readonly Article[]; next: number }) {
  const { t } = useTranslation();
  type V = z.input<typeof questionFieldsSchema>;
  const NONE = 'none';
  return (
    <EditorForm<V, z.output<typeof questionFieldsSchema>>
      title={question ? t('charter.form.editQuestion') : t('charter.form.newQuestion')}
      storageKey={key('question', question?.id, chapterId)}
      defaults={{
        prompt: question?.prompt ?? '',
        position: question?.position ?? next,
        articleId: question?.articleId ?? null,
        accepts: question ? [...question.accepts] : [],
        chapterId: question?.chapterId ?? chapterId,
      }}
      schema={questionFieldsSchema}
      record="question"
      save={(fields) => invoke('charter:save-question', { ...ref(question), fields })}
      onDone={onDone}
      fields={(control, err) => (
        <>
          <BoundTextField control={control} name="prompt" label={t('charter.form.prompt')} isRequired errorMessage={err('prompt')} />
          <BoundNumberField control={control} name="position" label={t('charter.form.position')} description={t('charter.form.positionHint')} minValue={1} errorMessage={err('position')} isRequired />
          <Controller
            control={control}
            name="articleId"
            render={({ field }) => (
              <SelectField
                label={t('charter.form.article')}
                name="articleId"
                description={t('charter.form.articleHint')}
                placeholder={t('charter.form.noArticle')}
                options={[{ id: NONE, label: t('charter.form.noArticle') }, ...articles.map((a) => ({ id: a.id, label: t('charter.structure.article', { n: a.position, title: a.title }) }))]}
                value={field.value ?? NONE}
                onChange={(v) => field.onChange(v && v !== NONE ? v : null)}
                onBlur={field.onBlur}
                buttonRef={field.ref}
                errorMessage={err('articleId')}
              />
            )}
          />
          <Controller
            control={control}
            name="accepts"
            render={({ field }) => (
              <CheckboxGroupField
                label={t('charter.form.accepts')}
                name="accepts"
                isRequired
                options={contributionTypes.map((id) => ({ id, label: t(`labels.contributionTypes.${id}`) }))}
                value={field.value ?? []}
                onChange={field.onChange}
                errorMessage={err('accepts')}
              />
            )}
          />
        </>
      )}
    />
  );
}

export function TagEditor({ tag, onDone }: Common & { tag?: Tag }) {
  const { t } = useTranslation();
  type V = z.input<typeof tagFieldsSchema>;
  return (
    <EditorForm<V, z.output<typeof tagFieldsSchema>>
      title={tag ? t('charter.form.editTag') : t('charter.form.newTag')}
      storageKey={key('tag', tag?.id)}
      defaults={{ label: tag?.label ?? '' }}
      schema={tagFieldsSchema}
      record="tag"
      save={(fields) => invoke('charter:save-tag', { ...ref(tag), fields })}
      onDone={onDone}
      fields={(control, err) => <BoundTextField control={control} name="label" label={t('charter.form.label')} isRequired errorMessage={err('label')} />}
    />
  );
}

export function ConsultationEditor({ consultation, onDone }: Common & { consultation?: Consultation }) {
  const { t } = useTranslation();
  type V = z.input<typeof consultationFieldsSchema>;
  const storageKey = key('consultation', consultation?.id);
  return (
    <EditorForm<V, z.output<typeof consultationFieldsSchema>>
      title={consultation ? t('charter.form.editConsultation') : t('charter.form.newConsultation')}
      storageKey={storageKey}
      defaults={{
        title: consultation?.title ?? '',
        description: consultation?.description ?? '',
        opensOn: consultation?.opensOn ?? '',
        closesOn: consultation?.closesOn ?? '',
        channels: consultation ? [...consultation.channels] : [],
      }}
      schema={consultationFieldsSchema}
      record="consultation"
      save={(fields) => invoke('charter:save-consultation', { ...ref(consultation), fields })}
      onDone={onDone}
      fields={(control, err) => (
        <>
          <BoundTextField control={control} name="title" label={t('charter.form.title')} isRequired errorMessage={err('title')} />
          <BoundTextField control={control} name="description" label={t('charter.form.description')} multiline rows={3} errorMessage={err('description')} />
          <BoundDateField control={control} name="opensOn" label={t('charter.form.opensOn')} isRequired partialKey={`${storageKey}.opensOn`} errorMessage={err('opensOn')} />
          <BoundDateField control={control} name="closesOn" label={t('charter.form.closesOn')} isRequired partialKey={`${storageKey}.closesOn`} errorMessage={err('closesOn')} />
          <Controller
            control={control}
            name="channels"
            render={({ field }) => (
              <CheckboxGroupField
                label={t('charter.form.channels')}
                name="channels"
                isRequired
                options={charterChannels.map((id) => ({ id, label: t(`labels.charterChannels.${id}`) }))}
                value={field.value ?? []}
                onChange={field.onChange}
                errorMessage={err('channels')}
              />
            )}
          />
        </>
      )}
    />
  );
}
