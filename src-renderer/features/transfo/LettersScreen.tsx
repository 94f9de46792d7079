/**
 * #/transfo/:id/letters — the letters to the candidates with a decision: choose them, sign,
 * date; the PDF is downloaded (one letter a page) and each text is shown to copy into a mail.
 */
import './transfo.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Letters } from '#shared/transfo/transfo.schema.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { translateError, translateMessage } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { BackLink } from '#renderer/components/BackLink.js';
import { Button } from '#renderer/components/Button.js';
import { CheckboxGroupField } from '#renderer/components/CheckboxGroupField.js';
import { DateField } from '#renderer/components/DateField.js';
import { downloadBase64 } from '#renderer/components/download.js';
import { ErrorAlert } from '#renderer/components/ErrorAlert.js';
import { TextField } from '#renderer/components/TextField.js';
import { NOUN } from './shared';

const today = () => new Date().toISOString().slice(0, 10);

export function LettersScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const heading = useScreenTitle(t('transfo.ui.letters.title'));
  const decided = useResult(
    () => invoke('transfo:candidates', { campaignId: id, stage: ['ambassador', 'relais', 'not_chosen'], sort: 'stage', limit: 500 }),
    `transfo-letters:${id}`,
    ['transfo:changed'],
  );
  const [chosen, setChosen] = useState<string[]>([]);
  const [signature, setSignature] = useState('');
  const [date, setDate] = useState(today());
  const [firstSessionOn, setFirstSessionOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [letters, setLetters] = useState<Letters | null>(null);
  const options = (decided.data?.items ?? []).map((c) => ({ id: c.id, label: `${c.fullName ?? '—'} — ${t(`transfo.stages.${c.stage}`)}` }));

  async function submit() {
    setBusy(true);
    const r = await invoke('transfo:letters', { campaignId: id, candidateIds: chosen, signature, date, ...(firstSessionOn ? { firstSessionOn } : {}) });
    setBusy(false);
    if (!r.ok) {
      setErrors(r.error.fields ?? {});
      setSummary(translateError(t, r.error, NOUN.candidate));
      setLetters(null);
      return;
    }
    setErrors({});
    setSummary(null);
    setLetters(r.value);
    downloadBase64(r.value.fileName, 'application/pdf', r.value.base64);
  }

  return (
    <div className="screen transfo">
      <BackLink to={`/transfo/${id}`}>{t('transfo.ui.candidate.back')}</BackLink>
      <h1 ref={heading} tabIndex={-1}>
        {t('transfo.ui.letters.title')}
      </h1>
      <p>{t('transfo.ui.letters.intro')}</p>
      {decided.data && options.length === 0 ? (
        <p className="empty-state">{t('transfo.ui.letters.none')}</p>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <ErrorAlert message={summary} />
          <CheckboxGroupField
            label={t('transfo.ui.letters.candidates')}
            name="candidateIds"
            options={options}
            value={chosen}
            onChange={setChosen}
            isRequired
            errorMessage={translateMessage(t, errors.candidateIds)}
          />
          <TextField
            label={t('transfo.ui.letters.signature')}
            name="signature"
            multiline
            rows={3}
            value={signature}
            onChange={setSignature}
            description={t('transfo.ui.letters.signatureHint')}
            isRequired
            errorMessage={translateMessage(t, errors.signature)}
          />
          <div className="form-row">
            <DateField label={t('transfo.ui.letters.date')} name="date" value={date} onChange={setDate} isRequired errorMessage={translateMessage(t, errors.date)} />
            <DateField
              label={t('transfo.ui.letters.firstSessionOn')}
              name="firstSessionOn"
              value={firstSessionOn}
              onChange={setFirstSessionOn}
              errorMessage={translateMessage(t, errors.firstSessionOn)}
            />
          </div>
          <div className="form-actions">
            <Button type="submit" variant="primary" isDisabled={busy}>
              {busy ? t('transfo.ui.letters.working') : t('transfo.ui.letters.submit')}
            </Button>
          </div>
        </form>
      )}
      {letters ? (
        <section aria-labelledby="texts-heading">
          <p role="status" data-testid="letters-ready">
            {t('transfo.ui.letters.ready', { file: letters.fileName, pages: letters.pages })}
          </p>
          <Button variant="secondary" onPress={() => downloadBase64(letters.fileName, 'application/pdf', letters.base64)}>
            {t('transfo.ui.letters.download')}
          </Button>
          <h2 id="texts-heading">{t('transfo.ui.letters.textsHeading')}</h2>
          {letters.texts.map((x) => (
            <TextField key={x.candidateId} label={t('transfo.ui.letters.textLabel', { name: x.fullName })} name={`text-${x.candidateId}`} multiline rows={12} value={x.text} onChange={() => undefined} />
          ))}
        </section>
      ) : null}
    </div>
  );
}
