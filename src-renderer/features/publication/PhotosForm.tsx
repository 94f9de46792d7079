/**
 * The photos of the period's proposals to choose from, each with its alternative text (required
 * for a chosen photo: the core refuses one without, beside its field). Kept as a draft as it is
 * typed (useDraftForm): a reload keeps the choice and the words.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useController, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PUBLICATION_LIMITS, type Publication, type PublicationPreview } from '#shared/publication/publication.schema.js';
import { invoke } from '#renderer/api/client.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { CheckboxField } from '#renderer/components/CheckboxField.js';
import { BoundTextField } from '#renderer/components/forms/bound-fields.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { NOUN } from './shared';

type Entry = { chosen: boolean; alt: string };
type Values = { photos: Entry[] };
const schema = z.object({
  photos: z.array(
    z.object({ chosen: z.boolean(), alt: z.string().max(PUBLICATION_LIMITS.alt, { error: `validation.tooLong:${PUBLICATION_LIMITS.alt}` }) }).refine((e) => !e.chosen || e.alt.trim().length > 0, { path: ['alt'], message: 'validation.altRequired' }),
  ),
});

function Thumb({ sha256, label }: { sha256: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void invoke('publication:photo', { sha256 }).then((r) => {
      if (live && r.ok) setSrc(r.value.dataUri);
    });
    return () => {
      live = false;
    };
  }, [sha256]);
  // The photo is described by the alt field beside it: here it is decoration of the choice.
  return src ? <img src={src} alt="" className="publication__thumb" data-testid="photo-thumb" /> : <span className="publication__thumb">{label}</span>;
}

function ChosenBox({ control, index, label }: { control: Control<Values>; index: number; label: string }) {
  const { field } = useController({ control, name: `photos.${index}.chosen` });
  return <CheckboxField label={label} value={field.value === true} onChange={field.onChange} inputRef={field.ref} />;
}

export function PhotosForm({ publication, candidates }: { publication: Publication; candidates: PublicationPreview['candidatePhotos'] }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const chosen = new Map(publication.chosenPhotos.map((p) => [p.sha256, p.alt]));
  const draft = useDraftForm<Values, Values>({
    storageKey: `atelier.draft.publication.${publication.id}.photos`,
    defaults: { photos: candidates.map((c) => ({ chosen: chosen.has(c.sha256), alt: chosen.get(c.sha256) ?? '' })) },
    resolver: zodResolver(schema),
  });
  const { control, handleSubmit, formState } = draft.form;

  async function onValid(v: Values) {
    draft.sending();
    const indexes = candidates.flatMap((_, i) => (v.photos[i]?.chosen ? [i] : []));
    const photos = indexes.map((i) => ({ sha256: candidates[i]!.sha256, alt: v.photos[i]!.alt }));
    const saved = await invoke('publication:choose-photos', { id: publication.id, expectedVersion: publication.version, photos });
    // The core counts the chosen photos; the form counts every photo shown.
    if (!saved.ok) return draft.refused(saved.error, (path) => path.replace(/^photos\.(\d+)/, (_, k: string) => `photos.${indexes[Number(k)] ?? 0}`));
    draft.saved();
    notice.show({ tone: 'success', message: (tr) => tr('publication.ui.detail.photosSaved') });
  }

  return (
    <section className="card-panel" aria-labelledby="publication-photos-title">
      <h2 id="publication-photos-title">{t('publication.ui.detail.photosTitle')}</h2>
      <p>{t('publication.ui.detail.photosIntro')}</p>
      {candidates.length === 0 ? (
        <p className="empty-state">{t('publication.ui.detail.noPhoto')}</p>
      ) : (
        <form noValidate aria-describedby="publication-photos-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
          <FormHead noteId="publication-photos-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN} />
          <ul className="publication__photos">
            {candidates.map((c, i) => {
              const label = t('publication.ui.detail.photoN', { n: i + 1 });
              return (
                <li key={c.sha256} className="publication__photo" data-testid="candidate-photo">
                  <Thumb sha256={c.sha256} label={label} />
                  <ChosenBox control={control} index={i} label={`${t('publication.ui.detail.choose')} (${label})`} />
                  <BoundTextField control={control} name={`photos.${i}.alt`} label={`${t('publication.ui.detail.alt')} (${label})`} errorMessage={translateMessage(t, formState.errors.photos?.[i]?.alt?.message)} />
                </li>
              );
            })}
          </ul>
          <div className="form-actions">
            <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
              {t('publication.ui.detail.savePhotos')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
