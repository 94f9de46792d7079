/**
 * What the preload exposes as `window.atelier`: two functions, nothing else. Built from the
 * `ipcRenderer` passed in, so it can be tested without Electron. The renderer never sees an
 * IPC event object (it carries `sender`, a handle on ipcRenderer itself).
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels.js';

export interface AtelierBridge {
  invoke(name: string, input: unknown): Promise<unknown>;
  on(name: string, listener: (payload: unknown) => void): () => void;
}

export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createAtelierBridge(ipc: PreloadIpc): AtelierBridge {
  return {
    invoke(name, input) {
      return ipc.invoke(INVOKE_CHANNEL, name, input);
    },
    on(name, listener) {
      if (typeof name !== 'string' || typeof listener !== 'function') {
        throw new TypeError('atelier.on(name, listener) expects a string and a function');
      }
      const relay = (_event: IpcRendererEvent, eventName: unknown, payload: unknown) => {
        if (eventName === name) listener(payload);
      };
      ipc.on(EVENT_CHANNEL, relay);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(EVENT_CHANNEL, relay);
      };
    },
  };
}
