/**
 * useStoredState for state that holds personal data: kept as it changes, sealed (sealed-drafts.ts).
 * Opening a sealed draft takes a moment, so the state starts at `initial` and the draft comes
 * back as soon as it is open — unless the person has typed meanwhile, which always wins. The key
 * is asked when the screen opens, so that the first keystroke's write does not wait for it.
 */
import { useCallback, useEffect, useRef, useState, type SetStateAction } from 'react';
import { prepareSealing, readSealed, removeSealed, writeSealed } from './sealed-drafts';

export function useSealedState<T extends object>(key: string, initial: T) {
  const [value, setRaw] = useState<T>(initial);
  const touched = useRef(false);
  // The key whose stored draft was read: until then, nothing is written over it.
  const [readKey, setReadKey] = useState<string | null>(null);
  const ready = readKey === key;

  useEffect(() => {
    let live = true;
    touched.current = false;
    prepareSealing();
    void readSealed(key).then((stored) => {
      if (!live) return;
      if (!touched.current && stored && typeof stored === 'object' && !Array.isArray(stored)) setRaw((current) => ({ ...current, ...(stored as Partial<T>) }));
      setReadKey(key);
    });
    return () => {
      live = false;
    };
  }, [key]);

  // Written once the stored draft was read (or the person typed first): never the empty start over it.
  useEffect(() => {
    if (ready || touched.current) void writeSealed(key, value);
  }, [key, value, ready]);

  const setValue = useCallback((next: SetStateAction<T>) => {
    touched.current = true;
    setRaw(next);
  }, []);
  const clear = useCallback(() => {
    void removeSealed(key);
    touched.current = false;
    setRaw(initial);
    // `initial` is a fresh object each render; the key decides what is cleared.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return [value, setValue, clear] as const;
}
