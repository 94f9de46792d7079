/**
 * The case's prototypes: each with its title, description, photos and videos; the form of a new
 * one, whose files are stored by the core as they are chosen (photos through `attachments:add`,
 * videos through `transfoCases:add-video`) and kept in the draft, so a reload keeps them too.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { FileTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_INPUT_MAX_BYTES } from '#shared/proposals/proposal.schema.js';
import { casePrototypeSchema, type CaseAttachment, type CasePrototype } from '#shared/transfo/case-sync.schema.js';
import { CASE_VIDEO_MAX_BYTES, caseMediaTypes, casePhotoTypes, caseVideoTypes, isVideoType } from '#shared/transfo/case-values.js';
import type { TransfoCase } from '#shared/transfo/case.schema.js';
import { invoke } from '#renderer/api/client.js';
import { translateError, translateMessage } from '#renderer/app/i18n.js';
import { Button } from '#renderer/components/Button.js';
import { ErrorAlert } from '#renderer/components/ErrorAlert.js';
import { BoundTextField } from '#renderer/components/forms/bound-fields.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { MediaView } from './MediaView';
import { NOUN } from './shared';
import { partPath, savePartOf } from './use-case';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Stores one file in the core; a refusal's message key, or the attachment. */
async function store(file: File): Promise<CaseAttachment | string> {
  const type = file.type;
  if ((caseVideoTypes as readonly string[]).includes(type)) {
    if (file.size > CASE_VIDEO_MAX_BYTES) return 'validation.videoTooBig';
    const r = await invoke('transfoCases:add-video', { mediaType: type as (typeof caseVideoTypes)[number], base64: await toBase64(file) });
    return r.ok ? { sha256: r.value.sha256, mediaType: type as CaseAttachment['mediaType'] } : (Object.values(r.error.fields ?? {})[0] ?? 'validation.invalid');
  }
  if ((casePhotoTypes as readonly string[]).includes(type)) {
    if (file.size > ATTACHMENT_INPUT_MAX_BYTES) return 'validation.fileTooBig';
    const r = await invoke('attachments:add', { mediaType: type as (typeof casePhotoTypes)[number], base64: await toBase64(file) });
    return r.ok ? { sha256: r.value.sha256, mediaType: type as CaseAttachment['mediaType'] } : (Object.values(r.error.fields ?? {})[0] ?? 'validation.invalid');
  }
  return 'validation.mediaType';
}

type Values = { title: string; description: string; attachments: CaseAttachment[] };
const empty: Values = { title: '', description: '', attachments: [] };

export function PrototypesPart({ c }: { c: TransfoCase }) {
  const { t } = useTranslation();
  const id = useId();
  const save = savePartOf(c);
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string | undefined>();
  const [listError, setListError] = useState<string | null>(null);
  const draft = useDraftForm<Values, CasePrototype>({
    storageKey: `atelier.draft.transfoCase.prototype:${c.id}`,
    defaults: empty,
    resolver: zodResolver(casePrototypeSchema),
    sealed: true,
  });
  const { control, handleSubmit, formState, reset, watch, setValue } = draft.form;
  const attachments = watch('attachments');
  const typedTitle = watch('title') || t('transfoCases.ui.case.prototypeTitle');
  const err = (name: 'title' | 'description') => translateMessage(t, formState.errors[name]?.message);

  async function add(files: FileList | null) {
    if (!files?.length) return;
    setFileError(undefined);
    setBusy(true);
    const added: CaseAttachment[] = [];
    for (const file of Array.from(files)) {
      const stored = await store(file);
      if (typeof stored === 'string') setFileError(translateMessage(t, stored));
      else added.push(stored);
    }
    setBusy(false);
    const known = new Set(attachments.map((a) => a.sha256));
    if (added.length) setValue('attachments', [...attachments, ...added.filter((a) => !known.has(a.sha256))], { shouldDirty: true });
  }

  async function onValid(prototype: CasePrototype) {
    draft.sending();
    const saved = await save({ prototypes: [...c.prototypes, prototype] });
    if (!saved.ok) return draft.refused(saved.error, partPath({ title: 'title', description: 'description' }, 'title'));
    draft.saved();
    reset(empty);
  }

  async function remove(i: number) {
    setListError(null);
    const saved = await save({ prototypes: c.prototypes.filter((_, j) => j !== i) });
    if (!saved.ok) setListError(translateError(t, saved.error, NOUN));
  }

  return (
    <section className="case-part" aria-labelledby="case-prototypes-title">
      <h2 id="case-prototypes-title">{t('transfoCases.ui.case.prototypesHeading')}</h2>
      {c.prototypes.length === 0 ? <p className="empty-state">{t('transfoCases.ui.case.prototypesNone')}</p> : null}
      {c.prototypes.map((p, i) => (
        <article key={`${i}-${p.title}`} className="case-prototype" aria-labelledby={`${id}-p${i}`} data-testid="case-prototype">
          <h3 id={`${id}-p${i}`}>{p.title}</h3>
          {p.description ? <p>{p.description}</p> : null}
          {p.attachments.length ? (
            <ul className="case-media">
              {p.attachments.map((a, n) => (
                <li key={a.sha256}>
                  <MediaView media={a} n={n + 1} title={p.title} description={p.description} />
                </li>
              ))}
            </ul>
          ) : null}
          <Button variant="quiet" aria-label={t('transfoCases.ui.case.removeNamed', { name: p.title })} onPress={() => void remove(i)}>
            {t('transfoCases.ui.case.remove')}
          </Button>
        </article>
      ))}
      <ErrorAlert message={listError} />
      <h3 id={`${id}-form`}>{t('transfoCases.ui.case.prototypeFormHeading')}</h3>
      <form noValidate aria-labelledby={`${id}-form`} aria-describedby="case-prototype-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
        <FormHead noteId="case-prototype-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN} />
        <BoundTextField control={control} name="title" label={t('transfoCases.ui.case.prototypeTitle')} description={t('transfoCases.ui.case.prototypeTitleHint')} isRequired errorMessage={err('title')} />
        <BoundTextField
          control={control}
          name="description"
          label={t('transfoCases.ui.case.prototypeDescription')}
          description={t('transfoCases.ui.case.prototypeDescriptionHint')}
          multiline
          errorMessage={err('description')}
        />
        <div className="field" role="group" aria-labelledby={`${id}-media`}>
          <p id={`${id}-media`} className="field__label">
            {t('transfoCases.ui.case.prototypeMedia')}
          </p>
          <p className="field__hint" id={`${id}-media-hint`}>
            {t('transfoCases.ui.case.prototypeMediaHint')}
          </p>
          <FileTrigger allowsMultiple acceptedFileTypes={[...caseMediaTypes]} onSelect={(files) => void add(files)}>
            <Button variant="secondary" aria-describedby={`${id}-media-hint${fileError ? ` ${id}-media-error` : ''}`} isDisabled={busy}>
              {t('transfoCases.ui.case.prototypeMediaAdd')}
            </Button>
          </FileTrigger>
          {fileError ? (
            <p className="field__error" id={`${id}-media-error`}>
              {fileError}
            </p>
          ) : null}
          <p role="status" className="form-note">
            {busy ? t('transfoCases.ui.case.prototypeMediaUploading') : attachments.length ? t('transfoCases.ui.case.prototypeMediaCount', { count: attachments.length }) : ''}
          </p>
          {attachments.length ? (
            <ul className="case-part__list">
              {attachments.map((a, n) => (
                <li key={a.sha256} className="case-part__item">
                  <span>{isVideoType(a.mediaType) ? t('transfoCases.ui.case.videoOf', { n: n + 1, title: typedTitle }) : t('transfoCases.ui.case.photoOf', { n: n + 1, title: typedTitle })}</span>
                  <Button variant="quiet" onPress={() => setValue('attachments', attachments.filter((x) => x.sha256 !== a.sha256), { shouldDirty: true })}>
                    {t('transfoCases.ui.case.prototypeMediaRemove', { n: n + 1 })}
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" isDisabled={formState.isSubmitting || busy}>
            {t('transfoCases.ui.case.prototypeAdd')}
          </Button>
        </div>
      </form>
    </section>
  );
}
