/**
 * The address search as you type, with the words each answer answers: the field shows an answer
 * only for the text in the box, and `answerFor` gives the answer to a given text at once (the
 * one under way, or a search started now) for an Enter typed faster than the pause below.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AddressHit } from '#shared/reference/reference.schema.js';
import { invoke } from '#renderer/api/client.js';

export interface Answer {
  query: string;
  items: AddressHit[];
}

/** A short pause so that fast typing does not queue a search per key. */
const PAUSE_MS = 80;

export function useLatestAnswer(query: string) {
  const [answer, setAnswer] = useState<Answer>({ query: '', items: [] });
  const latest = useRef<{ query: string; items: Promise<AddressHit[]> } | null>(null);

  const answerFor = useCallback((q: string): Promise<AddressHit[]> => {
    if (latest.current?.query === q) return latest.current.items;
    const items = invoke('reference:searchAddresses', { query: q, limit: 8 }).then((r) => (r.ok ? r.value.items : []));
    latest.current = { query: q, items };
    // An older answer arriving late never replaces the answer to newer words.
    void items.then((found) => {
      if (latest.current?.query === q) setAnswer({ query: q, items: found });
    });
    return items;
  }, []);

  useEffect(() => {
    if (!query) return;
    const timer = setTimeout(() => void answerFor(query), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query, answerFor]);

  return { answer, answerFor };
}
