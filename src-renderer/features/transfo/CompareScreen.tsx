/** #/transfo/:id/compare — two candidates side by side: a table, one column each. */
import './transfo.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { currentLanguage } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { BackLink } from '#renderer/components/BackLink.js';
import { SelectField } from '#renderer/components/SelectField.js';
import { candidateLines } from './CandidateDetails';

export function CompareScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  const heading = useScreenTitle(t('transfo.ui.compare.title'));
  const list = useResult(() => invoke('transfo:candidates', { campaignId: id, limit: 500 }), `transfo-compare:${id}`, ['transfo:changed']);
  const [first, setFirst] = useState<string | null>(null);
  const [second, setSecond] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const options = items.map((c) => ({ id: c.id, label: `${c.fullName ?? t('transfo.ui.candidate.erased')} (${c.direction})` }));
  const a = items.find((c) => c.id === first);
  const b = items.find((c) => c.id === second);

  return (
    <div className="screen transfo">
      <BackLink to={`/transfo/${id}`}>{t('transfo.ui.candidate.back')}</BackLink>
      <h1 ref={heading} tabIndex={-1}>
        {t('transfo.ui.compare.title')}
      </h1>
      <div className="form-row">
        <SelectField label={t('transfo.ui.compare.first')} name="first" options={options} value={first} onChange={setFirst} placeholder={t('common.choose')} />
        <SelectField label={t('transfo.ui.compare.second')} name="second" options={options} value={second} onChange={setSecond} placeholder={t('common.choose')} />
      </div>
      {a && b ? (
        <table className="data-table" data-testid="comparison">
          <caption>{t('transfo.ui.compare.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('transfo.ui.compare.field')}</th>
              <th scope="col">{a.fullName ?? t('transfo.ui.candidate.erased')}</th>
              <th scope="col">{b.fullName ?? t('transfo.ui.candidate.erased')}</th>
            </tr>
          </thead>
          <tbody>
            {candidateLines(t, language, a).map((line, i) => (
              <tr key={line.key}>
                <th scope="row">{line.label}</th>
                <td>{line.value}</td>
                <td>{candidateLines(t, language, b)[i]!.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('transfo.ui.compare.choose')}</p>
      )}
    </div>
  );
}
