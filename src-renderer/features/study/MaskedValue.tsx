/** A figure as the screen shows it: the number, or « < 5 » / « masqué » with words for screen readers. */
import { useTranslation } from 'react-i18next';
import type { StudyCell } from '#shared/study/study.schema.js';
import { formatNumber } from '../../app/format';
import { currentLanguage } from '../../app/i18n';

export function MaskedValue({ cell }: { cell: StudyCell }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (!cell.masked) return <>{formatNumber(cell.value ?? 0, language)}</>;
  const small = cell.masked === 'small';
  return (
    <span className={`masked masked--${cell.masked}`} data-masked={cell.masked}>
      <span aria-hidden="true">{small ? t('study.files.masked') : t('study.files.complement')}</span>
      <span className="visually-hidden">{small ? t('study.maskedSmallSr') : t('study.maskedComplementSr')}</span>
    </span>
  );
}
