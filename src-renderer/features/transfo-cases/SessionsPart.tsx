/**
 * The sessions a case was worked on at: the La Transfo training sessions and monthly lab
 * workshops (existing workshop records), added from a picker and removed one by one.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransfoCase } from '#shared/transfo/case.schema.js';
import { currentLanguage, translateError, translateMessage } from '#renderer/app/i18n.js';
import { formatDateTime } from '#renderer/app/format.js';
import { Button } from '#renderer/components/Button.js';
import { ErrorAlert } from '#renderer/components/ErrorAlert.js';
import { SelectField } from '#renderer/components/SelectField.js';
import { NOUN } from './shared';
import { savePartOf } from './use-case';

export interface SessionOption {
  id: string;
  title: string;
  startsAt: string;
}

export const sessionLabel = (s: SessionOption, language: ReturnType<typeof currentLanguage>) => `${s.title} — ${formatDateTime(s.startsAt, language)}`;

export function SessionsPart({ c, sessions }: { c: TransfoCase; sessions: readonly SessionOption[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [pick, setPick] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const choices = sessions.filter((s) => !c.sessions.includes(s.id));
  const name = (id: string) => {
    const s = byId.get(id);
    return s ? sessionLabel(s, language) : t('transfoCases.ui.case.sessionUnknown', { id: id.slice(0, 8) });
  };

  async function save(next: string[]) {
    setError(null);
    const saved = await savePartOf(c)({ sessions: next });
    if (!saved.ok) {
      const field = Object.values(saved.error.fields ?? {})[0];
      setError(field ? translateMessage(t, field) : translateError(t, saved.error, NOUN));
      return;
    }
    setPick(null);
  }

  return (
    <section className="case-part" aria-labelledby="case-sessions-title">
      <h2 id="case-sessions-title">{t('transfoCases.ui.case.sessionsHeading')}</h2>
      <p>{t('transfoCases.ui.case.sessionsIntro')}</p>
      {c.sessions.length === 0 ? (
        <p className="empty-state">{t('transfoCases.ui.case.sessionsNone')}</p>
      ) : (
        <ul className="case-part__list" data-testid="case-sessions">
          {c.sessions.map((id) => (
            <li key={id} className="case-part__item">
              <span>{name(id)}</span>
              <Button variant="quiet" aria-label={t('transfoCases.ui.case.removeNamed', { name: name(id) })} onPress={() => void save(c.sessions.filter((s) => s !== id))}>
                {t('transfoCases.ui.case.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {choices.length === 0 ? (
        <p className="form-note">{t('transfoCases.ui.case.sessionNoChoice')}</p>
      ) : (
        <div className="form-row">
          <SelectField
            label={t('transfoCases.ui.case.sessionPick')}
            name="session"
            options={choices.map((s) => ({ id: s.id, label: sessionLabel(s, language) }))}
            value={pick}
            onChange={setPick}
            placeholder={t('transfoCases.ui.none')}
          />
          <Button variant="secondary" isDisabled={!pick} onPress={() => pick && void save([...c.sessions, pick])}>
            {t('transfoCases.ui.case.sessionAdd')}
          </Button>
        </div>
      )}
      <ErrorAlert message={error} />
    </section>
  );
}
