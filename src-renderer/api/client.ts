/** The one client the screens use, chosen once at start-up from the host the app runs under. */
import { createElectronTransport } from './electron-transport';
import { createApi, type Api } from './transport';
import { createWebTransport } from './web-transport';

export type { Api } from './transport';

function pickTransport() {
  return typeof window !== 'undefined' && window.atelier ? createElectronTransport(window.atelier) : createWebTransport();
}

export const api: Api = createApi(pickTransport());
export const invoke: Api['invoke'] = (name, input) => api.invoke(name, input);
export const on: Api['on'] = (event, listener) => api.on(event, listener);
