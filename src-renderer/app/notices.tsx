/**
 * One quiet notice at a time under the header ("Atelier supprimé. [Annuler la suppression]").
 * The live region is always in the page so screen readers announce what appears in it.
 * A notice with an action (undo) stays until it is replaced or dismissed: it must not vanish
 * while someone reads it; a plain confirmation fades after a while. Texts are functions of `t`,
 * so a notice follows a language switch.
 */
import type { TFunction } from 'i18next';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';

export interface Notice {
  tone: 'success' | 'info' | 'error';
  message: (t: TFunction) => string;
  action?: { label: (t: TFunction) => string; run: () => void };
}

interface NoticeApi {
  show: (notice: Notice) => void;
  dismiss: () => void;
}

const NoticeContext = createContext<NoticeApi>({ show: () => {}, dismiss: () => {} });

export function useNotice(): NoticeApi {
  return useContext(NoticeContext);
}

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<(Notice & { n: number }) | null>(null);
  const show = useCallback((next: Notice) => setNotice((prev) => ({ ...next, n: (prev?.n ?? 0) + 1 })), []);
  const dismiss = useCallback(() => setNotice(null), []);
  const value = useMemo(() => ({ show, dismiss }), [show, dismiss]);
  useEffect(() => {
    if (!notice || notice.action) return;
    const timer = setTimeout(() => setNotice((current) => (current?.n === notice.n ? null : current)), 10_000);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <NoticeContext.Provider value={value}>
      {/* Before the screen in the DOM (shown at the bottom): an Undo is a few Tabs away, not fifty. */}
      <NoticeRegion notice={notice} onDismiss={dismiss} />
      {children}
    </NoticeContext.Provider>
  );
}

function NoticeRegion({ notice, onDismiss }: { notice: (Notice & { n: number }) | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice ? (
        <div key={notice.n} className={`notice notice--${notice.tone}`} data-testid="notice">
          <span className="notice__icon" aria-hidden="true">
            {notice.tone === 'error' ? '!' : notice.tone === 'success' ? '✓' : 'i'}
          </span>
          <p className="notice__message">{notice.message(t)}</p>
          {notice.action ? (
            <Button
              variant="primary"
              onPress={() => {
                const run = notice.action!.run;
                onDismiss();
                run();
              }}
            >
              {notice.action.label(t)}
            </Button>
          ) : null}
          <Button variant="quiet" onPress={onDismiss} aria-label={t('common.dismiss')} className="notice__close">
            <span aria-hidden="true">×</span>
          </Button>
        </div>
      ) : null}
    </div>
  );
}
