/**
 * Imports the City's CSV file: read in the browser, its header checked by the core
 * (import-header: which column fills which field, what is missing), then sent in chunks of
 * whole lines (import-holders) with a progress bar. Every refused line is listed with its
 * reason, and the whole report downloads as CSV.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { holderImportResultSchema } from '#shared/citizen-card/citizen-card.schema.js';
import { dataLabel } from '#shared/i18n/label-accessors.js';
import { invoke } from '#renderer/api/client.js';
import { Button } from '#renderer/components/Button.js';
import { downloadBase64 } from '#renderer/components/download.js';
import { NOUN, refusal } from '../shared/nouns';
import { chunksOf, readCsv, reportCsv } from './csv-lines';

type Refused = z.infer<typeof holderImportResultSchema>['refused'][number];
interface Totals {
  imported: number;
  updated: number;
  unchanged: number;
  refused: Refused[];
}
const CHUNK_LINES = 1000;
const SHOWN_REFUSALS = 50;

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function HolderImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [running, setRunning] = useState(false);
  const [totals, setTotals] = useState<Totals | null>(null);

  async function run() {
    const file = fileRef.current?.files?.[0];
    if (!file) return setError(t('citizenCard.holders.noFile'));
    setError(null);
    setTotals(null);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return setError(t('citizenCard.holders.unreadable'));
    }
    const csv = readCsv(text);
    if (!csv || csv.records.length === 0) return setError(t('citizenCard.holders.emptyFile'));
    setRunning(true);
    try {
      const head = await invoke('citizen-card:import-header', { header: csv.header });
      if (!head.ok) return setError(refusal(t, head.error, NOUN.holder));
      if (head.value.missing.length > 0) return setError(t('citizenCard.holders.missingColumns', { columns: head.value.missing.map((c) => t(`citizenCard.holders.missingColumn.${c}`)).join(', ') }));
      const importId = crypto.randomUUID();
      const { chunks, tooLong } = chunksOf(csv.records, CHUNK_LINES);
      const sum: Totals = { imported: 0, updated: 0, unchanged: 0, refused: tooLong.map((r) => ({ line: r.line, reason: 'tooLong', value: r.text.slice(0, 200) })) };
      const total = csv.records.length;
      let done = tooLong.length;
      setProgress({ done, total });
      for (const chunk of chunks) {
        const r = await invoke('citizen-card:import-holders', { importId, firstLine: chunk.firstLine, header: csv.header, lines: chunk.lines });
        if (!r.ok) {
          // What was sent before stays imported; the report says up to where.
          setTotals({ ...sum, refused: [...sum.refused].sort((a, b) => a.line - b.line) });
          return setError(refusal(t, r.error, NOUN.holder));
        }
        sum.imported += r.value.imported;
        sum.updated += r.value.updated;
        sum.unchanged += r.value.unchanged;
        sum.refused.push(...r.value.refused);
        done += chunk.lines.length;
        setProgress({ done, total });
      }
      sum.refused.sort((a, b) => a.line - b.line);
      setTotals(sum);
      onImported();
    } finally {
      setRunning(false);
    }
  }

  function downloadReport() {
    if (!totals) return;
    const rows = totals.refused.map((r) => ({ line: r.line, reason: dataLabel(t, 'importRefusalReasons', r.reason), value: r.value }));
    downloadBase64(t('citizenCard.holders.reportFile'), 'text/csv', toBase64(reportCsv(t('citizenCard.holders.reportHeader'), rows)));
  }

  return (
    <section className="card-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('citizenCard.holders.importHeading')}</h2>
      <p>{t('citizenCard.holders.importIntro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-file`} className="field__label">
            {t('citizenCard.holders.file')}
          </label>
          <input id={`${id}-file`} ref={fileRef} type="file" accept=".csv,text/csv" className="field__control card-file" name="file" />
        </div>
        <Button type="submit" variant="primary" isDisabled={running}>
          {running ? t('citizenCard.holders.importing') : t('citizenCard.holders.import')}
        </Button>
      </form>
      {progress ? (
        <div className="card-progress">
          <label htmlFor={`${id}-progress`}>{t('citizenCard.holders.progress')}</label>
          <progress id={`${id}-progress`} max={progress.total} value={progress.done} />
          <span data-testid="import-progress">{t('citizenCard.holders.progressText', { done: progress.done, total: progress.total })}</span>
        </div>
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {totals ? (
        <div role="status" data-testid="import-result">
          <p>
            {t('citizenCard.holders.result', { imported: totals.imported, updated: totals.updated, unchanged: totals.unchanged, refused: totals.refused.length })}
          </p>
        </div>
      ) : null}
      {totals && totals.refused.length > 0 ? (
        <>
          <h3>{t('citizenCard.holders.refusedHeading')}</h3>
          <table className="data-table" data-testid="refused-lines">
            <caption className="visually-hidden">{t('citizenCard.holders.refusedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('citizenCard.holders.colLine')}</th>
                <th scope="col">{t('citizenCard.holders.colReason')}</th>
                <th scope="col">{t('citizenCard.holders.colValue')}</th>
              </tr>
            </thead>
            <tbody>
              {totals.refused.slice(0, SHOWN_REFUSALS).map((r) => (
                <tr key={`${r.line}-${r.reason}`}>
                  <td>{r.line}</td>
                  <td>{dataLabel(t, 'importRefusalReasons', r.reason)}</td>
                  <td className="card-value">{r.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {totals.refused.length > SHOWN_REFUSALS ? <p>{t('citizenCard.holders.refusedMore', { count: totals.refused.length - SHOWN_REFUSALS })}</p> : null}
          <Button variant="secondary" onPress={downloadReport}>
            {t('citizenCard.holders.report')}
          </Button>
        </>
      ) : null}
    </section>
  );
}
