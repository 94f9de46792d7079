/** A new draft: the month (or the year of the report) and its title. */
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { monthKeyPattern, PUBLICATION_LIMITS, yearKeyPattern } from '#shared/publication/publication.schema.js';
import { invoke } from '#renderer/api/client.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { Button } from '#renderer/components/Button.js';
import { BoundTextField } from '#renderer/components/forms/bound-fields.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { NOUN } from './shared';

type Values = { key: string; title: string };

export function CreateForm({ kind }: { kind: 'month' | 'year' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const schema = z.object({
    key: z.string().trim().regex(kind === 'month' ? monthKeyPattern : yearKeyPattern, { error: kind === 'month' ? 'validation.month' : 'validation.year' }),
    title: z.string().trim().min(1, { error: 'validation.required' }).max(PUBLICATION_LIMITS.title, { error: `validation.tooLong:${PUBLICATION_LIMITS.title}` }),
  });
  const draft = useDraftForm<Values, Values>({ storageKey: `atelier.draft.publication.new.${kind}`, defaults: { key: '', title: '' }, resolver: zodResolver(schema) });
  const { control, handleSubmit, formState } = draft.form;
  const err = (name: keyof Values) => translateMessage(t, formState.errors[name]?.message);
  const id = `publication-new-${kind}`;

  async function onValid(v: Values) {
    draft.sending();
    const created = await invoke('publication:create', { period: { kind, key: v.key }, title: v.title });
    if (!created.ok) return draft.refused(created.error, (path) => (path === 'period.key' ? 'key' : path));
    draft.saved();
    void navigate(`/publications/${created.value.id}`);
  }

  return (
    <section className="card-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{kind === 'month' ? t('publication.ui.list.newMonth') : t('publication.ui.list.newYear')}</h2>
      <form noValidate aria-describedby={`${id}-note`} onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
        <FormHead noteId={`${id}-note`} head={draft.head} summaryRef={draft.summaryRef} record={NOUN} />
        <BoundTextField
          control={control}
          name="key"
          label={kind === 'month' ? t('publication.ui.list.month') : t('publication.ui.list.year')}
          description={kind === 'month' ? t('publication.ui.list.monthHint') : t('publication.ui.list.yearHint')}
          isRequired
          errorMessage={err('key')}
        />
        <BoundTextField control={control} name="title" label={t('publication.ui.list.titleField')} isRequired errorMessage={err('title')} />
        <div className="form-actions">
          <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
            {kind === 'month' ? t('publication.ui.list.create') : t('publication.ui.list.createYear')}
          </Button>
        </div>
      </form>
    </section>
  );
}
