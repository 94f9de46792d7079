/**
 * A candidate's next move (met: who and when; not chosen: the reason the letter shows). The
 * reason is free text about a person: the draft is sealed, never in clear in the browser's
 * storage, and comes back after a reload.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { candidateStages, stageMoves, TRANSFO_LIMITS as L } from '#shared/transfo/candidate.schema.js';
import type { Candidate } from '#shared/transfo/transfo.schema.js';
import { invoke } from '#renderer/api/client.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { ChoiceField } from '#renderer/components/ChoiceField.js';
import { BoundDateField, BoundTextField } from '#renderer/components/forms/bound-fields.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { NOUN } from './shared';

const text = (max: number) => z.string().trim().max(max, { error: `validation.tooLong:${max}` });
const required = { code: 'custom', message: 'validation.required' } as const;

/** The command's own rules (stageMoveInputSchema), with what each move requires said beside its field. */
const schema = z
  .object({
    to: z.enum(candidateStages, { error: 'validation.required' }),
    metBy: text(L.staffName),
    metOn: z.union([z.literal(''), z.iso.date({ error: 'validation.date' })]),
    reason: text(L.reason),
  })
  .superRefine((v, ctx) => {
    if (v.to === 'met' && !v.metBy) ctx.addIssue({ ...required, path: ['metBy'] });
    if (v.to === 'met' && !v.metOn) ctx.addIssue({ ...required, path: ['metOn'] });
    if (v.to === 'not_chosen' && !v.reason) ctx.addIssue({ ...required, path: ['reason'] });
  });
type Values = z.input<typeof schema>;
type Fields = z.output<typeof schema>;

export function MoveForm({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const moves = stageMoves[candidate.stage];
  const draft = useDraftForm<Values, Fields>({
    storageKey: `atelier.draft.transfoMove.edit:${candidate.id}`,
    sealed: true,
    defaults: { to: undefined as unknown as Values['to'], metBy: candidate.metBy ?? '', metOn: candidate.metOn ?? '', reason: '' },
    resolver: zodResolver(schema),
  });
  const { control, handleSubmit, formState, watch } = draft.form;
  const err = (name: keyof Values) => translateMessage(t, formState.errors[name]?.message);
  const to = watch('to');
  if (moves.length === 0) return <p>{t('transfo.ui.candidate.noMove')}</p>;

  async function onValid(f: Fields) {
    draft.sending();
    const moved = await invoke('transfo:move-stage', {
      id: candidate.id,
      version: candidate.version,
      to: f.to,
      ...(f.to === 'met' ? { metBy: f.metBy, ...(f.metOn ? { metOn: f.metOn } : {}) } : {}),
      ...(f.reason ? { reason: f.reason } : {}),
    });
    if (!moved.ok) return draft.refused(moved.error);
    draft.saved();
    notice.show({ tone: 'success', message: (tr) => tr('transfo.ui.candidate.moved') });
  }

  return (
    <form noValidate aria-describedby="move-draft-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
      <FormHead noteId="move-draft-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN.candidate} />
      <Controller
        control={control}
        name="to"
        render={({ field }) => (
          <ChoiceField
            label={t('transfo.ui.candidate.moveTo')}
            name="to"
            options={moves.map((s) => ({ id: s, label: t(`transfo.stages.${s}`) }))}
            value={field.value ?? null}
            onChange={field.onChange}
            isRequired
            errorMessage={err('to')}
          />
        )}
      />
      {to === 'met' ? (
        <div className="form-row">
          <BoundTextField control={control} name="metBy" label={t('transfo.ui.candidate.metBy')} isRequired errorMessage={err('metBy')} />
          <BoundDateField control={control} name="metOn" label={t('transfo.ui.candidate.metOn')} isRequired errorMessage={err('metOn')} partialKey={draft.halfTypedKey('metOn')} />
        </div>
      ) : null}
      {to === 'not_chosen' ? (
        <BoundTextField control={control} name="reason" label={t('transfo.ui.candidate.reason')} multiline isRequired errorMessage={err('reason')} />
      ) : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('transfo.ui.candidate.moving') : t('transfo.ui.candidate.move')}
        </Button>
      </div>
    </form>
  );
}
