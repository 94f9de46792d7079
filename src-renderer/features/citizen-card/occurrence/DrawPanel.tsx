/**
 * The published draw: announcing closes the list and publishes the seed (shown); running it
 * gives the drawn and the waiting list, the same on every laptop; the list and the seed export
 * as JSON for scripts/recompute-draw.mjs, so anyone can check it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draw, RegistrationView } from '#shared/citizen-card/citizen-card.schema.js';
import { dataLabel } from '#shared/i18n/label-accessors.js';
import { utcToParisLocal } from '#shared/time/paris-time.js';
import { invoke } from '#renderer/api/client.js';
import { formatDateTime } from '#renderer/app/format.js';
import { currentLanguage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { DateField } from '#renderer/components/DateField.js';
import { downloadBase64 } from '#renderer/components/download.js';
import { NOUN, refusal } from '../shared/nouns';

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function DrawPanel({ workshopId, draw, registrations, onChanged }: { workshopId: string; draw: Draw | null; registrations: readonly RegistrationView[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const language = currentLanguage();
  const [drawDate, setDrawDate] = useState(() => utcToParisLocal(new Date().toISOString()).slice(0, 10));
  const [error, setError] = useState<string | null>(null);
  const byId = new Map(registrations.map((r) => [r.id, r]));
  const nameOf = (key: string) => byId.get(key)?.holderName ?? '—';

  async function announce() {
    setError(null);
    const r = await invoke('citizen-card:announce-draw', { workshopId, drawDate });
    if (!r.ok) return setError(refusal(t, r.error, NOUN.draw));
    notice.show({ tone: 'success', message: (tr) => tr('citizenCard.draw.announced') });
    onChanged();
  }
  async function run() {
    setError(null);
    const r = await invoke('citizen-card:draw', { workshopId });
    if (!r.ok) return setError(refusal(t, r.error, NOUN.draw));
    const drawn = r.value.drawn.length;
    const waiting = r.value.waiting.length;
    notice.show({ tone: 'success', message: (tr) => tr('citizenCard.draw.done', { drawn, waiting }) });
    onChanged();
  }
  async function exportList() {
    const r = await invoke('citizen-card:draw-export', { workshopId });
    if (!r.ok) return setError(refusal(t, r.error, NOUN.draw));
    downloadBase64(r.value.fileName, 'application/json', toBase64(r.value.json));
  }

  return (
    <section className="card-panel" aria-labelledby="draw-heading">
      <h2 id="draw-heading">{t('citizenCard.draw.heading')}</h2>
      <p>{t('citizenCard.draw.intro')}</p>
      {draw ? (
        <>
          <p data-testid="draw-status">
            {draw.status === 'drawn' && draw.drawnAt
              ? t('citizenCard.draw.statusDrawn', { date: formatDateTime(draw.drawnAt, language), by: draw.drawnBy ?? '—' })
              : t('citizenCard.draw.statusAnnounced', { date: formatDateTime(draw.announcedAt, language), by: draw.announcedBy })}
          </p>
          <dl className="card-facts">
            <div>
              <dt>{t('citizenCard.draw.drawDate')}</dt>
              <dd>{draw.drawDate}</dd>
            </div>
            <div>
              <dt>{t('citizenCard.draw.seed')}</dt>
              <dd className="card-seed" data-testid="draw-seed">
                {draw.seed}
              </dd>
            </div>
          </dl>
          <p>{t('citizenCard.draw.entries', { count: draw.entries.length })}</p>
        </>
      ) : (
        <DateField name="drawDate" label={t('citizenCard.draw.drawDate')} value={drawDate} onChange={setDrawDate} isRequired />
      )}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        {!draw ? (
          <Button variant="primary" onPress={() => void announce()}>
            {t('citizenCard.draw.announce')}
          </Button>
        ) : null}
        {draw?.status === 'announced' ? (
          <Button variant="primary" onPress={() => void run()}>
            {t('citizenCard.draw.run')}
          </Button>
        ) : null}
        {draw ? (
          <Button variant="secondary" onPress={() => void exportList()}>
            {t('citizenCard.draw.export')}
          </Button>
        ) : null}
      </div>
      {draw?.status === 'drawn' ? (
        <div className="card-columns">
          <div>
            <h3 id="drawn-heading">{t('citizenCard.draw.drawnHeading')}</h3>
            <table className="data-table" data-testid="drawn-list">
              <caption className="visually-hidden">{t('citizenCard.draw.drawnCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('citizenCard.draw.colRank')}</th>
                  <th scope="col">{t('citizenCard.draw.colName')}</th>
                  <th scope="col">{t('citizenCard.draw.colGroup')}</th>
                </tr>
              </thead>
              <tbody>
                {draw.drawn.map((d) => (
                  <tr key={d.key}>
                    <td>{d.rank}</td>
                    <td>{nameOf(d.key)}</td>
                    <td>{d.group ? dataLabel(t, 'priorityGroups', d.group) : t('citizenCard.draw.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div>
            <h3 id="waiting-heading">{t('citizenCard.draw.waitingHeading')}</h3>
            <table className="data-table" data-testid="waiting-list">
              <caption className="visually-hidden">{t('citizenCard.draw.waitingCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('citizenCard.draw.colRank')}</th>
                  <th scope="col">{t('citizenCard.draw.colName')}</th>
                </tr>
              </thead>
              <tbody>
                {draw.waiting.map((d) => (
                  <tr key={d.key}>
                    <td>{d.rank}</td>
                    <td>{nameOf(d.key)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </section>
  );
}
