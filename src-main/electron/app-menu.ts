/**
 * The application menu: standard roles only (Electron implements them, and on macOS they
 * also give the system's own shortcuts), French labels by default. No custom commands here:
 * the app's actions live in the window.
 */
import type { MenuItemConstructorOptions } from 'electron';

export type MenuLocale = 'fr' | 'en';

const LABELS = {
  fr: {
    file: 'Fichier', edit: 'Édition', view: 'Affichage', window: 'Fenêtre',
    quit: 'Quitter', close: 'Fermer la fenêtre', undo: 'Annuler', redo: 'Rétablir',
    cut: 'Couper', copy: 'Copier', paste: 'Coller', selectAll: 'Tout sélectionner',
    reload: 'Recharger', devTools: 'Outils de développement', resetZoom: 'Taille réelle',
    zoomIn: 'Zoom avant', zoomOut: 'Zoom arrière', fullScreen: 'Plein écran', minimize: 'Réduire',
  },
  en: {
    file: 'File', edit: 'Edit', view: 'View', window: 'Window',
    quit: 'Quit', close: 'Close Window', undo: 'Undo', redo: 'Redo',
    cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select All',
    reload: 'Reload', devTools: 'Developer Tools', resetZoom: 'Actual Size',
    zoomIn: 'Zoom In', zoomOut: 'Zoom Out', fullScreen: 'Full Screen', minimize: 'Minimize',
  },
} as const;

/** French unless the OS locale is English; the facilitators work in French. */
export function menuLocaleFor(systemLocale: string | undefined): MenuLocale {
  return systemLocale?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export interface MenuOptions {
  locale: MenuLocale;
  platform: NodeJS.Platform;
  /** Developer tools only in a development build, never in the packaged app. */
  devTools: boolean;
}

export function buildMenuTemplate({ locale, platform, devTools }: MenuOptions): MenuItemConstructorOptions[] {
  const l = LABELS[locale];
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: l.reload },
    ...(devTools ? [{ role: 'toggleDevTools', label: l.devTools } as const] : []),
    { type: 'separator' },
    { role: 'resetZoom', label: l.resetZoom },
    { role: 'zoomIn', label: l.zoomIn },
    { role: 'zoomOut', label: l.zoomOut },
    { type: 'separator' },
    { role: 'togglefullscreen', label: l.fullScreen },
  ];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { label: l.file, submenu: [platform === 'darwin' ? { role: 'close', label: l.close } : { role: 'quit', label: l.quit }] },
    {
      label: l.edit,
      submenu: [
        { role: 'undo', label: l.undo },
        { role: 'redo', label: l.redo },
        { type: 'separator' },
        { role: 'cut', label: l.cut },
        { role: 'copy', label: l.copy },
        { role: 'paste', label: l.paste },
        { role: 'selectAll', label: l.selectAll },
      ],
    },
    { label: l.view, submenu: view },
    { label: l.window, submenu: [{ role: 'minimize', label: l.minimize }, { role: 'close', label: l.close }] },
  ];
}
