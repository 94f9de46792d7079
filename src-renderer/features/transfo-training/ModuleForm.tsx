/** A module of the training, new or edited: method, title, objectives, order (a draft kept as it is typed). */
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { moduleFieldsSchema, type ModuleFields, type TrainingModule } from '#shared/transfo/training.schema.js';
import { invoke } from '#renderer/api/client.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { BoundNumberField, BoundSelectField, BoundTextField } from '#renderer/components/forms/bound-fields.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { formPath, methodOptions, NOUN } from './shared';

type Values = { method: string; title: string; objectives: string; order: number | null };

export function ModuleForm({ campaignId, module, nextOrder, onDone }: { campaignId: string; module: TrainingModule | null; nextOrder: number; onDone: () => void }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const draft = useDraftForm<Values, ModuleFields>({
    storageKey: `atelier.draft.transfoModule.${module ? `edit:${module.id}` : `new:${campaignId}`}`,
    defaults: module ? { method: module.method, title: module.title, objectives: module.objectives, order: module.order } : { method: '', title: '', objectives: '', order: nextOrder },
    resolver: zodResolver(moduleFieldsSchema) as never,
  });
  const { control, handleSubmit, formState } = draft.form;
  const err = (name: keyof Values) => translateMessage(t, formState.errors[name]?.message);

  async function onValid(fields: ModuleFields) {
    draft.sending();
    const saved = module
      ? await invoke('transfoTraining:update-module', { id: module.id, version: module.version, fields })
      : await invoke('transfoTraining:create-module', { campaignId, fields });
    if (!saved.ok) return draft.refused(saved.error, formPath);
    draft.saved();
    notice.show({ tone: 'success', message: (tr) => tr('transfoTraining.ui.moduleForm.saved') });
    onDone();
  }

  return (
    <section className="card-panel" aria-labelledby="module-form-title">
      <h3 id="module-form-title">{module ? t('transfoTraining.ui.moduleForm.headingEdit') : t('transfoTraining.ui.moduleForm.headingNew')}</h3>
      <form noValidate aria-describedby="module-draft-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
        <FormHead noteId="module-draft-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN.module} />
        <BoundSelectField control={control} name="method" label={t('transfoTraining.ui.moduleForm.method')} options={methodOptions(t)} placeholder="—" isRequired errorMessage={err('method')} />
        <BoundTextField control={control} name="title" label={t('transfoTraining.ui.moduleForm.title')} isRequired errorMessage={err('title')} />
        <BoundTextField control={control} name="objectives" label={t('transfoTraining.ui.moduleForm.objectives')} multiline errorMessage={err('objectives')} />
        <BoundNumberField control={control} name="order" label={t('transfoTraining.ui.moduleForm.order')} minValue={0} maxValue={99} isRequired errorMessage={err('order')} />
        <div className="form-actions">
          <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
            {formState.isSubmitting ? t('transfoTraining.ui.moduleForm.saving') : t('transfoTraining.ui.moduleForm.submit')}
          </Button>
          <Button variant="quiet" onPress={onDone}>
            {t('transfoTraining.ui.moduleForm.close')}
          </Button>
        </div>
      </form>
    </section>
  );
}
