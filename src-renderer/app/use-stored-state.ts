/**
 * State kept in this computer's storage as it changes, so a closed window, a crash or a flat
 * battery loses nothing typed (UX.md, principle 1). `clear` forgets it once it is saved.
 * A stored object is merged over `initial`, so a field added since it was stored has its default.
 */
import { useCallback, useRef, useState, type SetStateAction } from 'react';
import { readStoredJson, removeStored, writeStoredJson } from './storage';

function read<T extends object>(key: string, initial: T): T {
  const stored = readStoredJson(key);
  return stored && typeof stored === 'object' && !Array.isArray(stored) ? { ...initial, ...stored } : initial;
}

export function useStoredState<T extends object>(key: string, initial: T) {
  const [value, setValue] = useState<T>(() => read(key, initial));
  // The latest value, stored at the keystroke itself (not after the next paint): a reload at
  // once after typing still finds the last character.
  const latest = useRef(value);
  const set = useCallback(
    (action: SetStateAction<T>) => {
      const next = typeof action === 'function' ? action(latest.current) : action;
      latest.current = next;
      writeStoredJson(key, next);
      setValue(next);
    },
    [key],
  );
  const clear = useCallback(() => {
    removeStored(key);
    latest.current = initial;
    setValue(initial);
    // `initial` is a fresh object each render; the key decides what is cleared.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return [value, set, clear] as const;
}
