/** Electron: the preload's two functions, relayed as they are; answers are shape-checked. */
import { toResult, type AtelierBridge, type Transport } from './transport';

export function createElectronTransport(bridge: AtelierBridge): Transport {
  return {
    invoke: async (name, input) => toResult(await bridge.invoke(name, input)),
    on: (event, listener) => bridge.on(event, listener),
  };
}
