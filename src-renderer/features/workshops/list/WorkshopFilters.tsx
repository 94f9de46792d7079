/** Kind, status, arrondissement, a date range and a title search that filters as you type. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '#renderer/components/Button.js';
import { SelectField } from '#renderer/components/SelectField.js';
import { SentDateField } from '#renderer/components/DateField.js';
import { TextField } from '#renderer/components/TextField.js';
import { arrondissementOptions, kindOptions, statusOptions } from '#renderer/app/workshop-options.js';
import { hasFilters, noFilters, type ListFilters } from './filters';

const ALL = 'all';

export function WorkshopFilters({ filters, onChange }: { filters: ListFilters; onChange: (next: ListFilters) => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<ListFilters>) => onChange({ ...filters, ...patch });
  const select = (value: string | null) => (value === ALL || value === null ? '' : value);
  // The search box keeps its own text: the URL catches up a moment later, and must not
  // overwrite keystrokes typed in between. It follows the URL only when it changes from outside.
  const [query, setQuery] = useState(filters.query);
  const sent = useRef(filters.query);
  useEffect(() => {
    if (filters.query !== sent.current) {
      sent.current = filters.query;
      setQuery(filters.query);
    }
  }, [filters.query]);
  return (
    <search className="filters" aria-label={t('workshops.list.filters')}>
      <TextField
        className="filters__search"
        type="search"
        name="q"
        label={t('workshops.list.search')}
        value={query}
        onChange={(next) => {
          setQuery(next);
          sent.current = next;
          set({ query: next });
        }}
        autoComplete="off"
      />
      <SelectField
        label={t('workshops.list.kind')}
        name="kind"
        options={[{ id: ALL, label: t('workshops.list.allKinds') }, ...kindOptions(t)]}
        value={filters.kind || ALL}
        onChange={(v) => set({ kind: select(v) })}
        placeholder={t('workshops.list.allKinds')}
      />
      <SelectField
        label={t('workshops.list.status')}
        name="status"
        options={[{ id: ALL, label: t('workshops.list.allStatuses') }, ...statusOptions(t)]}
        value={filters.status || ALL}
        onChange={(v) => set({ status: select(v) })}
        placeholder={t('workshops.list.allStatuses')}
      />
      <SelectField
        label={t('workshops.list.arrondissement')}
        name="arrondissement"
        options={[{ id: ALL, label: t('workshops.list.allArrondissements') }, ...arrondissementOptions(t)]}
        value={filters.arrondissement || ALL}
        onChange={(v) => set({ arrondissement: select(v) })}
        placeholder={t('workshops.list.allArrondissements')}
      />
      <SentDateField name="from" label={t('workshops.list.from')} value={filters.from} onChange={(from) => set({ from })} />
      <SentDateField name="to" label={t('workshops.list.to')} value={filters.to} onChange={(to) => set({ to })} />
      {hasFilters(filters) ? (
        <Button variant="quiet" className="filters__reset" onPress={() => onChange(noFilters)}>
          {t('workshops.list.reset')}
        </Button>
      ) : null}
    </search>
  );
}
