/** The core's refusal on a vault form: the field's own message when it names one, else the sentence for the device. */
import { useTranslation } from 'react-i18next';
import type { AppError } from '#shared/result.js';
import { translateError, translateMessage } from '#renderer/app/i18n.js';
import { Alert } from '#renderer/components/Alert.js';

export function VaultFailure({ failure }: { failure: AppError | null }) {
  const { t } = useTranslation();
  if (!failure) return null;
  return (
    <Alert tone="error" role="alert">
      {failure.fields ? translateMessage(t, Object.values(failure.fields)[0]) : translateError(t, failure, 'device')}
    </Alert>
  );
}
