/**
 * Create or edit a workshop. Validated with the shared schema (the same the core applies),
 * errors beside each field in the current language, a draft kept as you type, and a version
 * conflict that reloads the workshop without touching what the person typed.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { workshopFieldsSchema, type Workshop, type WorkshopFields as Fields } from '#shared/workshops/workshop.schema.js';
import { invoke } from '#renderer/api/client.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
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
  const baseVersion = useRef(workshop?.version ?? 0);
  const draft = useDraftForm<FormValues, Fields>({
    storageKey: `atelier.draft.workshop.${workshop ? `edit:${workshop.id}` : 'new'}`,
    defaults: workshop ? valuesFromWorkshop(workshop) : emptyValues(),
    resolver: zodResolver(workshopFieldsSchema),
  });
  const { control, handleSubmit, formState } = draft.form;

  async function onValid(fields: Fields) {
    draft.sending();
    const result = workshop
      ? await invoke('workshops:update', { id: workshop.id, version: baseVersion.current, fields })
      : await invoke('workshops:create', fields);
    if (result.ok) {
      draft.saved();
      const title = result.value.title;
      notice.show({ tone: 'success', message: (tr) => (workshop ? tr('workshops.notices.saved') : tr('workshops.notices.created', { title })) });
      void navigate(`/workshops/${result.value.id}`);
      return;
    }
    if (result.error.code === 'conflict' && workshop) {
      // Someone changed it elsewhere: take their version as the new base, keep what was typed.
      const fresh = await invoke('workshops:get', { id: workshop.id });
      if (fresh.ok) baseVersion.current = fresh.value.version;
    }
    draft.refused(result.error);
  }

  return (
    <form noValidate aria-describedby="draft-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
      <FormHead noteId="draft-note" head={draft.head} summaryRef={draft.summaryRef} record="workshop" />
      <WorkshopFields control={control} errors={formState.errors} halfTypedKey={draft.halfTypedKey} />
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
