/**
 * Loads a command's result for a screen and reloads it when the core says the data changed.
 * Keeps the last value while reloading, so a refresh never blanks what a person is reading.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { EventName } from '#shared/contract.js';
import type { AppError, Result } from '#shared/result.js';
import { on } from './client';

export interface Loaded<T> {
  data: T | undefined;
  error: AppError | undefined;
  loading: boolean;
  reload: () => void;
}

interface Answer<T> {
  data?: T;
  error?: AppError;
  /** Which request this answers: `key#tick`. */
  for?: string;
}

export function useResult<T>(load: () => Promise<Result<T>>, key: string, events: readonly EventName[] = []): Loaded<T> {
  const [answer, setAnswer] = useState<Answer<T>>({});
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const request = `${key}#${tick}`;

  useEffect(() => {
    let current = true; // an older request never overwrites a newer one
    void loadRef.current().then((result) => {
      if (!current) return;
      setAnswer((prev) =>
        result.ok ? { data: result.value, for: request } : { data: prev.data && prev.for?.startsWith(`${key}#`) ? prev.data : undefined, error: result.error, for: request },
      );
    });
    return () => {
      current = false;
    };
  }, [request, key]);

  const eventKey = events.join(',');
  useEffect(() => {
    const offs = eventKey
      .split(',')
      .filter(Boolean)
      .map((e) => on(e as EventName, reload));
    return () => offs.forEach((off) => off());
  }, [eventKey, reload]);

  return { data: answer.data, error: answer.error, loading: answer.for !== request, reload };
}
