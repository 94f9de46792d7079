/** Registers a holder found as you type, with the channel it came by and the groups they state. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioGroup, Radio, Label } from 'react-aria-components';
import type { Holder, PriorityGroup, RegistrationChannel } from '#shared/citizen-card/citizen-card.schema.js';
import { invoke } from '#renderer/api/client.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { CheckboxGroupField } from '#renderer/components/CheckboxGroupField.js';
import { HolderPicker } from '../shared/HolderPicker';
import { NOUN, refusal } from '../shared/nouns';
import { deskChannelOptions, statedGroupOptions } from '../shared/options';

export function RegisterForm({ workshopId, onRegistered }: { workshopId: string; onRegistered: () => void }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const [holder, setHolder] = useState<Holder | null>(null);
  const [channel, setChannel] = useState<RegistrationChannel>('desk');
  const [groups, setGroups] = useState<PriorityGroup[]>([]);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (!holder) return setMissing(true);
    setError(null);
    const r = await invoke('citizen-card:register', { workshopId, holderId: holder.id, channel, groups });
    if (!r.ok) return setError(refusal(t, r.error, NOUN.registration));
    const name = r.value.holderName ?? '';
    notice.show({ tone: 'success', message: (tr) => tr('citizenCard.registrations.registered', { name }) });
    setHolder(null);
    setGroups([]);
    onRegistered();
  }

  return (
    <form
      noValidate
      className="card-panel"
      aria-labelledby="register-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id="register-heading">{t('citizenCard.registrations.register')}</h3>
      <HolderPicker
        label={t('citizenCard.registrations.holder')}
        hint={t('citizenCard.registrations.holderHint')}
        chosen={holder}
        onChoose={(h) => {
          setHolder(h);
          setMissing(false);
          setError(null);
        }}
        errorMessage={missing && !holder ? t('citizenCard.registrations.chooseHolder') : undefined}
      />
      <RadioGroup value={channel} onChange={(v) => setChannel(v as RegistrationChannel)} className="card-radio-group" orientation="horizontal">
        <Label className="field__label">{t('citizenCard.registrations.channel')}</Label>
        <div className="card-radio-group__options">
          {deskChannelOptions(t).map((o) => (
            <Radio key={o.id} value={o.id} className="card-radio">
              <span className="card-radio__mark" aria-hidden="true" />
              {o.label}
            </Radio>
          ))}
        </div>
      </RadioGroup>
      <CheckboxGroupField label={t('citizenCard.registrations.groups')} name="groups" options={statedGroupOptions(t)} value={groups} onChange={(v) => setGroups(v as PriorityGroup[])} />
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <Button type="submit" variant="primary">
          {t('citizenCard.registrations.submit')}
        </Button>
      </div>
    </form>
  );
}
