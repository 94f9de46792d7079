/**
 * The main window's webPreferences, as a pure function so a unit test can hold every flag to
 * account (scanners such as electronegativity have missed `nodeIntegration: true`).
 */
import type { WebPreferences } from 'electron';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    // The renderer is a web page: it reaches the app only through the two preload functions.
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // Spell-check would fetch dictionaries from Google's CDN: no network calls we did not ask for.
    spellcheck: false,
  };
}
