import { EventEmitter } from 'node:events';
import type { App, Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { guardPermissions, installSecurityHandlers } from '#electron/navigation-guards.js';

/** A webContents fake: an EventEmitter plus the window-open hook and a session. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor(readonly session: FakeSession) {
    super();
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

class FakeSession {
  request: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null = null;
  check: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null;
  device: ((details: unknown) => boolean) | null = null;
  setPermissionRequestHandler(handler: FakeSession['request']) {
    this.request = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['check']) {
    this.check = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['device']) {
    this.device = handler;
  }
}

function preventable(url?: string) {
  return { url, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
}

function setup() {
  const app = new EventEmitter();
  const defaultSession = new FakeSession();
  const shell = { openExternal: vi.fn(async () => undefined) };
  installSecurityHandlers(app as unknown as App, defaultSession as unknown as Session, shell);
  const contents = new FakeContents(new FakeSession());
  app.emit('web-contents-created', {}, contents);
  return { app, defaultSession, contents, shell };
}

describe('security handlers on every new webContents', () => {
  it('denies every new window, and opens only allow-listed links in the browser', async () => {
    const { contents, shell } = setup();
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://atelier/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://www.paris.fr/budget' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledTimes(1));
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.paris.fr/budget');
  });

  it.each(['will-navigate', 'will-redirect'])('%s: prevented away from app://atelier, allowed within it', (name) => {
    const { contents } = setup();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'http://127.0.0.1:1234/']) {
      const event = preventable();
      contents.emit(name, event, url);
      expect(event.defaultPrevented, url).toBe(true);
    }
    const inside = preventable();
    contents.emit(name, inside, 'app://atelier/workshops');
    expect(inside.defaultPrevented).toBe(false);
  });

  it('will-frame-navigate: reads the URL from the event and prevents foreign ones', () => {
    const { contents } = setup();
    const away = preventable('https://evil.example/');
    contents.emit('will-frame-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    const inside = preventable('app://atelier/index.html');
    contents.emit('will-frame-navigate', inside);
    expect(inside.defaultPrevented).toBe(false);
  });

  it('prevents every <webview> from attaching', () => {
    const { contents } = setup();
    const event = preventable();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies permission requests and checks on the default session and on each new session', () => {
    const { defaultSession, contents } = setup();
    for (const session of [defaultSession, contents.session]) {
      for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen']) {
        const callback = vi.fn();
        session.request?.({}, permission, callback, {});
        expect(callback).toHaveBeenCalledExactlyOnceWith(false);
        expect(session.check?.({}, permission, 'app://atelier', {})).toBe(false);
      }
      expect(session.device?.({ deviceType: 'usb' })).toBe(false);
    }
  });
});

describe('guardPermissions', () => {
  it('installs all three handlers', () => {
    const session = new FakeSession();
    guardPermissions(session as unknown as Session);
    expect(session.request).toBeTypeOf('function');
    expect(session.check).toBeTypeOf('function');
    expect(session.device).toBeTypeOf('function');
  });
});

describe('the camera, only for the Citizen Card check-in of the app itself', () => {
  const CHECK_IN = 'app://atelier/index.html#/citizen-card/occurrences/0b7d6a3e-4a36-4d1c-9a43-6f3c1f4e2b10/check-in';
  /** A webContents fake that shows `url`. */
  const page = (url: string) => ({ getURL: () => url });
  function ask(url: string, permission: string, details: unknown) {
    const { contents } = setup();
    const callback = vi.fn();
    contents.session.request?.(page(url), permission, callback, details);
    return callback.mock.calls[0]?.[0] as boolean;
  }

  it('grants video to the check-in screen of app://atelier', () => {
    expect(ask(CHECK_IN, 'media', { mediaTypes: ['video'], requestingUrl: CHECK_IN })).toBe(true);
    const { contents } = setup();
    expect(contents.session.check?.(page(CHECK_IN), 'media', 'app://atelier', { mediaType: 'video', requestingUrl: CHECK_IN })).toBe(true);
  });

  it('refuses the microphone, other screens, other origins and other permissions', () => {
    expect(ask(CHECK_IN, 'media', { mediaTypes: ['video', 'audio'], requestingUrl: CHECK_IN }), 'audio with video').toBe(false);
    expect(ask(CHECK_IN, 'media', { mediaTypes: ['audio'], requestingUrl: CHECK_IN }), 'audio').toBe(false);
    expect(ask(CHECK_IN, 'media', { mediaTypes: [], requestingUrl: CHECK_IN }), 'no media type').toBe(false);
    const session = 'app://atelier/index.html#/citizen-card/occurrences/0b7d6a3e-4a36-4d1c-9a43-6f3c1f4e2b10';
    expect(ask(session, 'media', { mediaTypes: ['video'], requestingUrl: session }), 'the session screen').toBe(false);
    expect(ask('app://atelier/index.html#/workshops', 'media', { mediaTypes: ['video'] }), 'another screen').toBe(false);
    const foreign = 'https://evil.example/#/citizen-card/occurrences/0b7d6a3e-4a36-4d1c-9a43-6f3c1f4e2b10/check-in';
    expect(ask(foreign, 'media', { mediaTypes: ['video'], requestingUrl: foreign }), 'a foreign page').toBe(false);
    expect(ask(CHECK_IN, 'media', { mediaTypes: ['video'], requestingUrl: 'https://evil.example/' }), 'a foreign frame').toBe(false);
    expect(ask('app://atelier:8080/index.html#/citizen-card/occurrences/0b7d6a3e-4a36-4d1c-9a43-6f3c1f4e2b10/check-in', 'media', { mediaTypes: ['video'] }), 'a port').toBe(false);
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'display-capture']) {
      expect(ask(CHECK_IN, permission, { mediaTypes: ['video'], requestingUrl: CHECK_IN }), permission).toBe(false);
    }
    const { contents } = setup();
    expect(contents.session.check?.(page(CHECK_IN), 'media', 'https://evil.example', { mediaType: 'video' }), 'check from a foreign origin').toBe(false);
    expect(contents.session.check?.(page(CHECK_IN), 'media', 'app://atelier', { mediaType: 'audio' }), 'check of the microphone').toBe(false);
    expect(contents.session.device?.({ deviceType: 'usb' })).toBe(false);
  });
});
