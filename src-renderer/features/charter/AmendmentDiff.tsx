/**
 * An amendment as a diff of words against the article's text: added words underlined and marked
 * « + », removed words struck through and marked « − », each also said in words to screen
 * readers (« ajouté : … »), so nothing rests on colour alone.
 */
import { diffWords } from 'diff';
import { useTranslation } from 'react-i18next';

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function AmendmentDiff({ base, text, id }: { base: string; text: string; id?: string }) {
  const { t } = useTranslation();
  const parts = diffWords(base, text);
  const added = parts.filter((p) => p.added).reduce((n, p) => n + words(p.value), 0);
  const removed = parts.filter((p) => p.removed).reduce((n, p) => n + words(p.value), 0);
  return (
    <section className="charter-diff" aria-labelledby={id ? `${id}-title` : undefined} data-testid="amendment-diff">
      <h3 id={id ? `${id}-title` : undefined} className="charter-diff__title">
        {t('charter.diff.heading')}
      </h3>
      <p className="field__hint">{t('charter.diff.legend')}</p>
      <p className="charter-diff__summary">{added || removed ? t('charter.diff.summary', { added, removed }) : t('charter.diff.none')}</p>
      <p className="charter-diff__text">
        {parts.map((p, i) =>
          p.added ? (
            <ins key={i} className="charter-diff__ins">
              <span className="visually-hidden">[{t('charter.diff.added')} </span>
              <span aria-hidden="true">+</span>
              {p.value}
              <span className="visually-hidden">]</span>
            </ins>
          ) : p.removed ? (
            <del key={i} className="charter-diff__del">
              <span className="visually-hidden">[{t('charter.diff.removed')} </span>
              <span aria-hidden="true">−</span>
              {p.value}
              <span className="visually-hidden">]</span>
            </del>
          ) : (
            <span key={i}>{p.value}</span>
          ),
        )}
      </p>
    </section>
  );
}
