import { EventEmitter } from 'node:events';
import type { IpcRendererEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '#electron/channels.js';
import { createAtelierBridge, type PreloadIpc } from '#electron/preload-api.js';

function fakeIpc() {
  const emitter = new EventEmitter();
  const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 1 }));
  const ipc = {
    invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      emitter.on(channel, listener);
      return ipc;
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
      emitter.removeListener(channel, listener);
      return ipc;
    },
  };
  const fakeEvent = { sender: 'the ipcRenderer itself' } as unknown as IpcRendererEvent;
  const emit = (channel: string, ...args: unknown[]) => emitter.emit(channel, fakeEvent, ...args);
  return { ipc: ipc as unknown as PreloadIpc, invoke, emit, emitter };
}

describe('the preload bridge', () => {
  it('exposes exactly invoke and on', () => {
    expect(Object.keys(createAtelierBridge(fakeIpc().ipc)).sort()).toEqual(['invoke', 'on']);
  });

  it('invoke sends (name, input) on atelier:invoke and returns the answer', async () => {
    const { ipc, invoke } = fakeIpc();
    await expect(createAtelierBridge(ipc).invoke('workshops:get', { id: 'w1' })).resolves.toEqual({ ok: true, value: 1 });
    expect(invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'workshops:get', { id: 'w1' });
  });

  it('on delivers only atelier:event messages with the matching name, payload only', () => {
    const { ipc, emit } = fakeIpc();
    const listener = vi.fn();
    createAtelierBridge(ipc).on('workshops:changed', listener);
    emit(EVENT_CHANNEL, 'sync:changed', {});
    emit('some-other-channel', 'workshops:changed', { id: 'x' });
    emit(EVENT_CHANNEL, 'workshops:changed', { id: 'w1' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ id: 'w1' });
  });

  it('the returned function unsubscribes, and calling it twice is harmless', () => {
    const { ipc, emit, emitter } = fakeIpc();
    const listener = vi.fn();
    const bridge = createAtelierBridge(ipc);
    const off = bridge.on('workshops:changed', listener);
    const keep = bridge.on('workshops:changed', vi.fn());
    off();
    off();
    emit(EVENT_CHANNEL, 'workshops:changed', { id: 'w1' });
    expect(listener).not.toHaveBeenCalled();
    expect(emitter.listenerCount(EVENT_CHANNEL)).toBe(1);
    keep();
    expect(emitter.listenerCount(EVENT_CHANNEL)).toBe(0);
  });

  it('rejects a non-function listener instead of registering it', () => {
    const { ipc, emitter } = fakeIpc();
    expect(() => createAtelierBridge(ipc).on('workshops:changed', 'nope' as unknown as () => void)).toThrow(TypeError);
    expect(emitter.listenerCount(EVENT_CHANNEL)).toBe(0);
  });
});
