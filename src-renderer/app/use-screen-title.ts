/**
 * Names the screen in the window title and moves focus to its heading when the screen opens,
 * so a screen-reader or keyboard user starts at the top of what just appeared. The first
 * screen after launch leaves focus alone, so the skip link stays the first Tab stop.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

let firstScreen = true;

export function useScreenTitle(title: string | undefined) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();
  useEffect(() => {
    if (title) document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current && title && ref.current) {
      focused.current = true;
      if (firstScreen) firstScreen = false;
      else ref.current.focus({ preventScroll: true });
    }
  }, [title]);
  return ref;
}
