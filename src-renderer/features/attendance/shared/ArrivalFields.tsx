/**
 * The three parts of an arrival form, each saying why it is asked, that it is optional and
 * who sees it: identity, consents (the exact versioned text read out), and the anonymous
 * study questions, shown only once the person agreed to the study.
 */
import { useTranslation } from 'react-i18next';
import { consentTexts, currentConsentVersion, type ConsentPurpose } from '../../../../src-shared/attendance/consent-texts';
import {
  ageBrackets,
  occupationCategories,
  residences,
  yesNoUnknown,
} from '../../../../src-shared/attendance/participant.schema';
import { currentLanguage, translateMessage } from '../../../app/i18n';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import type { ArrivalValues, PersonValues, ProfileValues } from './arrival-values';
import { ChoiceField } from './ChoiceField';

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

export function ConsentFields({ value, onChange, errors, purposes }: { value: ArrivalValues; onChange: (v: ArrivalValues) => void; errors: Errors; purposes: readonly ConsentPurpose[] }) {
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
      {purposes.map((purpose) => {
        const version = currentConsentVersion[purpose];
        const text = consentTexts[version];
        const index = purposes.indexOf(purpose);
        return (
          <div key={purpose} className="consent">
            <ChoiceField
              label={text.question[language]}
              name={`consent-${purpose}`}
              description={`${text.explanation[language]} (${t('attendance.consent.version', { version })})`}
              options={yesNo}
              value={value[purpose]}
              onChange={(choice) => onChange({ ...value, [purpose]: choice as 'yes' | 'no' })}
              errorMessage={translateMessage(t, errors[`consents.${index}.granted`])}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

export function ProfileFields({ value, onChange, errors }: { value: ProfileValues; onChange: (v: ProfileValues) => void; errors: Errors }) {
  const { t } = useTranslation();
  const error = (key: keyof ProfileValues) => translateMessage(t, errors[`profile.${key}`]);
  const select = (key: keyof ProfileValues, options: readonly { id: string; label: string }[]) => (
    <SelectField
      label={t(`attendance.profile.${key}`)}
      name={key}
      options={options}
      value={value[key]}
      onChange={(v) => onChange({ ...value, [key]: v })}
      placeholder={t('attendance.profile.choose')}
      errorMessage={error(key)}
      isRequired
    />
  );
  const opts = (ids: readonly string[], ns: string) => ids.map((id) => ({ id, label: t(`attendance.${ns}.${id}`) }));
  const text = (key: 'residenceCommune' | 'gender' | 'associationName') => (
    <TextField label={t(`attendance.profile.${key}`)} name={key} value={value[key]} onChange={(v) => onChange({ ...value, [key]: v })} errorMessage={error(key)} />
  );
  const arrondissements = Array.from({ length: 20 }, (_, i) => ({ id: String(i + 1), label: String(i + 1) }));
  return (
    <fieldset className="form-section">
      <legend>{t('attendance.profile.legend')}</legend>
      <p className="field__hint">{t('attendance.profile.intro')}</p>
      {select('ageBracket', opts(ageBrackets, 'ageBrackets'))}
      {select('residence', opts(residences, 'residences'))}
      {value.residence === 'paris' ? (
        <SelectField
          label={t('attendance.profile.residenceArrondissement')}
          name="residenceArrondissement"
          options={arrondissements}
          value={value.residenceArrondissement}
          onChange={(v) => onChange({ ...value, residenceArrondissement: v })}
          placeholder={t('attendance.profile.choose')}
          errorMessage={error('residenceArrondissement')}
        />
      ) : null}
      {value.residence === 'outside_paris' ? text('residenceCommune') : null}
      {select('livesInQpv', opts(yesNoUnknown, 'yesNoUnknown'))}
      {text('gender')}
      {select('occupationCategory', opts(occupationCategories, 'occupations'))}
      {select('firstParticipation', opts(yesNoUnknown, 'yesNoUnknown'))}
      {select('neighbourhoodCouncilMember', opts(yesNoUnknown, 'yesNoUnknown'))}
      {select('associationMember', opts(yesNoUnknown, 'yesNoUnknown'))}
      {value.associationMember === 'yes' ? text('associationName') : null}
    </fieldset>
  );
}
