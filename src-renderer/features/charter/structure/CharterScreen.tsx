/**
 * #/charter — the draft charter (chapters → articles → questions), its themes and its
 * consultations, each with its editor opened in place. The lab edits them; a field laptop's
 * core refuses, and the refusal is said in words.
 */
import '../charter.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Result } from '#shared/result.js';
import type { CharterStructure, Consultation } from '#shared/charter/charter.schema.js';
import { invoke } from '#renderer/api/client.js';
import { formatDay } from '#renderer/app/format.js';
import { currentLanguage, translateError } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { Button } from '#renderer/components/Button.js';
import { nounOf, refusalText, type CharterRecord } from '../record-nouns';
import { useConsultations, useStructure } from '../use-charter';
import { ArticleEditor, ChapterEditor, ConsultationEditor, QuestionEditor, TagEditor } from './editors';

type Editing = { kind: 'chapter' | 'article' | 'question' | 'tag' | 'consultation'; id?: string; chapterId?: string } | null;

export function CharterScreen() {
  const { t } = useTranslation();
  const structure = useStructure();
  const consultations = useConsultations();
  const heading = useScreenTitle(t('charter.structure.title'));
  const [editing, setEditingState] = useState<Editing>(null);
  // Closing an editor reloads at once: the next « Ajouter » counts the record just saved.
  const setEditing = (e: Editing) => {
    setEditingState(e);
    if (e === null) {
      structure.reload();
      consultations.reload();
    }
  };
  const busy = structure.loading || consultations.loading;
  const error = structure.error ?? consultations.error;

  return (
    <div className="screen charter">
      <h1 ref={heading} tabIndex={-1}>
        {t('charter.structure.title')}
      </h1>
      <p>{t('charter.structure.intro')}</p>
      <nav aria-label={t('charter.structure.links')} className="actions">
        <Link to="/charter/paper" className="button button--secondary">
          {t('charter.sections.paper')}
        </Link>
        <Link to="/charter/results" className="button button--secondary">
          {t('charter.sections.results')}
        </Link>
      </nav>
      {error ? (
        <Alert tone="error" role="alert">
          <p>{translateError(t, error, nounOf.chapter)}</p>
        </Alert>
      ) : !structure.data || !consultations.data ? (
        <p className="loading">{t('charter.loading')}</p>
      ) : (
        <>
          <StructureSection s={structure.data} editing={editing} setEditing={setEditing} busy={busy} />
          <TagsSection s={structure.data} editing={editing} setEditing={setEditing} />
          <ConsultationsSection items={consultations.data.items} editing={editing} setEditing={setEditing} />
        </>
      )}
    </div>
  );
}

interface SectionProps {
  editing: Editing;
  setEditing: (e: Editing) => void;
  /** Reloading after a save: the positions proposed for a new record wait for it. */
  busy?: boolean;
}

function useRemove() {
  const { t } = useTranslation();
  const notice = useNotice();
  return async (action: Promise<Result<unknown>>, name: string, record: CharterRecord) => {
    const result = await action;
    if (result.ok) notice.show({ tone: 'success', message: (tr) => tr('charter.structure.removed', { name }) });
    else {
      const text = refusalText(t, result.error, record);
      notice.show({ tone: 'error', message: () => text });
    }
  };
}

function RowActions({ name, onEdit, onRemove }: { name: string; onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <span className="charter-row__actions">
      <Button variant="secondary" onPress={onEdit} aria-label={t('charter.structure.editNamed', { name })}>
        {t('charter.structure.edit')}
      </Button>
      <Button variant="quiet" onPress={onRemove} aria-label={t('charter.structure.removeNamed', { name })}>
        {t('charter.structure.remove')}
      </Button>
    </span>
  );
}

function StructureSection({ s, editing, setEditing, busy }: SectionProps & { s: CharterStructure }) {
  const { t } = useTranslation();
  const remove = useRemove();
  const done = () => setEditing(null);
  const chapters = [...s.chapters].sort((a, b) => a.position - b.position);
  const is = (kind: NonNullable<Editing>['kind'], id?: string, chapterId?: string) =>
    editing?.kind === kind && editing.id === id && (chapterId === undefined || editing.chapterId === chapterId);

  return (
    <section className="charter-section" aria-labelledby="charter-chapters">
      <h2 id="charter-chapters">{t('charter.structure.chaptersHeading')}</h2>
      {chapters.length === 0 ? <p>{t('charter.structure.empty')}</p> : null}
      {chapters.map((chapter) => {
        const articles = s.articles.filter((a) => a.chapterId === chapter.id).sort((a, b) => a.position - b.position);
        const questions = s.questions.filter((q) => q.chapterId === chapter.id).sort((a, b) => a.position - b.position);
        const chapterName = t('charter.structure.chapter', { n: chapter.position, title: chapter.title });
        return (
          <section key={chapter.id} className="charter-chapter" aria-labelledby={`chapter-${chapter.id}`} data-testid="charter-chapter">
            <div className="charter-row">
              <h3 id={`chapter-${chapter.id}`}>{chapterName}</h3>
              <RowActions
                name={chapterName}
                onEdit={() => setEditing({ kind: 'chapter', id: chapter.id })}
                onRemove={() => void remove(invoke('charter:remove-chapter', { id: chapter.id, version: chapter.version }), chapterName, 'chapter')}
              />
            </div>
            {chapter.summary ? <p>{chapter.summary}</p> : null}
            {is('chapter', chapter.id) ? <ChapterEditor chapter={chapter} next={chapter.position} onDone={done} /> : null}

            <h4>{t('charter.structure.articlesOf', { n: chapter.position })}</h4>
            {articles.length === 0 ? <p className="screen__meta">{t('charter.structure.noArticles')}</p> : null}
            <ul className="charter-list">
              {articles.map((a) => {
                const name = t('charter.structure.article', { n: a.position, title: a.title });
                return (
                  <li key={a.id} className="charter-item" data-testid="charter-article">
                    <div className="charter-row">
                      <p className="charter-item__title">{name}</p>
                      <RowActions
                        name={name}
                        onEdit={() => setEditing({ kind: 'article', id: a.id })}
                        onRemove={() => void remove(invoke('charter:remove-article', { id: a.id, version: a.version }), name, 'article')}
                      />
                    </div>
                    <p className="charter-item__body">{a.body}</p>
                    {is('article', a.id) ? <ArticleEditor article={a} chapterId={chapter.id} next={a.position} onDone={done} /> : null}
                  </li>
                );
              })}
            </ul>
            {is('article', undefined, chapter.id) ? (
              <ArticleEditor chapterId={chapter.id} next={(articles.at(-1)?.position ?? 0) + 1} onDone={done} />
            ) : (
              <Button variant="secondary" isDisabled={busy} onPress={() => setEditing({ kind: 'article', chapterId: chapter.id })}>
                {t('charter.structure.addArticle', { n: chapter.position })}
              </Button>
            )}

            <h4>{t('charter.structure.questionsOf', { n: chapter.position })}</h4>
            {questions.length === 0 ? <p className="screen__meta">{t('charter.structure.noQuestions')}</p> : null}
            <ul className="charter-list">
              {questions.map((q) => {
                const article = q.articleId ? s.articles.find((a) => a.id === q.articleId) : undefined;
                const name = `${t('charter.structure.question', { n: q.position })} — ${q.prompt}`;
                return (
                  <li key={q.id} className="charter-item" data-testid="charter-question">
                    <div className="charter-row">
                      <p className="charter-item__title">{name}</p>
                      <RowActions
                        name={name}
                        onEdit={() => setEditing({ kind: 'question', id: q.id })}
                        onRemove={() => void remove(invoke('charter:remove-question', { id: q.id, version: q.version }), name, 'question')}
                      />
                    </div>
                    <p className="screen__meta">
                      {t('charter.structure.accepts', { types: q.accepts.map((a) => t(`labels.contributionTypes.${a}`)).join(', ') })}
                      {article ? ` · ${t('charter.structure.aboutArticle', { title: article.title })}` : ''}
                    </p>
                    {is('question', q.id) ? <QuestionEditor question={q} chapterId={chapter.id} articles={articles} next={q.position} onDone={done} /> : null}
                  </li>
                );
              })}
            </ul>
            {is('question', undefined, chapter.id) ? (
              <QuestionEditor chapterId={chapter.id} articles={articles} next={(questions.at(-1)?.position ?? 0) + 1} onDone={done} />
            ) : (
              <Button variant="secondary" isDisabled={busy} onPress={() => setEditing({ kind: 'question', chapterId: chapter.id })}>
                {t('charter.structure.addQuestion', { n: chapter.position })}
              </Button>
            )}
          </section>
        );
      })}
      {is('chapter', undefined) ? (
        <ChapterEditor next={(chapters.at(-1)?.position ?? 0) + 1} onDone={done} />
      ) : (
        <div className="charter-add">
          <Button variant="primary" isDisabled={busy} onPress={() => setEditing({ kind: 'chapter' })}>
            {t('charter.structure.addChapter')}
          </Button>
        </div>
      )}
    </section>
  );
}

function TagsSection({ s, editing, setEditing }: SectionProps & { s: CharterStructure }) {
  const { t } = useTranslation();
  const remove = useRemove();
  const done = () => setEditing(null);
  const tags = [...s.tags].sort((a, b) => a.label.localeCompare(b.label));
  return (
    <section className="charter-section" aria-labelledby="charter-tags">
      <h2 id="charter-tags">{t('charter.structure.tagsHeading')}</h2>
      <p>{t('charter.structure.tagsIntro')}</p>
      {tags.length === 0 ? <p className="screen__meta">{t('charter.structure.tagsEmpty')}</p> : null}
      <ul className="charter-list">
        {tags.map((tag) => (
          <li key={tag.id} className="charter-item" data-testid="charter-tag">
            <div className="charter-row">
              <p className="charter-item__title">{tag.label}</p>
              <RowActions
                name={tag.label}
                onEdit={() => setEditing({ kind: 'tag', id: tag.id })}
                onRemove={() => void remove(invoke('charter:remove-tag', { id: tag.id, version: tag.version }), tag.label, 'tag')}
              />
            </div>
            {editing?.kind === 'tag' && editing.id === tag.id ? <TagEditor tag={tag} onDone={done} /> : null}
          </li>
        ))}
      </ul>
      {editing?.kind === 'tag' && !editing.id ? (
        <TagEditor onDone={done} />
      ) : (
        <Button variant="secondary" onPress={() => setEditing({ kind: 'tag' })}>
          {t('charter.structure.addTag')}
        </Button>
      )}
    </section>
  );
}

function ConsultationsSection({ items, editing, setEditing }: SectionProps & { items: readonly Consultation[] }) {
  const { t } = useTranslation();
  const remove = useRemove();
  const done = () => setEditing(null);
  const language = currentLanguage();
  return (
    <section className="charter-section" aria-labelledby="charter-consultations">
      <h2 id="charter-consultations">{t('charter.structure.consultationsHeading')}</h2>
      {items.length === 0 ? <p className="screen__meta">{t('charter.structure.consultationsEmpty')}</p> : null}
      <ul className="charter-list">
        {items.map((c) => (
          <li key={c.id} className="charter-item" data-testid="charter-consultation">
            <div className="charter-row">
              <p className="charter-item__title">{c.title}</p>
              <RowActions
                name={c.title}
                onEdit={() => setEditing({ kind: 'consultation', id: c.id })}
                onRemove={() => void remove(invoke('charter:remove-consultation', { id: c.id, version: c.version }), c.title, 'consultation')}
              />
            </div>
            <p className="screen__meta">
              {t('charter.structure.period', { from: formatDay(`${c.opensOn}T12:00:00Z`, language), to: formatDay(`${c.closesOn}T12:00:00Z`, language) })}
              {' · '}
              {t('charter.structure.channels', { channels: c.channels.map((ch) => t(`labels.charterChannels.${ch}`)).join(', ') })}
            </p>
            {c.description ? <p>{c.description}</p> : null}
            {editing?.kind === 'consultation' && editing.id === c.id ? <ConsultationEditor consultation={c} onDone={done} /> : null}
          </li>
        ))}
      </ul>
      {editing?.kind === 'consultation' && !editing.id ? (
        <ConsultationEditor onDone={done} />
      ) : (
        <Button variant="secondary" onPress={() => setEditing({ kind: 'consultation' })}>
          {t('charter.structure.addConsultation')}
        </Button>
      )}
    </section>
  );
}
