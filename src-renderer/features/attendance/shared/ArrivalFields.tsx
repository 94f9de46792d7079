/**
 * The three parts of an arrival form, each saying why it is asked, that it is optional and
 * who sees it: identity, consents (the exact versioned text read out, and a consent already
 * recorded shown as it was given), and the anonymous study questions, shown only once the
 * person agreed to the study.
 */
import { useTranslation } from 'react-i18next';
import { consentTexts, currentConsentVersion, type ConsentPurpose } from '#shared/attendance/consent-texts.js';
import {
  ageBrackets,
  occupationCategories,
  residences,
  yesNoUnknown,
} from '#shared/attendance/participant.schema.js';
import { currentLanguage, translateMessage } from '#renderer/app/i18n.js';
import { NumberField } from '#renderer/components/NumberField.js';
import { TextField } from '#renderer/components/TextField.js';
import type { PersonValues, ProfileValues, YesNo } from './arrival-values';
import { ChoiceField } from '#renderer/components/ChoiceField.js';

type Errors = Record<string, string>;

export function PersonFields({ value, onChange, errors, autoFocus }: { value: PersonValues; onChange: (v: PersonValues) => void; errors: Errors; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const field = (key: keyof PersonValues, label: string, autoComplete: string) => (
    <TextField
      label={label}
      name={key}
      value={value[key]}
      onChange={(v) => onChange({ ...value, [key]: v })}
      errorMessage={translateMessage(t, errors[`person.${key}`])}
      autoComplete={autoComplete}
      autoFocus={autoFocus && key === 'name'}
    />
  );
  return (
    <fieldset className="form-section">
      <legend>{t('attendance.person.legend')}</legend>
      <p className="field__hint">{t('attendance.person.why')}</p>
      {field('name', t('attendance.person.name'), 'off')}
      {field('email', t('attendance.person.email'), 'off')}
      {field('phone', t('attendance.person.phone'), 'off')}
      {field('citizenCardNumber', t('attendance.person.citizenCard'), 'off')}
    </fieldset>
  );
}

export interface ConsentFieldsProps {
  /** The answers shown: chosen in this form, or already recorded. */
  value: { contact: YesNo; study: YesNo };
  onChange: (purpose: ConsentPurpose, choice: 'yes' | 'no') => void;
  errors: Errors;
  purposes: readonly ConsentPurpose[];
  /** The question that takes the focus when the form opens. */
  autoFocus?: ConsentPurpose;
}

export function ConsentFields({ value, onChange, errors, purposes, autoFocus }: ConsentFieldsProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const yesNo = [
    { id: 'yes', label: t('attendance.consent.yes') },
    { id: 'no', label: t('attendance.consent.no') },
  ];
  return (
    <fieldset className="form-section">
      <legend>{t('attendance.consent.legend')}</legend>
      <p className="field__hint">{t('attendance.consent.intro')}</p>
      {purposes.map((purpose, index) => {
        const version = currentConsentVersion[purpose];
        const text = consentTexts[version];
        return (
          <div key={purpose} className="consent">
            <ChoiceField
              label={text.question[language]}
              name={`consent-${purpose}`}
              description={`${text.explanation[language]} (${t('attendance.consent.version', { version })})`}
              options={yesNo}
              value={value[purpose]}
              onChange={(choice) => onChange(purpose, choice as 'yes' | 'no')}
              errorMessage={translateMessage(t, errors[`consents.${index}.granted`])}
              autoFocus={autoFocus === purpose}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

/**
 * The study questions, quick at the door: each a row of answers that the arrow keys walk
 * (one Tab per question), every one starting at « ne souhaite pas dire » so only what the
 * person answers takes a keystroke, and the arrondissement typed as a number.
 */
export function ProfileFields({ value, onChange, errors }: { value: ProfileValues; onChange: (v: ProfileValues) => void; errors: Errors }) {
  const { t } = useTranslation();
  const error = (key: keyof ProfileValues) => translateMessage(t, errors[`profile.${key}`]);
  const answers = {
    ageBrackets: ageBrackets.map((id) => ({ id, label: t(`labels.ageBrackets.${id}`) })),
    residences: residences.map((id) => ({ id, label: t(`labels.residences.${id}`) })),
    yesNoUnknown: yesNoUnknown.map((id) => ({ id, label: t(`labels.yesNoUnknown.${id}`) })),
    occupations: occupationCategories.map((id) => ({ id, label: t(`labels.occupations.${id}`) })),
  };
  const choice = (
    key: 'ageBracket' | 'residence' | 'livesInQpv' | 'occupationCategory' | 'firstParticipation' | 'neighbourhoodCouncilMember' | 'associationMember',
    options: { id: string; label: string }[],
  ) => (
    <ChoiceField
      label={t(`attendance.profile.${key}`)}
      name={key}
      options={options}
      value={value[key]}
      onChange={(v) => onChange({ ...value, [key]: v })}
      errorMessage={error(key)}
    />
  );
  const text = (key: 'residenceCommune' | 'gender' | 'associationName') => (
    <TextField label={t(`attendance.profile.${key}`)} name={key} value={value[key]} onChange={(v) => onChange({ ...value, [key]: v })} errorMessage={error(key)} />
  );
  const arrondissement = value.residenceArrondissement === null || value.residenceArrondissement === '' ? null : Number(value.residenceArrondissement);
  return (
    <fieldset className="form-section profile-fields">
      <legend>{t('attendance.profile.legend')}</legend>
      <p className="field__hint">{t('attendance.profile.intro')}</p>
      {choice('ageBracket', answers.ageBrackets)}
      {choice('residence', answers.residences)}
      {value.residence === 'paris' ? (
        // No minimum nor maximum: react-aria would silently clamp « 25 » to 20; the schema says why instead.
        <NumberField
          label={t('attendance.profile.residenceArrondissement')}
          name="residenceArrondissement"
          value={Number.isFinite(arrondissement) ? arrondissement : null}
          onChange={(n) => onChange({ ...value, residenceArrondissement: n })}
          description={t('attendance.profile.residenceArrondissementHint')}
          errorMessage={error('residenceArrondissement')}
        />
      ) : null}
      {value.residence === 'outside_paris' ? text('residenceCommune') : null}
      {choice('livesInQpv', answers.yesNoUnknown)}
      {choice('occupationCategory', answers.occupations)}
      {choice('firstParticipation', answers.yesNoUnknown)}
      {choice('neighbourhoodCouncilMember', answers.yesNoUnknown)}
      {choice('associationMember', answers.yesNoUnknown)}
      {value.associationMember === 'yes' ? text('associationName') : null}
      {text('gender')}
    </fieldset>
  );
}
