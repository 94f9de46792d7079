/**
 * Photos and scans (post-it walls, drawings): each file is sent to the core, stored by its
 * content, and the proposal keeps its SHA-256. Files are chosen with a button that speaks the
 * app's language (react-aria FileTrigger), not the browser's « Choose Files » in the system's
 * language; the hint and the error stay beside it.
 */
import { useId, useState } from 'react';
import { FileTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_INPUT_MAX_BYTES, attachmentMediaTypes } from '#shared/proposals/proposal.schema.js';
import { invoke } from '#renderer/api/client.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { Button } from '#renderer/components/Button.js';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function PhotosField({ value, onChange }: { value: string[]; onChange: (photos: string[]) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function add(files: FileList | null) {
    if (!files?.length) return;
    setError(undefined);
    setBusy(true);
    const added: string[] = [];
    for (const file of Array.from(files)) {
      if (!(attachmentMediaTypes as readonly string[]).includes(file.type)) {
        setError(translateMessage(t, 'validation.mediaType'));
        continue;
      }
      if (file.size > ATTACHMENT_INPUT_MAX_BYTES) {
        setError(translateMessage(t, 'validation.fileTooBig'));
        continue;
      }
      const result = await invoke('attachments:add', { mediaType: file.type as (typeof attachmentMediaTypes)[number], base64: await toBase64(file) });
      if (result.ok) added.push(result.value.sha256);
      else setError(translateMessage(t, Object.values(result.error.fields ?? {})[0] ?? 'validation.invalid'));
    }
    setBusy(false);
    if (added.length) onChange([...new Set([...value, ...added])]);
  }

  return (
    <div className="field photos-field" role="group" aria-labelledby={`${id}-label`}>
      <p id={`${id}-label`} className="field__label">
        {t('proposals.form.photos')}
      </p>
      <p className="field__hint" id={`${id}-hint`}>
        {t('proposals.form.photosHint')}
      </p>
      <FileTrigger allowsMultiple acceptedFileTypes={[...attachmentMediaTypes]} onSelect={(files) => void add(files)}>
        <Button variant="secondary" className="photos-field__add" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} isDisabled={busy}>
          {t('proposals.form.photosAdd')}
        </Button>
      </FileTrigger>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <p role="status" className="form-note">
        {busy ? t('proposals.form.photoUploading') : value.length ? t('proposals.form.photosCount', { count: value.length }) : ''}
      </p>
      {value.length ? (
        <ul className="photos-field__list">
          {value.map((sha, i) => (
            <li key={sha}>
              <Button variant="quiet" onPress={() => onChange(value.filter((s) => s !== sha))}>
                {t('proposals.form.photoRemove', { n: i + 1 })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
