/**
 * One editor of the charter screen (a chapter, an article, a question, a theme, a consultation):
 * the draft form of the app (useDraftForm: the shared schema, a draft kept as it is typed, the
 * core's refusals beside their fields). A refusal about no field of the form (a field laptop
 * may not edit the charter) is said in words above the fields; what was typed stays.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { Control, FieldErrors, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Result } from '#shared/result.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { ErrorAlert } from '#renderer/components/ErrorAlert.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { nounOf, type CharterRecord } from '../record-nouns';

export interface EditorFormProps<V extends FieldValues, Out> {
  title: string;
  storageKey: string;
  defaults: V;
  schema: z.ZodType<Out, V>;
  record: CharterRecord;
  save: (fields: Out) => Promise<Result<unknown>>;
  onDone: () => void;
  fields: (control: Control<V>, err: (name: string) => string | undefined, errors: FieldErrors<V>) => ReactNode;
}

export function EditorForm<V extends FieldValues, Out>({ title, storageKey, defaults, schema, record, save, onDone, fields }: EditorFormProps<V, Out>) {
  const { t } = useTranslation();
  const notice = useNotice();
  const id = useId();
  const [unbound, setUnbound] = useState<string | null>(null);
  const draft = useDraftForm<V, Out>({ storageKey, defaults, resolver: zodResolver(schema as never) as never });
  const { control, handleSubmit, formState, setFocus } = draft.form;
  const names = Object.keys(defaults);

  useEffect(() => {
    // The first field takes the focus when the editor opens.
    const first = names[0];
    if (first) setFocus(first as never);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const err = (name: string): string | undefined => {
    const message = name.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), formState.errors);
    const text = message && typeof message === 'object' && 'message' in message ? (message as { message?: unknown }).message : undefined;
    return typeof text === 'string' ? translateMessage(t, text) : undefined;
  };

  async function onValid(values: Out) {
    draft.sending();
    setUnbound(null);
    const result = await save(values);
    if (result.ok) {
      draft.saved();
      notice.show({ tone: 'success', message: (tr) => tr('charter.structure.saved') });
      onDone();
      return;
    }
    const path = (p: string) => p.replace(/^fields\./, '');
    const elsewhere = Object.entries(result.error.fields ?? {}).filter(([p]) => !names.includes(path(p).split('.')[0]!));
    setUnbound(elsewhere.length ? elsewhere.map(([, m]) => translateMessage(t, m)).join(' ') : null);
    draft.refused(result.error, path);
  }

  return (
    <form
      className="charter-editor"
      noValidate
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-note`}
      onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}
    >
      <h3 id={`${id}-title`} className="charter-editor__title">
        {title}
      </h3>
      <FormHead noteId={`${id}-note`} head={draft.head} summaryRef={draft.summaryRef} record={nounOf[record]} />
      <ErrorAlert message={unbound} />
      {fields(control as unknown as Control<V>, err, formState.errors)}
      <div className="form-actions">
        <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('charter.structure.saving') : t('charter.structure.save')}
        </Button>
        <Button variant="quiet" onPress={onDone}>
          {t('charter.structure.cancel')}
        </Button>
      </div>
    </form>
  );
}
