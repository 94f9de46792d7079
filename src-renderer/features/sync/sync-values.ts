/** How a synced field and its value read for a person (conflicts and refused changes). */
import type { TFunction } from 'i18next';
import { formatDateTime, formatNumber } from '#renderer/app/format.js';
import { currentLanguage, isKey } from '#renderer/app/i18n.js';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function fieldLabel(t: TFunction, field: string): string {
  for (const key of [`workshops.form.${field}`, `syncCenter.fields.${field}`]) if (isKey(key)) return t(key);
  return field;
}

export function valueText(t: TFunction, field: string, value: unknown): string {
  const language = currentLanguage();
  if (value === null || value === undefined || value === '') return t('syncCenter.empty');
  if (typeof value === 'boolean') return value ? t('syncCenter.yes') : t('syncCenter.no');
  if (typeof value === 'number') return formatNumber(value, language);
  if (typeof value === 'string') {
    const label = field === 'status' ? `labels.workshopStatuses.${value}` : field === 'kind' ? `labels.workshopKinds.${value}` : '';
    if (label && isKey(label)) return t(label);
    return ISO_UTC.test(value) ? formatDateTime(value, language) : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return t('syncCenter.empty');
    return value.map((v) => (typeof v === 'object' && v && 'name' in v ? String((v as { name: unknown }).name) : String(v))).join(', ');
  }
  return JSON.stringify(value);
}
