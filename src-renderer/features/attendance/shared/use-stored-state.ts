/**
 * State kept in this browser's storage as it changes, so a closed window, a crash or a flat
 * battery loses nothing typed (UX.md, principle 1). `clear` forgets it once it is saved.
 */
import { useCallback, useEffect, useState } from 'react';

function read<T>(key: string, initial: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? initial : ({ ...initial, ...(JSON.parse(raw) as object) } as T);
  } catch {
    return initial;
  }
}

export function useStoredState<T extends object>(key: string, initial: T) {
  const [value, setValue] = useState<T>(() => read(key, initial));
  useEffect(() => {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // storage full or private mode: the value lives for this session only
    }
  }, [key, value]);
  const clear = useCallback(() => {
    try {
      localStorage.removeItem(key);
    } catch {
      // nothing stored
    }
    setValue(initial);
    // `initial` is a fresh object each render; the key decides what is cleared.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return [value, setValue, clear] as const;
}

/** The facilitator's name, remembered on this computer from one workshop to the next. */
export function useFacilitator(fallback: string) {
  const [state, setState] = useStoredState('atelier.attendance.facilitator', { name: '' });
  return [state.name || fallback, (name: string) => setState({ name })] as const;
}
