/**
 * Who is acting on these screens: the name the access log keeps with each look. It is the name
 * the welcome desk already remembers on this computer (the same storage key), so a facilitator
 * who typed it at the door is not asked again; a lab member types it once.
 */
import { useCallback, useState } from 'react';

const KEY = 'atelier.attendance.facilitator';

function read(): string {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? String((JSON.parse(raw) as { name?: unknown }).name ?? '') : '';
  } catch {
    return '';
  }
}

export function useActor() {
  const [name, setName] = useState(read);
  const set = useCallback((next: string) => {
    setName(next);
    try {
      localStorage.setItem(KEY, JSON.stringify({ name: next }));
    } catch {
      // no storage: the name lasts for this session
    }
  }, []);
  return [name, set] as const;
}
