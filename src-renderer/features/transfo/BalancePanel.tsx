/**
 * The balance of the cohort as the lab chooses: by direction, category, gender and seniority,
 * the ambassadors and relais against the candidates (a table each), the warnings as sentences
 * (a live status: a move elsewhere updates them), and « Équilibre respecté » when satisfied.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { balanceNoteText, balanceWarningText, categoryLabel, directionLabel, genderLabel, seniorityBandText } from '#shared/transfo/balance-text.js';
import type { BalanceCounts } from '#shared/transfo/balance.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { currentLanguage, translateError } from '#renderer/app/i18n.js';
import { Alert } from '#renderer/components/Alert.js';
import { NOUN } from './shared';

type Dimension = 'direction' | 'category' | 'gender' | 'seniority';

function CountsTable({ t, dimension, rows }: { t: TFunction; dimension: Dimension; rows: readonly (BalanceCounts & { label: string; key: string })[] }) {
  const name = t(`transfo.balance.dimensions.${dimension}`);
  return (
    <table className="data-table" data-testid={`balance-${dimension}`}>
      <caption>{t('transfo.ui.balance.caption', { dimension: name })}</caption>
      <thead>
        <tr>
          <th scope="col">{name}</th>
          <th scope="col">{t('transfo.balance.columns.chosen')}</th>
          <th scope="col">{t('transfo.balance.columns.relais')}</th>
          <th scope="col">{t('transfo.balance.columns.candidates')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td>{r.chosen}</td>
            <td>{r.relais}</td>
            <td>{r.candidates}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BalancePanel({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const balance = useResult(() => invoke('transfo:balance', { campaignId }), `transfo-balance:${campaignId}`, ['transfo:changed']);
  const b = balance.data;
  return (
    <section aria-labelledby="balance-heading" className="transfo__balance">
      <h2 id="balance-heading">{t('transfo.balance.heading')}</h2>
      {balance.error ? (
        <Alert tone="error" role="alert">
          <p>{translateError(t, balance.error, NOUN.campaign)}</p>
        </Alert>
      ) : !b ? (
        <p className="loading">{t('transfo.ui.loading')}</p>
      ) : (
        <>
          <div role="status" data-testid="balance-status">
            {b.satisfied ? (
              <p className="transfo__satisfied">
                {t('transfo.ui.balance.satisfied')} — {t('transfo.balance.satisfied')}
              </p>
            ) : (
              <>
                <h3>{t('transfo.ui.balance.warningsHeading')}</h3>
                <ul data-testid="balance-warnings">
                  {b.warnings.map((w, i) => (
                    <li key={i}>{balanceWarningText(t, language, w)}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <p>{t('transfo.ui.balance.totals', b.totals)}</p>
          {b.notes.length > 0 ? (
            <>
              <h3>{t('transfo.ui.balance.notesHeading')}</h3>
              <ul>
                {b.notes.map((n, i) => (
                  <li key={i}>{balanceNoteText(t, n)}</li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="transfo__balance-tables">
            <CountsTable t={t} dimension="direction" rows={b.directions.map((r) => ({ ...r, label: `${r.key} — ${directionLabel(t, r.key)}` }))} />
            <CountsTable t={t} dimension="category" rows={b.categories.map((r) => ({ ...r, label: categoryLabel(t, r.key) }))} />
            <CountsTable t={t} dimension="gender" rows={b.genders.map((r) => ({ ...r, label: genderLabel(t, r.key) }))} />
            <CountsTable t={t} dimension="seniority" rows={b.seniority.map((r) => ({ ...r, label: seniorityBandText(t, r.band) }))} />
          </div>
        </>
      )}
    </section>
  );
}
