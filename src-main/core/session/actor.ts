/**
 * Who is acting, for this session: the facilitator's name typed (or remembered) when the app
 * was unlocked. A name, never an e-mail; kept in memory only. The vault writes it at each
 * unlock; the access log of personal data (issue 9, rights) reads it.
 */
export interface ActorSession {
  /** The name given at the last unlock, or null before the first one. */
  current(): string | null;
  set(name: string | null): void;
}

export function createActorSession(): ActorSession {
  let name: string | null = null;
  return {
    current: () => name,
    set: (next) => {
      name = next;
    },
  };
}
