/** The web host: commands over same-origin `fetch`, events over one shared EventSource. */
import { rpcPath } from '#shared/rpc-path.js';
import { toResult, unavailable, type Transport } from './transport';

export function createWebTransport(base = ''): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  function ensureSource() {
    if (source || typeof EventSource === 'undefined') return;
    source = new EventSource(`${base}/events`);
    // EventSource reconnects by itself. Events sent while it was away are lost, so on
    // reconnection every listener hears "something may have changed" and refetches.
    let lost = false;
    source.addEventListener('error', () => {
      lost = true;
    });
    source.addEventListener('open', () => {
      if (!lost) return;
      lost = false;
      for (const set of listeners.values()) for (const l of set) l({});
    });
  }

  return {
    async invoke(name, input) {
      let response: Response;
      try {
        response = await fetch(`${base}${rpcPath(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
      } catch (error) {
        return unavailable(error instanceof Error ? error.message : 'network error');
      }
      if (response.status === 401 || response.status === 403 || response.status === 421) {
        return { ok: false, error: { code: 'forbidden', message: `HTTP ${response.status}` } };
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        // not JSON: a proxy page, a crash mid-answer
        return response.ok ? toResult(null) : unavailable(`HTTP ${response.status}`);
      }
      return toResult(body);
    },

    on(event, listener) {
      ensureSource();
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        source?.addEventListener(event, (message) => {
          let payload: unknown = {};
          try {
            payload = JSON.parse((message as MessageEvent<string>).data);
          } catch {
            // a malformed event still means "something changed"
          }
          for (const l of listeners.get(event) ?? []) l(payload);
        });
      }
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
}
