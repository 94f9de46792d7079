/** What the figures cover: one workshop, a period or all, and optionally one arrondissement. */
import { useTranslation } from 'react-i18next';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { studyScopes, type StudyScope } from '#shared/study/study.schema.js';
import { kindHas } from '#shared/workshops/workshop-kinds.js';
import { invoke } from '../../api/client';
import { useResult } from '../../api/use-result';
import { formatDay } from '../../app/format';
import { currentLanguage, translateMessage } from '../../app/i18n';
import { SelectField } from '../../components/SelectField';
import { SentDateField } from '../../components/DateField';
import { arrondissementOptions } from '#renderer/app/workshop-options.js';
import type { QueryParams } from './query';

const ALL = 'all';

export function StudyQueryForm({ value, errors, onChange }: { value: QueryParams; errors: Record<string, string>; onChange: (next: QueryParams) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const set = (patch: Partial<QueryParams>) => onChange({ ...value, ...patch });
  const workshops = useResult(() => invoke('workshops:list', { limit: 500 }), 'study-workshops', ['workshops:changed']);
  // Only the kinds the study covers (workshop-kinds.ts): the core refuses the others.
  const workshopOptions = (workshops.data?.items ?? [])
    .filter((w) => kindHas(w.kind, 'study'))
    .map((w) => ({ id: w.id, label: `${w.title} — ${formatDay(w.startsAt, language)}` }));
  return (
    <search className="study-query" aria-label={t('study.query')}>
      <RadioGroup className="radio-group" value={value.scope} onChange={(scope) => set({ scope: scope as StudyScope })} orientation="horizontal">
        <Label className="field__label">{t('study.scope')}</Label>
        <div className="radio-group__options">
          {studyScopes.map((scope) => (
            <Radio key={scope} value={scope} className="radio">
              <span className="radio__mark" aria-hidden="true" />
              {t(`study.scopes.${scope}`)}
            </Radio>
          ))}
        </div>
      </RadioGroup>
      {value.scope === 'workshop' ? (
        <SelectField
          label={t('study.workshop')}
          name="workshop"
          className="study-query__workshop"
          options={workshopOptions}
          value={value.workshopId || null}
          onChange={(id) => set({ workshopId: id ?? '' })}
          placeholder={t('study.chooseWorkshop')}
          errorMessage={translateMessage(t, errors.workshopId)}
          isRequired
        />
      ) : null}
      {value.scope === 'period' ? (
        <>
          <SentDateField name="from" label={t('study.from')} value={value.from} onChange={(from) => set({ from })} errorMessage={translateMessage(t, errors.from)} isRequired />
          <SentDateField name="to" label={t('study.to')} value={value.to} onChange={(to) => set({ to })} errorMessage={translateMessage(t, errors.to)} isRequired />
        </>
      ) : null}
      {value.scope !== 'workshop' ? (
        <SelectField
          label={t('study.arrondissement')}
          name="arrondissement"
          options={[{ id: ALL, label: t('study.allArrondissements') }, ...arrondissementOptions(t)]}
          value={value.arrondissement || ALL}
          onChange={(v) => set({ arrondissement: v === ALL || v === null ? '' : v })}
          placeholder={t('study.allArrondissements')}
        />
      ) : null}
    </search>
  );
}
