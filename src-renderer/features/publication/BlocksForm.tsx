/**
 * The Lab's words between the figures: the title and a text block per slot. Every keystroke is
 * kept as a draft (useDraftForm), so a reload keeps what was typed. The blocks are the Lab's
 * account of its month, not about a person: the draft is not sealed (docs/publication.md).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { blockSlots, blocksSchema, PUBLICATION_LIMITS, type Blocks, type Publication } from '#shared/publication/publication.schema.js';
import { invoke } from '#renderer/api/client.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { BoundTextField } from '#renderer/components/forms/bound-fields.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { NOUN } from './shared';

const schema = z.object({
  title: z.string().trim().min(1, { error: 'validation.required' }).max(PUBLICATION_LIMITS.title, { error: `validation.tooLong:${PUBLICATION_LIMITS.title}` }),
  blocks: blocksSchema,
});
type Values = { title: string; blocks: Blocks };

export function BlocksForm({ publication }: { publication: Publication }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const draft = useDraftForm<Values, Values>({
    storageKey: `atelier.draft.publication.${publication.id}.blocks`,
    defaults: { title: publication.title, blocks: publication.blocks },
    resolver: zodResolver(schema),
  });
  const { control, handleSubmit, formState } = draft.form;

  async function onValid(v: Values) {
    draft.sending();
    const saved = await invoke('publication:save-blocks', { id: publication.id, expectedVersion: publication.version, title: v.title, blocks: v.blocks });
    if (!saved.ok) return draft.refused(saved.error);
    draft.saved();
    notice.show({ tone: 'success', message: (tr) => tr('publication.ui.detail.saved') });
  }

  return (
    <section className="card-panel" aria-labelledby="publication-blocks-title">
      <h2 id="publication-blocks-title">{t('publication.ui.detail.blocksTitle')}</h2>
      <p>{t('publication.ui.detail.blocksIntro')}</p>
      <form noValidate aria-describedby="publication-blocks-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
        <FormHead noteId="publication-blocks-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN} />
        <BoundTextField control={control} name="title" label={t('publication.ui.list.titleField')} isRequired errorMessage={translateMessage(t, formState.errors.title?.message)} />
        {blockSlots.map((slot) => (
          <BoundTextField
            key={slot}
            control={control}
            name={`blocks.${slot}`}
            label={t(`publication.ui.detail.blocks.${slot}`)}
            multiline
            rows={4}
            errorMessage={translateMessage(t, formState.errors.blocks?.[slot]?.message)}
          />
        ))}
        <div className="form-actions">
          <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
            {t('publication.ui.detail.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
