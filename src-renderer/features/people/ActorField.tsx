/** « Votre nom »: who is acting, kept in the access log with each look at personal data. */
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/TextField';

export function ActorField({ value, onChange, missing }: { value: string; onChange: (v: string) => void; missing: boolean }) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('people.actor')}
      name="actor"
      value={value}
      onChange={onChange}
      description={t('people.actorHint')}
      errorMessage={missing ? t('people.actorMissing') : undefined}
      autoComplete="name"
      isRequired
      className="people-actor"
    />
  );
}
