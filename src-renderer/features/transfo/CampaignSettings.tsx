/**
 * A call's own management, on its screen: its fields and the lab's balance rules edited, the
 * call closed (no more applications; decisions go on), then purged (the personal data of
 * everyone neither chosen nor kept with consent erased, everywhere; it cannot be undone).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { transfoFr } from '#shared/i18n/fr/transfo.js';
import { campaignFieldsSchema, type Campaign } from '#shared/transfo/transfo.schema.js';
import { invoke } from '#renderer/api/client.js';
import { translateError, translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { ActionDialog } from '#renderer/components/ActionDialog.js';
import { Button } from '#renderer/components/Button.js';
import { CheckboxField } from '#renderer/components/CheckboxField.js';
import { DialogError } from '#renderer/components/DialogError.js';
import { BoundDateField, BoundNumberField, BoundTextField } from '#renderer/components/forms/bound-fields.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { NOUN } from './shared';

type SettingsKey = Exclude<keyof (typeof transfoFr)['ui']['settings'], 'statuses' | 'purged_one' | 'purged_other'>;

const c = campaignFieldsSchema.shape;
const whole = (min: number, max: number) =>
  z
    .number({ error: 'validation.required' })
    .int({ error: 'validation.invalid' })
    .min(min, { error: `validation.min:${min}` })
    .max(max, { error: `validation.max:${max}` });

/** « 5, 15 » → [5, 15]; null when it is not whole years from 1 to 60, strictly increasing, 8 at most. */
function parseEdges(text: string): number[] | null {
  const edges = text.split(/[\s,;]+/).filter(Boolean).map(Number);
  const sound = edges.length <= 8 && edges.every((e, i) => Number.isInteger(e) && e >= 1 && e <= 60 && (i === 0 || e > edges[i - 1]!));
  return sound ? edges : null;
}
const edgesText = z.string().refine((text) => parseEdges(text) !== null, { error: 'validation.seniorityEdges' });

/** The form's fields: the call's, and its rules one by one (a rule turned off is an unticked box or an empty field). */
const schema = z
  .object({
    title: c.title,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    profileSought: c.profileSought,
    target: whole(1, 200),
    maxPerDirection: whole(1, 200).nullable(),
    everyCategoryRepresented: z.boolean(),
    genderShareOn: z.boolean(),
    genderMinPercent: whole(0, 50).nullable(),
    genderMinKnown: whole(1, 200).nullable(),
    everySeniorityBand: z.boolean(),
    seniorityEdges: edgesText,
  })
  .superRefine((v, ctx) => {
    if (v.closesOn < v.opensOn) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'validation.closesBeforeOpens' });
    if (v.genderShareOn && v.genderMinPercent === null) ctx.addIssue({ code: 'custom', path: ['genderMinPercent'], message: 'validation.required' });
    if (v.genderShareOn && v.genderMinKnown === null) ctx.addIssue({ code: 'custom', path: ['genderMinKnown'], message: 'validation.required' });
  });
type Values = z.input<typeof schema>;
type Fields = z.output<typeof schema>;

function valuesOf(campaign: Campaign): Values {
  const r = campaign.balanceRules;
  return {
    title: campaign.title,
    opensOn: campaign.opensOn,
    closesOn: campaign.closesOn,
    profileSought: campaign.profileSought ?? '',
    target: r.target,
    maxPerDirection: r.maxPerDirection,
    everyCategoryRepresented: r.everyCategoryRepresented,
    genderShareOn: r.genderShare !== null,
    genderMinPercent: r.genderShare ? Math.round(r.genderShare.min * 100) : 40,
    genderMinKnown: r.genderShare?.minKnown ?? 5,
    everySeniorityBand: r.everySeniorityBand,
    seniorityEdges: r.seniorityEdges.join(', '),
  };
}

/** The core names the rules `fields.balanceRules.<rule>`; the form names them one by one. */
function fieldOf(path: string): string {
  const rule = path.replace(/^fields\./, '').replace(/^balanceRules\./, '');
  if (rule.startsWith('genderShare')) return rule.endsWith('minKnown') ? 'genderMinKnown' : 'genderMinPercent';
  return rule.startsWith('seniorityEdges') ? 'seniorityEdges' : rule;
}

function CampaignEditForm({ campaign, onDone }: { campaign: Campaign; onDone: () => void }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const draft = useDraftForm<Values, Fields>({
    storageKey: `atelier.draft.transfoCampaign.edit:${campaign.id}`,
    defaults: valuesOf(campaign),
    resolver: zodResolver(schema),
  });
  const { control, handleSubmit, formState, watch } = draft.form;
  const err = (name: keyof Values) => translateMessage(t, formState.errors[name]?.message);
  const genderShareOn = watch('genderShareOn');
  const box = (name: 'everyCategoryRepresented' | 'genderShareOn' | 'everySeniorityBand', label: string) => (
    <Controller control={control} name={name} render={({ field }) => <CheckboxField label={label} name={name} value={Boolean(field.value)} onChange={field.onChange} onBlur={field.onBlur} />} />
  );

  async function onValid(f: Fields) {
    draft.sending();
    const updated = await invoke('transfo:update-campaign', {
      id: campaign.id,
      version: campaign.version,
      fields: {
        title: f.title,
        opensOn: f.opensOn,
        closesOn: f.closesOn,
        profileSought: f.profileSought,
        balanceRules: {
          target: f.target,
          maxPerDirection: f.maxPerDirection,
          everyCategoryRepresented: f.everyCategoryRepresented,
          genderShare: f.genderShareOn ? { min: (f.genderMinPercent ?? 0) / 100, minKnown: f.genderMinKnown ?? 1 } : null,
          everySeniorityBand: f.everySeniorityBand,
          seniorityEdges: parseEdges(f.seniorityEdges) ?? [],
        },
      },
    });
    if (!updated.ok) return draft.refused(updated.error, fieldOf);
    draft.saved();
    notice.show({ tone: 'success', message: (tr) => tr('transfo.ui.settings.saved') });
    onDone();
  }

  const s = (key: SettingsKey) => t(`transfo.ui.settings.${key}`);
  return (
    <form className="card-panel" noValidate aria-labelledby="campaign-edit-title" aria-describedby="campaign-edit-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
      <h3 id="campaign-edit-title">{s('editHeading')}</h3>
      <FormHead noteId="campaign-edit-note" head={draft.head} summaryRef={draft.summaryRef} record={NOUN.campaign} />
      <BoundTextField control={control} name="title" label={t('transfo.ui.campaignForm.title')} isRequired errorMessage={err('title')} />
      <div className="form-row">
        <BoundDateField control={control} name="opensOn" label={t('transfo.ui.campaignForm.opensOn')} isRequired errorMessage={err('opensOn')} partialKey={draft.halfTypedKey('opensOn')} />
        <BoundDateField control={control} name="closesOn" label={t('transfo.ui.campaignForm.closesOn')} isRequired errorMessage={err('closesOn')} partialKey={draft.halfTypedKey('closesOn')} />
      </div>
      <BoundTextField control={control} name="profileSought" label={t('transfo.ui.campaignForm.profileSought')} multiline errorMessage={err('profileSought')} />
      <fieldset className="transfo__rules">
        <legend>{s('rulesHeading')}</legend>
        <div className="form-row">
          <BoundNumberField control={control} name="target" label={s('target')} isRequired errorMessage={err('target')} />
          <BoundNumberField control={control} name="maxPerDirection" label={s('maxPerDirection')} description={s('maxPerDirectionHint')} errorMessage={err('maxPerDirection')} />
        </div>
        {box('everyCategoryRepresented', s('everyCategoryRepresented'))}
        {box('genderShareOn', s('genderShareOn'))}
        {genderShareOn ? (
          <div className="form-row">
            <BoundNumberField control={control} name="genderMinPercent" label={s('genderMinPercent')} isRequired errorMessage={err('genderMinPercent')} />
            <BoundNumberField control={control} name="genderMinKnown" label={s('genderMinKnown')} description={s('genderMinKnownHint')} isRequired errorMessage={err('genderMinKnown')} />
          </div>
        ) : null}
        {box('everySeniorityBand', s('everySeniorityBand'))}
        <BoundTextField control={control} name="seniorityEdges" label={s('seniorityEdges')} description={s('seniorityEdgesHint')} errorMessage={err('seniorityEdges')} />
      </fieldset>
      <div className="form-actions">
        <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('transfo.ui.campaignForm.saving') : s('save')}
        </Button>
        <Button variant="quiet" onPress={onDone}>
          {t('transfo.ui.campaignForm.close')}
        </Button>
      </div>
    </form>
  );
}

type Step = 'close' | 'purge';

/** Close, then purge: each asked first in a dialog that says what it does. */
function StepDialog({ campaign, step, onClose }: { campaign: Campaign; step: Step; onClose: () => void }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const s = (key: SettingsKey) => t(`transfo.ui.settings.${key}`);

  async function run() {
    setBusy(true);
    if (step === 'close') {
      const r = await invoke('transfo:close-campaign', { id: campaign.id, version: campaign.version });
      setBusy(false);
      if (!r.ok) return setError(translateError(t, r.error, NOUN.campaign));
      notice.show({ tone: 'success', message: (tr) => tr('transfo.ui.settings.closed') });
    } else {
      const r = await invoke('transfo:purge-campaign', { id: campaign.id, version: campaign.version, confirm: true });
      setBusy(false);
      if (!r.ok) return setError(translateError(t, r.error, NOUN.campaign));
      const erased = r.value.erased;
      notice.show({ tone: 'success', message: (tr) => tr('transfo.ui.settings.purged', { count: erased }) });
    }
    onClose();
  }

  return (
    <ActionDialog isOpen onOpenChange={(open) => (open ? undefined : onClose())} title={s(step === 'close' ? 'closeTitle' : 'purgeTitle')}>
      <p>{s(step === 'close' ? 'closeText' : 'purgeText')}</p>
      <DialogError message={error} />
      <div className="form-actions">
        <Button variant={step === 'purge' ? 'danger' : 'primary'} onPress={() => void run()} isDisabled={busy}>
          {busy ? s('working') : s(step === 'close' ? 'closeConfirm' : 'purgeConfirm')}
        </Button>
        <Button variant="quiet" onPress={onClose}>
          {s('cancel')}
        </Button>
      </div>
    </ActionDialog>
  );
}

export function CampaignSettings({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [step, setStep] = useState<Step | null>(null);
  const s = (key: SettingsKey) => t(`transfo.ui.settings.${key}`);
  return (
    <section aria-labelledby="settings-heading" className="transfo__settings">
      <h2 id="settings-heading">{s('heading')}</h2>
      <p data-testid="campaign-status">{t('transfo.ui.settings.status', { status: t(`transfo.ui.settings.statuses.${campaign.status}`) })}</p>
      {campaign.status !== 'purged' && !editing ? (
        <div className="form-actions">
          <Button variant="secondary" onPress={() => setEditing(true)}>
            {s('edit')}
          </Button>
          {campaign.status === 'open' ? (
            <Button variant="secondary" onPress={() => setStep('close')}>
              {s('close')}
            </Button>
          ) : (
            <Button variant="danger" onPress={() => setStep('purge')}>
              {s('purge')}
            </Button>
          )}
        </div>
      ) : null}
      {editing ? <CampaignEditForm key={`${campaign.id}:${campaign.version}`} campaign={campaign} onDone={() => setEditing(false)} /> : null}
      {step ? <StepDialog campaign={campaign} step={step} onClose={() => setStep(null)} /> : null}
    </section>
  );
}
