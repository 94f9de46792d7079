/**
 * A new session: its workshop (title, start and end, venue, arrondissement), its days (1 to 3,
 * each with the modules it covers, ticked) and who runs it (one name per line). The workshop and
 * the session are written together by one command; the draft is kept as it is typed, sealed
 * (it holds people's names).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { useController, type Control } from 'react-hook-form';
import { z } from 'zod';
import { sessionFieldsSchema, trainingWorkshopFieldsSchema, type TrainingModule } from '#shared/transfo/training.schema.js';
import { invoke } from '#renderer/api/client.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { arrondissementOptions } from '#renderer/app/workshop-options.js';
import { Button } from '#renderer/components/Button.js';
import { CheckboxGroupField } from '#renderer/components/CheckboxGroupField.js';
import { BoundDateField, BoundSelectField, BoundTextField } from '#renderer/components/forms/bound-fields.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { formPath, moduleLabel, NOUN } from './shared';

const DAYS = [0, 1, 2] as const;
type Day = { date: string; moduleIds: string[] };
type Values = { title: string; startsAt: string; endsAt: string; venueName: string; arrondissement: string; days: Day[]; facilitators: string; residentDesigners: string };

const w = trainingWorkshopFieldsSchema.shape;
const names = (text: string) =>
  text
    .split('\n')
    .map((n) => n.trim())
    .filter(Boolean);
const isoDate = z.iso.date();

/** The form's values, checked as the core checks them, then turned into the command's input. */
const schema = z
  .object({
    title: w.title,
    startsAt: w.startsAt,
    endsAt: w.endsAt,
    venueName: w.venueName,
    arrondissement: z.string().min(1, { error: 'validation.arrondissement' }),
    days: z.array(z.object({ date: z.string(), moduleIds: z.array(z.string()) })),
    facilitators: z.string().max(1300, { error: 'validation.tooLong:1300' }),
    residentDesigners: z.string().max(1300, { error: 'validation.tooLong:1300' }),
  })
  .superRefine((v, ctx) => {
    v.days.forEach((d, i) => {
      if (i === 0 && !d.date) ctx.addIssue({ code: 'custom', path: ['days', 0, 'date'], message: 'validation.required' });
      else if (d.date && !isoDate.safeParse(d.date).success) ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: 'validation.date' });
    });
    if (v.startsAt && v.endsAt && v.endsAt <= v.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'validation.endBeforeStart' });
  })
  .transform((v, ctx) => {
    const session = sessionFieldsSchema.safeParse({
      days: v.days.filter((d) => d.date).map((d) => ({ date: d.date, moduleIds: d.moduleIds })),
      facilitators: names(v.facilitators),
      residentDesigners: names(v.residentDesigners),
    });
    if (!session.success) {
      // A name too long or too many names: said beside the list; a day twice: beside the days.
      for (const issue of session.error.issues) ctx.addIssue({ code: 'custom', path: issue.path.slice(0, 1), message: issue.message });
      return z.NEVER;
    }
    return {
      workshop: { title: v.title, startsAt: v.startsAt, endsAt: v.endsAt, venueName: v.venueName, venueAddress: '', arrondissement: Number(v.arrondissement) },
      session: session.data,
    };
  });
type Out = z.output<typeof schema>;

function DayModules({ control, day, label, modules }: { control: Control<Values>; day: number; label: string; modules: readonly TrainingModule[] }) {
  const { t } = useTranslation();
  const { field } = useController({ control, name: `days.${day}.moduleIds` });
  const value: unknown = field.value;
  return (
    <CheckboxGroupField
      label={label}
      name={`days.${day}.moduleIds`}
      options={modules.map((m) => ({ id: m.id, label: moduleLabel(t, m) }))}
      value={Array.isArray(value) ? (value as string[]) : []}
      onChange={field.onChange}
    />
  );
}

export function SessionForm({ campaignId, modules, onDone }: { campaignId: string; modules: readonly TrainingModule[]; onDone: () => void }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const draft = useDraftForm<Values, Out>({
    storageKey: `atelier.draft.transfoSession.new:${campaignId}`,
    defaults: {
      title: '',
      startsAt: '',
      endsAt: '',
      venueName: '',
      arrondissement: '',
      days: DAYS.map(() => ({ date: '', moduleIds: [] })),
      facilitators: '',
      residentDesigners: '',
    },
    resolver: zodResolver(schema),
    // The facilitators' and designers' names: sealed, never in clear in the browser's storage.
    sealed: true,
  });
  const { handleSubmit, formState } = draft.form;
  // The bound fields read the typed values; the submit gets the command's input (the transform).
  const control = draft.form.control as unknown as Control<Values>;
  const err = (name: keyof Values) => translateMessage(t, (formState.errors[name] as { message?: string } | undefined)?.message);
  const dayErr = (i: number) => translateMessage(t, formState.errors.days?.[i]?.date?.message ?? formState.errors.days?.[i]?.moduleIds?.message ?? (i === 0 ? formState.errors.days?.message : undefined));

  async function onValid(input: Out) {
    draft.sending();
    const created = await invoke('transfoTraining:create-session', { campaignId, ...input });
    if (!created.ok) return draft.refused(created.error, formPath);
    draft.saved();
    notice.show({ tone: 'success', message: (tr) => tr('transfoTraining.ui.sessionForm.created') });
    onDone();
  }

  return (
    <section className="card-panel" aria-labelledby="session-form-title">
      <h3 id="session-form-title">{t('transfoTraining.ui.sessionForm.heading')}</h3>
      <form noValidate aria-describedby="session-draft-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
        <FormHead noteId="session-draft-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN.session} />
        <fieldset>
          <legend>{t('transfoTraining.ui.sessionForm.workshop')}</legend>
          <BoundTextField control={control} name="title" label={t('transfoTraining.ui.sessionForm.title')} isRequired errorMessage={err('title')} />
          <div className="form-row">
            <BoundDateField control={control} name="startsAt" withTime label={t('transfoTraining.ui.sessionForm.startsAt')} isRequired errorMessage={err('startsAt')} partialKey={draft.halfTypedKey('startsAt')} />
            <BoundDateField control={control} name="endsAt" withTime label={t('transfoTraining.ui.sessionForm.endsAt')} isRequired errorMessage={err('endsAt')} partialKey={draft.halfTypedKey('endsAt')} />
          </div>
          <BoundTextField control={control} name="venueName" label={t('transfoTraining.ui.sessionForm.venueName')} isRequired errorMessage={err('venueName')} />
          <BoundSelectField
            control={control}
            name="arrondissement"
            label={t('transfoTraining.ui.sessionForm.arrondissement')}
            options={arrondissementOptions(t)}
            placeholder="—"
            isRequired
            errorMessage={err('arrondissement')}
          />
        </fieldset>
        <fieldset>
          <legend>{t('transfoTraining.ui.sessionForm.days')}</legend>
          <p className="field__hint">{t('transfoTraining.ui.sessionForm.dayNote')}</p>
          {DAYS.map((i) => (
            <div key={i} className="training__day">
              <BoundDateField
                control={control}
                name={`days.${i}.date`}
                label={t('transfoTraining.ui.sessionForm.dayDate', { n: i + 1 })}
                isRequired={i === 0}
                errorMessage={dayErr(i)}
                partialKey={draft.halfTypedKey(`days.${i}.date`)}
              />
              <DayModules control={control} day={i} label={t('transfoTraining.ui.sessionForm.dayLegend', { n: i + 1 })} modules={modules} />
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('transfoTraining.ui.sessionForm.people')}</legend>
          <p className="field__hint">{t('transfoTraining.ui.sessionForm.peopleNote')}</p>
          <BoundTextField control={control} name="facilitators" label={t('transfoTraining.ui.sessionForm.facilitators')} multiline rows={3} errorMessage={err('facilitators')} />
          <BoundTextField control={control} name="residentDesigners" label={t('transfoTraining.ui.sessionForm.residentDesigners')} multiline rows={3} errorMessage={err('residentDesigners')} />
        </fieldset>
        <div className="form-actions">
          <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
            {formState.isSubmitting ? t('transfoTraining.ui.sessionForm.saving') : t('transfoTraining.ui.sessionForm.submit')}
          </Button>
          <Button variant="quiet" onPress={onDone}>
            {t('transfoTraining.ui.sessionForm.close')}
          </Button>
        </div>
      </form>
    </section>
  );
}
