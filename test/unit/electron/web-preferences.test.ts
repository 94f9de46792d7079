import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '#electron/web-preferences.js';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/out/electron/preload.cjs');

  it('isolates and sandboxes the renderer, with no Node anywhere', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    });
  });

  it('uses the given preload and nothing that loosens the defaults', () => {
    expect(prefs.preload).toBe('/app/out/electron/preload.cjs');
    // Any of these being truthy would weaken isolation; none may appear set.
    for (const risky of ['experimentalFeatures', 'enableBlinkFeatures', 'navigateOnDragDrop', 'additionalArguments'] as const) {
      expect(Boolean(prefs[risky]), risky).toBe(false);
    }
  });

  it('returns a fresh object each time, so a caller cannot loosen the next window', () => {
    const first = secureWebPreferences('/p');
    first.nodeIntegration = true;
    expect(secureWebPreferences('/p').nodeIntegration).toBe(false);
  });
});
