/** How a synced field and its value read for a person (conflicts and refused changes). */
import i18next, { type TFunction } from 'i18next';
import { formatDateTime, formatNumber } from '../../app/format';
import { currentLanguage } from '../../app/i18n';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function fieldLabel(t: TFunction, field: string): string {
  for (const key of [`form.${field}`, `syncCenter.fields.${field}`]) if (i18next.exists(key)) return t(key);
  return field;
}

export function valueText(t: TFunction, field: string, value: unknown): string {
  const language = currentLanguage();
  if (value === null || value === undefined || value === '') return t('syncCenter.empty');
  if (typeof value === 'boolean') return value ? t('syncCenter.yes') : t('syncCenter.no');
  if (typeof value === 'number') return formatNumber(value, language);
  if (typeof value === 'string') {
    if (field === 'status' && i18next.exists(`statuses.${value}`)) return t(`statuses.${value}`);
    if (field === 'kind' && i18next.exists(`kinds.${value}`)) return t(`kinds.${value}`);
    return ISO_UTC.test(value) ? formatDateTime(value, language) : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return t('syncCenter.empty');
    return value.map((v) => (typeof v === 'object' && v && 'name' in v ? String((v as { name: unknown }).name) : String(v))).join(', ');
  }
  return JSON.stringify(value);
}
