/** A new call for volunteers: title, dates, the profile sought; the lab's balance rules by default. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { defaultBalanceRules } from '#shared/transfo/candidate.schema.js';
import { campaignFieldsSchema } from '#shared/transfo/transfo.schema.js';
import { invoke } from '#renderer/api/client.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { BoundDateField, BoundTextField } from '#renderer/components/forms/bound-fields.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { formPath, NOUN } from './shared';

const c = campaignFieldsSchema.shape;
const schema = z
  .object({ title: c.title, opensOn: c.opensOn, closesOn: c.closesOn, profileSought: c.profileSought })
  .refine((v) => v.closesOn >= v.opensOn, { path: ['closesOn'], message: 'validation.closesBeforeOpens' });
type Values = { title: string; opensOn: string; closesOn: string; profileSought: string };
type Fields = z.output<typeof schema>;

export function CampaignForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notice = useNotice();
  const draft = useDraftForm<Values, Fields>({
    storageKey: 'atelier.draft.transfoCampaign.new',
    defaults: { title: '', opensOn: '', closesOn: '', profileSought: '' },
    resolver: zodResolver(schema),
  });
  const { control, handleSubmit, formState } = draft.form;
  const err = (name: keyof Values) => translateMessage(t, formState.errors[name]?.message);

  async function onValid(f: Fields) {
    draft.sending();
    const created = await invoke('transfo:create-campaign', { fields: { ...f, balanceRules: defaultBalanceRules } });
    if (!created.ok) return draft.refused(created.error, formPath);
    draft.saved();
    notice.show({ tone: 'success', message: (tr) => tr('transfo.ui.campaignForm.created') });
    void navigate(`/transfo/${created.value.id}`);
  }

  return (
    <section className="card-panel" aria-labelledby="campaign-form-title">
      <h2 id="campaign-form-title">{t('transfo.ui.campaignForm.heading')}</h2>
      <form noValidate aria-describedby="campaign-draft-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
        <FormHead noteId="campaign-draft-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN.campaign} />
        <BoundTextField control={control} name="title" label={t('transfo.ui.campaignForm.title')} isRequired errorMessage={err('title')} />
        <div className="form-row">
          <BoundDateField control={control} name="opensOn" label={t('transfo.ui.campaignForm.opensOn')} isRequired errorMessage={err('opensOn')} partialKey={draft.halfTypedKey('opensOn')} />
          <BoundDateField control={control} name="closesOn" label={t('transfo.ui.campaignForm.closesOn')} isRequired errorMessage={err('closesOn')} partialKey={draft.halfTypedKey('closesOn')} />
        </div>
        <BoundTextField control={control} name="profileSought" label={t('transfo.ui.campaignForm.profileSought')} multiline errorMessage={err('profileSought')} />
        <div className="form-actions">
          <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
            {formState.isSubmitting ? t('transfo.ui.campaignForm.saving') : t('transfo.ui.campaignForm.submit')}
          </Button>
          <Button variant="quiet" onPress={onDone}>
            {t('transfo.ui.campaignForm.close')}
          </Button>
        </div>
      </form>
    </section>
  );
}
