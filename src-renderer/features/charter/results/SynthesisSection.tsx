/** The synthesis: counts per chapter and channel, agreement per article (masked under five), the most amended articles, the top themes. */
import { useTranslation } from 'react-i18next';
import { agreementLevels, charterChannels } from '#shared/charter/charter.schema.js';
import { agreementLabel } from '#shared/i18n/label-accessors.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { formatNumber } from '#renderer/app/format.js';
import { currentLanguage, translateError } from '#renderer/app/i18n.js';
import { Alert } from '#renderer/components/Alert.js';
import { nounOf } from '../record-nouns';
import { Masked } from './Masked';

export function SynthesisSection({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const loaded = useResult(() => invoke('charter:synthesis', { consultationId }), consultationId, ['charter:changed']);
  const s = loaded.data;
  const language = currentLanguage();
  const n = (v: number) => formatNumber(v, language);
  return (
    <section className="charter-section" aria-labelledby="results-synthesis" data-testid="synthesis">
      <h2 id="results-synthesis">{t('charter.results.synthesisHeading')}</h2>
      {loaded.error ? (
        <Alert tone="error" role="alert">
          <p>{translateError(t, loaded.error, nounOf.consultation)}</p>
        </Alert>
      ) : !s ? (
        <p className="loading">{t('charter.loading')}</p>
      ) : (
        <>
          <p>{t('charter.results.synthesisTotals', { contributions: n(s.contributions), respondents: n(s.respondents) })}</p>
          <div className="charter-table-wrap">
            <table className="data-table charter-figures" data-testid="synthesis-by-chapter">
              <caption>{t('charter.results.byChapterCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('charter.results.chapter')}</th>
                  {charterChannels.map((c) => (
                    <th key={c} scope="col" className="num">
                      {t(`labels.charterChannels.${c}`)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('charter.results.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.byChapter.map((row) => (
                  <tr key={row.chapterId}>
                    <th scope="row">{t('charter.structure.chapter', { n: row.position, title: row.title })}</th>
                    <td className="num">{n(row.workshop)}</td>
                    <td className="num">{n(row.paper)}</td>
                    <td className="num">{n(row.online)}</td>
                    <td className="num">{n(row.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <p className="field__hint">{t('charter.results.maskedNote')}</p>
          <div className="charter-table-wrap">
            <table className="data-table charter-figures" data-testid="synthesis-agreement">
              <caption>{t('charter.results.agreementCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('charter.results.article')}</th>
                  {agreementLevels.map((level) => (
                    <th key={level} scope="col" className="num">
                      <abbr title={agreementLabel(t, level)}>{level}</abbr>
                      <span className="visually-hidden"> — {agreementLabel(t, level)}</span>
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('charter.results.answers')}
                  </th>
                  <th scope="col" className="num">
                    {t('charter.results.mean')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.agreementByArticle.map((row) => (
                  <tr key={row.articleId}>
                    <th scope="row">{row.title}</th>
                    {row.levels.map((v, i) => (
                      <td key={i} className="num">
                        <Masked value={v} />
                      </td>
                    ))}
                    <td className="num">
                      <Masked value={row.answers >= 5 ? row.answers : null} />
                    </td>
                    <td className="num">{row.mean === null ? <Masked value={null} /> : new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(row.mean)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <div className="charter-figures-pair">
            <table className="data-table charter-figures" data-testid="synthesis-amended">
              <caption>{t('charter.results.mostAmendedCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('charter.results.article')}</th>
                  <th scope="col" className="num">
                    {t('charter.results.amendments')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.mostAmended.length === 0 ? (
                  <tr>
                    <td colSpan={2}>{t('charter.results.none')}</td>
                  </tr>
                ) : (
                  s.mostAmended.map((row) => (
                    <tr key={row.articleId}>
                      <th scope="row">{row.title}</th>
                      <td className="num">{n(row.amendments)}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
            <table className="data-table charter-figures" data-testid="synthesis-tags">
              <caption>{t('charter.results.topTagsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('charter.results.tag')}</th>
                  <th scope="col" className="num">
                    {t('charter.results.contributions')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.topTags.length === 0 ? (
                  <tr>
                    <td colSpan={2}>{t('charter.results.none')}</td>
                  </tr>
                ) : (
                  s.topTags.map((row) => (
                    <tr key={row.tagId}>
                      <th scope="row">{row.label}</th>
                      <td className="num">{n(row.contributions)}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
