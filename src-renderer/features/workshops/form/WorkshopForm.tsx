/**
 * Create or edit a workshop. Validated with the shared schema (the same the core applies),
 * errors beside each field in the current language, a draft kept as you type, and a version
 * conflict that reloads the workshop without touching what the person typed.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AppError } from '#shared/result.js';
import { workshopFieldsSchema, type Workshop, type WorkshopFields as Fields } from '#shared/workshops/workshop.schema.js';
import { invoke } from '#renderer/api/client.js';
import { translateError } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { DraftRestoredNotice, FormSummary } from '#renderer/components/FormNotices.js';
import { Button } from '#renderer/components/Button.js';
import { clearDraft, loadDraft, saveDraft } from './draft';
import { emptyValues, valuesFromWorkshop, type FormValues } from './form-values';
import { WorkshopFields } from './WorkshopFields';

export interface WorkshopFormProps {
  /** The workshop being edited; absent when creating. */
  workshop?: Workshop;
}

export function WorkshopForm({ workshop }: WorkshopFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notice = useNotice();
  const draftKey = workshop ? `edit:${workshop.id}` : 'new';
  const [initialDraft] = useState(() => loadDraft(draftKey));
  const [draftShown, setDraftShown] = useState(Boolean(initialDraft));
  const [serverError, setServerError] = useState<AppError | null>(null);
  const [triedSubmit, setTriedSubmit] = useState(false);
  const baseVersion = useRef(workshop?.version ?? 0);
  const summaryRef = useRef<HTMLDivElement>(null);

  const defaults = workshop ? valuesFromWorkshop(workshop) : emptyValues();
  const { control, handleSubmit, formState, setError, reset, subscribe } = useForm<FormValues, unknown, Fields>({
    resolver: zodResolver(workshopFieldsSchema),
    defaultValues: initialDraft ? { ...defaults, ...initialDraft.values } : defaults,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  });

  // Keep a draft of every change a person makes (not of resets).
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values, name }) => {
          if (name) saveDraft(draftKey, values);
        },
      }),
    [subscribe, draftKey],
  );

  const errorCount = countErrors(formState.errors);

  async function onValid(fields: Fields) {
    setServerError(null);
    const result = workshop
      ? await invoke('workshops:update', { id: workshop.id, version: baseVersion.current, fields })
      : await invoke('workshops:create', fields);
    if (result.ok) {
      clearDraft(draftKey);
      const title = result.value.title;
      notice.show({ tone: 'success', message: (tr) => (workshop ? tr('workshops.notices.saved') : tr('workshops.notices.created', { title })) });
      void navigate(`/workshops/${result.value.id}`);
      return;
    }
    const error = result.error;
    if (error.code === 'validation' && error.fields) {
      for (const [path, message] of Object.entries(error.fields)) {
        setError(path as keyof FormValues, { type: 'server', message }, { shouldFocus: true });
      }
    }
    if (error.code === 'conflict' && workshop) {
      // Someone changed it elsewhere: take their version as the new base, keep what was typed.
      const fresh = await invoke('workshops:get', { id: workshop.id });
      if (fresh.ok) baseVersion.current = fresh.value.version;
    }
    setServerError(error);
    summaryRef.current?.focus();
  }

  function onInvalid() {
    setTriedSubmit(true);
    setServerError(null);
  }

  return (
    <form
      className="workshop-form"
      noValidate
      aria-describedby="draft-note"
      onSubmit={(e) => void handleSubmit(onValid, onInvalid)(e)}
    >
      <p id="draft-note" className="form-note">
        {t('workshops.form.draftNote')}
      </p>
      {draftShown ? (
        <DraftRestoredNotice
          text={t('workshops.form.draftRestored')}
          discardLabel={t('workshops.form.discardDraft')}
          onDiscard={() => {
            clearDraft(draftKey);
            reset(defaults);
            setDraftShown(false);
          }}
        />
      ) : null}
      <FormSummary
        summaryRef={summaryRef}
        serverError={serverError}
        serverErrorText={serverError ? translateError(t, serverError, 'workshop') : ''}
        fieldErrorsText={triedSubmit && errorCount > 0 ? t('workshops.form.errorSummary', { count: errorCount }) : null}
      />

      <WorkshopFields control={control} errors={formState.errors} draftKey={draftKey} />

      <div className="form-actions">
        <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('workshops.form.saving') : workshop ? t('workshops.form.submitEdit') : t('workshops.form.submitCreate')}
        </Button>
        <Button variant="quiet" onPress={() => void navigate(workshop ? `/workshops/${workshop.id}` : '/workshops')}>
          {t('workshops.form.back')}
        </Button>
      </div>
    </form>
  );
}

/** Counts the leaves of react-hook-form's error tree: one per field to fix. */
function countErrors(errors: unknown): number {
  if (!errors || typeof errors !== 'object') return 0;
  if ('message' in errors && typeof (errors as { message?: unknown }).message === 'string') return 1;
  return Object.entries(errors as Record<string, unknown>).reduce((n, [k, v]) => (k === 'ref' ? n : n + countErrors(v)), 0);
}
