/**
 * One quiet notice at a time under the header ("Atelier supprimé. [Annuler la suppression]").
 * The live region is always in the page so screen readers announce what appears in it.
 *
 * It never covers the work: it takes its own place in the page above the screen (the screen
 * moves down by its height rather than hiding under it) and, once the page is scrolled, stays
 * in view at the top, drawn above the map. It belongs to the screen it was shown on: leaving
 * that screen dismisses it. A plain confirmation goes after a few seconds (not while the
 * pointer or the focus is on it); a notice with an action (undo) stays until it is replaced,
 * dismissed or its screen is left — it must not vanish while someone reads it, and the undo
 * is also on the screen itself. Texts are functions of `t`, so a notice follows a language switch.
 */
import type { TFunction } from 'i18next';
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
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

/** How long a plain confirmation stays: long enough to read a line twice, short enough not to linger. */
export const NOTICE_MS = 6_000;

/**
 * A screen that saves then moves on (« créé », then the detail) shows the notice and navigates
 * in one go; the router settles the new screen a moment later. A notice follows a move made
 * this soon after it was shown and before the person touches anything again: a click or a key
 * after it (a link to elsewhere) means the person moves on, and the notice stays behind.
 */
const MOVE_WITH_NOTICE_MS = 1_500;

type Shown = Notice & { n: number; /** The screen it belongs to. */ path: string; /** Still following the move that showed it. */ moving: boolean };

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Shown | null>(null);
  const { pathname } = useLocation();
  const here = useRef(pathname);
  useLayoutEffect(() => {
    here.current = pathname;
  }, [pathname]);
  const counter = useRef(0);
  const show = useCallback((next: Notice) => {
    const n = ++counter.current;
    setNotice({ ...next, n, path: here.current, moving: true });
    const settled = () => {
      clearTimeout(timer);
      document.removeEventListener('pointerdown', settled, true);
      document.removeEventListener('keydown', settled, true);
      setNotice((current) => (current?.n === n && current.moving ? { ...current, moving: false } : current));
    };
    const timer = setTimeout(settled, MOVE_WITH_NOTICE_MS);
    // Listen from the next task: the key or click that showed this notice may still be travelling.
    setTimeout(() => {
      document.addEventListener('pointerdown', settled, { capture: true, once: true });
      document.addEventListener('keydown', settled, { capture: true, once: true });
    }, 0);
  }, []);
  const dismiss = useCallback(() => setNotice(null), []);
  const value = useMemo(() => ({ show, dismiss }), [show, dismiss]);
  const region = useRef<HTMLDivElement>(null);

  // Leaving the screen takes the notice away. Adjusted while rendering (React's pattern for
  // state that follows a changed input), so it is never drawn on the next screen, not even once.
  if (notice && notice.path !== pathname) setNotice(notice.moving ? { ...notice, path: pathname } : null);

  useEffect(() => {
    if (!notice || notice.action) return;
    let timer: ReturnType<typeof setTimeout>;
    const later = () => {
      timer = setTimeout(() => {
        // Not while someone is reading it with the pointer or has tabbed into it.
        const el = region.current;
        if (el && (el.matches(':hover') || el.contains(document.activeElement))) return later();
        setNotice((current) => (current?.n === notice.n ? null : current));
      }, NOTICE_MS);
    };
    later();
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <NoticeContext.Provider value={value}>
      {/* Before the screen in the DOM and on screen: an Undo is a few Tabs away, not fifty. */}
      <NoticeRegion ref={region} notice={notice} onDismiss={dismiss} />
      {children}
    </NoticeContext.Provider>
  );
}

function NoticeRegion({ notice, onDismiss, ref }: { notice: Shown | null; onDismiss: () => void; ref: Ref<HTMLDivElement> }) {
  const { t } = useTranslation();
  return (
    <div ref={ref} className="notice-region" role="status" aria-live="polite">
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
