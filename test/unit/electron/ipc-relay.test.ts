import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL } from '#electron/channels.js';
import { createInvokeHandler, forwardCoreEvents, isTrustedSender, type FrameLike } from '#electron/ipc-relay.js';
import { ok, type Result } from '#shared/result.js';

function fakeWindow(url = 'app://atelier/index.html') {
  const mainFrame: FrameLike = { url, parent: null };
  const contents = { mainFrame };
  return { contents, mainFrame };
}

function fakeCore() {
  const invoke = vi.fn(async (name: string, input: unknown): Promise<Result<unknown>> => ok({ name, input }));
  return { invoke };
}

describe('isTrustedSender', () => {
  it('trusts the main frame of our window on app://atelier', () => {
    const { contents, mainFrame } = fakeWindow();
    expect(isTrustedSender({ sender: contents, senderFrame: mainFrame }, contents)).toBe(true);
  });

  it.each([
    ['another origin', 'https://evil.example/index.html'],
    ['file://', 'file:///etc/passwd'],
    ['another app host', 'app://other/index.html'],
    ['a port on the app host', 'app://atelier:8080/index.html'],
    ['user info on the app host', 'app://x@atelier/index.html'],
    ['a malformed URL', 'not a url'],
  ])('refuses the main frame once it shows %s', (_label, url) => {
    const { contents, mainFrame } = fakeWindow(url);
    expect(isTrustedSender({ sender: contents, senderFrame: mainFrame }, contents)).toBe(false);
  });

  it('refuses a subframe even on app://atelier', () => {
    const { contents, mainFrame } = fakeWindow();
    const subframe: FrameLike = { url: 'app://atelier/index.html', parent: mainFrame };
    expect(isTrustedSender({ sender: contents, senderFrame: subframe }, contents)).toBe(false);
  });

  it('refuses a missing (navigated or destroyed) frame', () => {
    const { contents } = fakeWindow();
    expect(isTrustedSender({ sender: contents, senderFrame: null }, contents)).toBe(false);
  });

  it('refuses another webContents, and any sender before our window exists', () => {
    const ours = fakeWindow();
    const other = fakeWindow();
    expect(isTrustedSender({ sender: other.contents, senderFrame: other.mainFrame }, ours.contents)).toBe(false);
    expect(isTrustedSender({ sender: ours.contents, senderFrame: ours.mainFrame }, null)).toBe(false);
  });
});

describe('createInvokeHandler', () => {
  it('relays a trusted call to the core and answers its Result', async () => {
    const { contents, mainFrame } = fakeWindow();
    const core = fakeCore();
    const handler = createInvokeHandler({ core, trustedContents: () => contents });
    const answer = await handler({ sender: contents, senderFrame: mainFrame }, 'workshops:list', { page: 1 });
    expect(answer).toEqual({ ok: true, value: { name: 'workshops:list', input: { page: 1 } } });
    expect(core.invoke).toHaveBeenCalledWith('workshops:list', { page: 1 });
  });

  it.each([
    ['wrong origin', (w: ReturnType<typeof fakeWindow>) => ({ sender: w.contents, senderFrame: { url: 'https://evil.example/', parent: null } })],
    ['subframe', (w: ReturnType<typeof fakeWindow>) => ({ sender: w.contents, senderFrame: { url: 'app://atelier/index.html', parent: w.mainFrame } })],
    ['missing frame', (w: ReturnType<typeof fakeWindow>) => ({ sender: w.contents, senderFrame: null })],
  ])('answers forbidden for a %s and never calls the core', async (_label, makeEvent) => {
    const window = fakeWindow();
    const core = fakeCore();
    const refused = vi.fn();
    const handler = createInvokeHandler({ core, trustedContents: () => window.contents, onRefused: refused });
    const answer = await handler(makeEvent(window), 'workshops:list', {});
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.code).toBe('forbidden');
    expect(core.invoke).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledOnce();
  });

  it('answers forbidden after the window closed', async () => {
    const { contents, mainFrame } = fakeWindow();
    const core = fakeCore();
    const handler = createInvokeHandler({ core, trustedContents: () => null });
    const answer = await handler({ sender: contents, senderFrame: mainFrame }, 'app:info', {});
    expect(!answer.ok && answer.error.code).toBe('forbidden');
    expect(core.invoke).not.toHaveBeenCalled();
  });

  it.each([[42], [''], ['x'.repeat(65)], [undefined]])('refuses a bad command name (%j) without calling the core', async (name) => {
    const { contents, mainFrame } = fakeWindow();
    const core = fakeCore();
    const handler = createInvokeHandler({ core, trustedContents: () => contents });
    const answer = await handler({ sender: contents, senderFrame: mainFrame }, name, {});
    expect(!answer.ok && answer.error.code).toBe('unknown_command');
    expect(core.invoke).not.toHaveBeenCalled();
  });

  it('turns a core that throws into an internal Result instead of a rejected promise', async () => {
    const { contents, mainFrame } = fakeWindow();
    const core = { invoke: vi.fn(async () => Promise.reject(new Error('boom'))) };
    const handler = createInvokeHandler({ core, trustedContents: () => contents });
    await expect(handler({ sender: contents, senderFrame: mainFrame }, 'app:info', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'boom' },
    });
  });
});

describe('forwardCoreEvents', () => {
  function fakeCoreEvents() {
    const listeners = new Set<(name: string, payload: unknown) => void>();
    return {
      onEvent(listener: (name: string, payload: unknown) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      emit: (name: string, payload: unknown) => listeners.forEach((l) => l(name, payload)),
    };
  }

  it('sends each core event to the live window on atelier:event, until unsubscribed', () => {
    const core = fakeCoreEvents();
    const send = vi.fn();
    const unsubscribe = forwardCoreEvents(core, () => ({ send, isDestroyed: () => false }));
    core.emit('workshops:changed', { id: 'w1' });
    expect(send).toHaveBeenCalledWith(EVENT_CHANNEL, 'workshops:changed', { id: 'w1' });
    unsubscribe();
    core.emit('workshops:changed', { id: 'w2' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('drops events while there is no window or it is destroyed', () => {
    const core = fakeCoreEvents();
    const send = vi.fn();
    let target: { send: typeof send; isDestroyed: () => boolean } | null = null;
    forwardCoreEvents(core, () => target);
    core.emit('sync:changed', {});
    target = { send, isDestroyed: () => true };
    core.emit('sync:changed', {});
    expect(send).not.toHaveBeenCalled();
  });
});
