/**
 * #/citizen-card/holders — the card holders: found as you type among the City's file (name or
 * the start of the card number; only the masked number shown), a holder's history (the lab
 * only), the import of the City's file, and the likely duplicates merged with care.
 */
import '../citizen-card.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Radio, RadioGroup, Label } from 'react-aria-components';
import type { z } from 'zod';
import type { duplicatePairSchema, Holder, holderHistorySchema } from '#shared/citizen-card/citizen-card.schema.js';
import { arrondissementLabel, cardRegistrationStatusLabel } from '#shared/i18n/label-accessors.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { formatDateTime } from '#renderer/app/format.js';
import { currentLanguage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { ActionDialog } from '#renderer/components/ActionDialog.js';
import { BackLink } from '#renderer/components/BackLink.js';
import { Button } from '#renderer/components/Button.js';
import { TextField } from '#renderer/components/TextField.js';
import { holderLine } from '../shared/HolderPicker';
import { NOUN, refusal } from '../shared/nouns';
import { HolderImport } from './HolderImport';

type History = z.infer<typeof holderHistorySchema>;
type Pair = z.infer<typeof duplicatePairSchema>;

export function HoldersScreen() {
  const { t } = useTranslation();
  const heading = useScreenTitle(t('citizenCard.holders.title'));
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; items: Holder[]; total: number; truncated: boolean; error?: string } | null>(null);
  const [history, setHistory] = useState<History | null>(null);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    if (!query.trim()) return;
    let current = true;
    void invoke('citizen-card:search-holders', { query, limit: 20 }).then((r) => {
      if (!current) return;
      setFound(r.ok ? { query, ...r.value } : { query, items: [], total: 0, truncated: false, error: refusal(t, r.error, NOUN.holder) });
    });
    return () => {
      current = false;
    };
  }, [query, revision, t]);

  async function openHistory(h: Holder) {
    setHistoryError(null);
    const r = await invoke('citizen-card:holder', { id: h.id });
    if (r.ok) setHistory(r.value);
    else setHistoryError(refusal(t, r.error, NOUN.holder));
  }

  const shown = query.trim() && found?.query === query ? found : null;
  const language = currentLanguage();
  return (
    <div className="screen citizen-card">
      <BackLink to="/citizen-card">{t('citizenCard.back')}</BackLink>
      <h1 ref={heading} tabIndex={-1}>
        {t('citizenCard.holders.title')}
      </h1>

      <search aria-label={t('citizenCard.holders.search')} className="card-search">
        <TextField type="search" name="q" label={t('citizenCard.holders.search')} description={t('citizenCard.holders.searchHint')} value={query} onChange={setQuery} autoComplete="off" />
      </search>
      <p aria-live="polite" aria-atomic="true" data-testid="holder-count">
        {shown && !shown.error ? t('citizenCard.holders.count', { count: shown.total }) : ''}
        {shown?.truncated ? ` ${t('citizenCard.holders.truncated', { count: shown.items.length })}` : ''}
      </p>
      {shown?.error ? (
        <p className="field__error" role="alert">
          {shown.error}
        </p>
      ) : null}
      {shown && shown.items.length > 0 ? (
        <table className="data-table" data-testid="holders">
          <caption className="visually-hidden">{t('citizenCard.holders.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('citizenCard.holders.colName')}</th>
              <th scope="col">{t('citizenCard.holders.colCard')}</th>
              <th scope="col">{t('citizenCard.holders.colBirthYear')}</th>
              <th scope="col">{t('citizenCard.holders.colArrondissement')}</th>
              <th scope="col">{t('citizenCard.holders.colSource')}</th>
              <th scope="col">{t('citizenCard.holders.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.items.map((h) => (
              <tr key={h.id} data-testid="holder-row">
                <th scope="row">{h.name ?? '—'}</th>
                <td>{holderLine(h).card}</td>
                <td>{h.birthYear ?? '—'}</td>
                <td>{h.arrondissement ? arrondissementLabel(t, h.arrondissement) : '—'}</td>
                <td>{t(`labels.holderSources.${h.source}`)}</td>
                <td>
                  <Button variant="quiet" onPress={() => void openHistory(h)}>
                    {t('citizenCard.holders.history', { name: h.name ?? '' })}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {historyError ? (
        <p className="field__error" role="alert">
          {historyError}
        </p>
      ) : null}
      {history ? (
        <section className="card-panel" aria-labelledby="history-heading" data-testid="holder-history">
          <h2 id="history-heading">{t('citizenCard.holders.historyHeading', { name: history.holder.name ?? '' })}</h2>
          <p className="field__hint">{t('citizenCard.holders.historyIntro')}</p>
          <p>{t('citizenCard.holders.historyCounts', { attended: history.attended, noShows: history.noShows })}</p>
          {history.registrations.length === 0 ? (
            <p>{t('citizenCard.holders.historyEmpty')}</p>
          ) : (
            <table className="data-table">
              <caption className="visually-hidden">{t('citizenCard.holders.historyCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('citizenCard.holders.colAtelier')}</th>
                  <th scope="col">{t('citizenCard.holders.colWhen')}</th>
                  <th scope="col">{t('citizenCard.holders.colStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {history.registrations.map((r) => (
                  <tr key={r.id}>
                    <td>{r.workshopTitle}</td>
                    <td>{formatDateTime(r.startsAt, language)}</td>
                    <td>{cardRegistrationStatusLabel(t, r.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Button variant="quiet" onPress={() => setHistory(null)}>
            {t('citizenCard.holders.closeHistory')}
          </Button>
        </section>
      ) : null}

      <HolderImport onImported={() => setRevision((n) => n + 1)} />
      <Duplicates revision={revision} onMerged={() => setRevision((n) => n + 1)} />
    </div>
  );
}

function Duplicates({ revision, onMerged }: { revision: number; onMerged: () => void }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const list = useResult(() => invoke('citizen-card:duplicates', {}), `duplicates#${revision}`, ['citizen-card:changed']);
  const [pair, setPair] = useState<Pair | null>(null);
  const [keep, setKeep] = useState<'a' | 'b'>('a');
  const [error, setError] = useState<string | null>(null);
  const items = list.data?.items ?? [];

  async function merge() {
    if (!pair) return;
    const [k, m] = keep === 'a' ? [pair.a, pair.b] : [pair.b, pair.a];
    const r = await invoke('citizen-card:merge-holders', { keepId: k.id, keepVersion: k.version, mergeId: m.id, mergeVersion: m.version });
    if (!r.ok) return setError(refusal(t, r.error, NOUN.holder));
    setPair(null);
    notice.show({ tone: 'success', message: (tr) => tr('citizenCard.holders.merged') });
    list.reload();
    onMerged();
  }

  const describe = (h: Holder) => {
    const { name, card } = holderLine(h);
    return `${name} — ${card}${h.birthYear ? ` — ${h.birthYear}` : ''}${h.email ? ` — ${h.email}` : ''}`;
  };
  return (
    <section className="card-panel" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">{t('citizenCard.holders.duplicatesHeading')}</h2>
      <p>{t('citizenCard.holders.duplicatesIntro')}</p>
      {list.error ? (
        <p className="field__error" role="alert">
          {refusal(t, list.error, NOUN.holder)}
        </p>
      ) : items.length === 0 ? (
        <p>{list.data ? t('citizenCard.holders.duplicatesEmpty') : t('citizenCard.loading')}</p>
      ) : (
        <table className="data-table" data-testid="duplicates">
          <caption className="visually-hidden">{t('citizenCard.holders.duplicatesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('citizenCard.holders.colFirst')}</th>
              <th scope="col">{t('citizenCard.holders.colSecond')}</th>
              <th scope="col">{t('citizenCard.holders.colWhy')}</th>
              <th scope="col">{t('citizenCard.holders.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={`${p.a.id}-${p.b.id}`} data-testid="duplicate-row">
                <td>{describe(p.a)}</td>
                <td>{describe(p.b)}</td>
                <td>{t(`labels.duplicateReasons.${p.reason}`)}</td>
                <td>
                  <Button
                    variant="secondary"
                    aria-label={t('citizenCard.holders.mergeLabel', { a: p.a.name ?? '', b: p.b.name ?? '' })}
                    onPress={() => {
                      setKeep('a');
                      setError(null);
                      setPair(p);
                    }}
                  >
                    {t('citizenCard.holders.merge')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ActionDialog isOpen={pair !== null} onOpenChange={(open) => !open && setPair(null)} title={t('citizenCard.holders.mergeTitle')}>
        <p>{t('citizenCard.holders.mergeIntro')}</p>
        {pair ? (
          <RadioGroup value={keep} onChange={(v) => setKeep(v as 'a' | 'b')} className="card-radio-group">
            <Label className="field__label">{t('citizenCard.holders.keep')}</Label>
            <div className="card-radio-group__options card-radio-group__options--column">
              <Radio value="a" className="card-radio">
                <span className="card-radio__mark" aria-hidden="true" />
                {describe(pair.a)}
              </Radio>
              <Radio value="b" className="card-radio">
                <span className="card-radio__mark" aria-hidden="true" />
                {describe(pair.b)}
              </Radio>
            </div>
          </RadioGroup>
        ) : null}
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          <Button variant="danger" onPress={() => void merge()}>
            {t('citizenCard.holders.mergeConfirm')}
          </Button>
          <Button variant="quiet" slot="close">
            {t('citizenCard.holders.mergeDismiss')}
          </Button>
        </div>
      </ActionDialog>
    </section>
  );
}
