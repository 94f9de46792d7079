/**
 * #/transfo/:id/letters — the letters to the candidates with a decision: choose them, sign,
 * date; the PDF is downloaded (one letter a page) and each text is shown to copy into a mail.
 */
import './transfo.css';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { z } from 'zod';
import { lettersInputSchema, type Letters } from '#shared/transfo/transfo.schema.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { BackLink } from '#renderer/components/BackLink.js';
import { Button } from '#renderer/components/Button.js';
import { CheckboxGroupField } from '#renderer/components/CheckboxGroupField.js';
import { downloadBase64 } from '#renderer/components/download.js';
import { BoundDateField, BoundTextField } from '#renderer/components/forms/bound-fields.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { TextField } from '#renderer/components/TextField.js';
import { NOUN } from './shared';

const today = () => new Date().toISOString().slice(0, 10);

const l = lettersInputSchema.shape;
/** The command's fields; the first session's date may be left empty. */
const schema = z.object({
  candidateIds: l.candidateIds,
  signature: l.signature,
  date: l.date,
  firstSessionOn: z.union([z.literal(''), z.iso.date({ error: 'validation.date' })]),
});
type Values = z.input<typeof schema>;
type Fields = z.output<typeof schema>;

export function LettersScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const heading = useScreenTitle(t('transfo.ui.letters.title'));
  const decided = useResult(
    () => invoke('transfo:candidates', { campaignId: id, stage: ['ambassador', 'relais', 'not_chosen'], sort: 'stage', limit: 500 }),
    `transfo-letters:${id}`,
    ['transfo:changed'],
  );
  // Who receives a refusal is about people: the draft is sealed like the application's.
  const draft = useDraftForm<Values, Fields>({
    storageKey: `atelier.draft.transfoLetters.new:${id}`,
    sealed: true,
    defaults: { candidateIds: [], signature: '', date: today(), firstSessionOn: '' },
    resolver: zodResolver(schema),
  });
  const { control, handleSubmit, formState } = draft.form;
  const err = (name: keyof Values) => translateMessage(t, formState.errors[name]?.message);
  const [letters, setLetters] = useState<Letters | null>(null);
  const options = (decided.data?.items ?? []).map((c) => ({ id: c.id, label: `${c.fullName ?? '—'} — ${t(`transfo.stages.${c.stage}`)}` }));

  async function onValid(f: Fields) {
    draft.sending();
    const r = await invoke('transfo:letters', { campaignId: id, candidateIds: f.candidateIds, signature: f.signature, date: f.date, ...(f.firstSessionOn ? { firstSessionOn: f.firstSessionOn } : {}) });
    if (!r.ok) {
      setLetters(null);
      return draft.refused(r.error);
    }
    // The letters are made: the choice stays on screen (to print them again), the draft is done.
    draft.saved();
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
        <form noValidate aria-describedby="letters-draft-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
          <FormHead noteId="letters-draft-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN.candidate} />
          <Controller
            control={control}
            name="candidateIds"
            render={({ field }) => (
              <CheckboxGroupField
                label={t('transfo.ui.letters.candidates')}
                name="candidateIds"
                options={options}
                value={field.value}
                onChange={field.onChange}
                isRequired
                errorMessage={err('candidateIds')}
              />
            )}
          />
          <BoundTextField
            control={control}
            name="signature"
            label={t('transfo.ui.letters.signature')}
            multiline
            rows={3}
            description={t('transfo.ui.letters.signatureHint')}
            isRequired
            errorMessage={err('signature')}
          />
          <div className="form-row">
            <BoundDateField control={control} name="date" label={t('transfo.ui.letters.date')} isRequired errorMessage={err('date')} partialKey={draft.halfTypedKey('date')} />
            <BoundDateField control={control} name="firstSessionOn" label={t('transfo.ui.letters.firstSessionOn')} errorMessage={err('firstSessionOn')} partialKey={draft.halfTypedKey('firstSessionOn')} />
          </div>
          <div className="form-actions">
            <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
              {formState.isSubmitting ? t('transfo.ui.letters.working') : t('transfo.ui.letters.submit')}
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
