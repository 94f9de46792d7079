/**
 * The sandboxed preload: only `electron` can be required here, and esbuild bundles the rest
 * (channels + bridge, no dependencies) into out/electron/preload.cjs.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createAtelierBridge } from './preload-api.js';

contextBridge.exposeInMainWorld('atelier', createAtelierBridge(ipcRenderer));
