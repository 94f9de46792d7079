/** FR / EN, remembered on this computer. Each button names its language in that language. */
import { useTranslation } from 'react-i18next';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { currentLanguage, setLanguage } from './i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <ToggleButtonGroup
      aria-label={t('app.language')}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[language]}
      onSelectionChange={(keys) => {
        const next = [...keys][0];
        if (next === 'fr' || next === 'en') setLanguage(next);
      }}
      className="language-switch"
    >
      <ToggleButton id="fr" lang="fr" aria-label={t('app.french')} className="language-switch__button">
        FR
      </ToggleButton>
      <ToggleButton id="en" lang="en" aria-label={t('app.english')} className="language-switch__button">
        EN
      </ToggleButton>
    </ToggleButtonGroup>
  );
}
