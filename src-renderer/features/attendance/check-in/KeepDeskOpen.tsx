/**
 * The welcome desk kept unlocked on purpose for the length of the workshop (the idle lock would
 * otherwise lock it between two arrivals): the core allows it only until a workshop of today
 * ends, logs who did it, and « Verrouiller » still locks it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { formatTime } from '#renderer/app/format.js';
import { currentLanguage, translateError, translateMessage } from '#renderer/app/i18n.js';
import { Alert } from '#renderer/components/Alert.js';
import { Button } from '#renderer/components/Button.js';

export function KeepDeskOpen({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const status = useResult(() => invoke('vault:status', {}), 'vault:status', ['vault:changed']);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!status.data) return null;
  const until = status.data.keptOpenUntil;

  async function toggle() {
    setBusy(true);
    setRefusal(null);
    const result = await invoke('vault:keep-open', { workshopId: until ? null : workshopId });
    setBusy(false);
    if (!result.ok) setRefusal(result.error.fields ? translateMessage(t, Object.values(result.error.fields)[0]) : translateError(t, result.error, 'workshop'));
    status.reload();
  }

  return (
    <section className="keep-open" aria-labelledby="keep-open-heading">
      <h2 id="keep-open-heading">{t('attendance.keepOpen.heading')}</h2>
      <p>{until ? t('attendance.keepOpen.on', { time: formatTime(until, currentLanguage()) }) : t('attendance.keepOpen.off', { minutes: status.data.idleMinutes })}</p>
      <Button variant="secondary" isDisabled={busy} onPress={() => void toggle()}>
        {until ? t('attendance.keepOpen.stop') : t('attendance.keepOpen.start')}
      </Button>
      {refusal ? (
        <Alert tone="error" role="alert">
          {refusal}
        </Alert>
      ) : null}
    </section>
  );
}
