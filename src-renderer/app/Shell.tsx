/**
 * The frame around every screen: skip link, header (name, navigation, sync, language, the lock),
 * main. Until the vault is unlocked, main shows its first-start or lock screen instead.
 */
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useHref, useNavigate } from 'react-router';
import { I18nProvider, RouterProvider } from 'react-aria-components';
import { localeOf } from '#shared/i18n/languages.js';
import { currentLanguage } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { NoticeProvider } from './notices';
import { SyncIndicator } from './SyncIndicator';
import { LockControls, useVaultStatus, VaultGate } from '../features/vault/VaultGate';

export function Shell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const vault = useVaultStatus();
  return (
    <I18nProvider locale={localeOf[currentLanguage()]}>
      <RouterProvider navigate={(to) => void navigate(to)} useHref={useHref}>
        <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
          {t('app.skipLink')}
        </a>
        <header className="app-header">
          <div className="app-header__inner">
            <p className="app-header__brand">
              <span className="app-header__name">{t('app.name')}</span>
              <span className="app-header__tagline">{t('app.tagline')}</span>
            </p>
            <nav aria-label={t('app.mainNav')} className="app-nav">
              <NavLink to="/workshops" end className="app-nav__link">
                {t('app.nav.workshops')}
              </NavLink>
              <NavLink to="/study" className="app-nav__link">
                {t('study.nav')}
              </NavLink>
              <NavLink to="/proposals" className="app-nav__link">
                {t('proposals.nav')}
              </NavLink>
              <NavLink to="/charter" className="app-nav__link">
                {t('charter.nav')}
              </NavLink>
              <NavLink to="/citizen-card" className="app-nav__link">
                {t('citizenCard.nav')}
              </NavLink>
              <NavLink to="/transfo" className="app-nav__link">
                {t('transfo.ui.nav')}
              </NavLink>
              <NavLink to="/publications" className="app-nav__link">
                {t('publication.ui.nav')}
              </NavLink>
              <NavLink to="/people" className="app-nav__link">
                {t('people.nav')}
              </NavLink>
              <NavLink to="/workshops/new" className="app-nav__link app-nav__link--action">
                <span aria-hidden="true">+ </span>
                {t('app.nav.newWorkshop')}
              </NavLink>
            </nav>
            <LanguageSwitch />
          </div>
          <div className="app-header__status">
            <SyncIndicator />
            <LockControls
              status={vault}
              securityLink={
                <NavLink to="/security" className="app-header__link">
                  {t('vault.securityNav')}
                </NavLink>
              }
            />
          </div>
        </header>
        <NoticeProvider>
          <main id="main" tabIndex={-1} className="app-main">
            <VaultGate status={vault}>
              <Outlet />
            </VaultGate>
          </main>
        </NoticeProvider>
      </RouterProvider>
    </I18nProvider>
  );
}
