/**
 * The search box focused on arrival: typing filters the registered people as you type, the
 * first match is highlighted, Enter checks it in (two keystrokes for a trained facilitator).
 * Arrow keys move the highlight. With the box empty, « + » counts one anonymous person and
 * « - » takes one back. A combobox with a listbox, so screen readers follow the highlight.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '#shared/attendance/attendance.schema.js';
import { invoke } from '#renderer/api/client.js';

export interface CheckInSearchProps {
  workshopId: string;
  /** Bumped by the screen after each change, so the list reflects who is present now. */
  revision: number;
  onCheckIn: (hit: SearchHit) => Promise<boolean>;
  onAnonymous: (delta: 1 | -1) => void;
  /** The box, so that the screen can bring the focus back to it after a dialog. */
  inputRef: RefObject<HTMLInputElement | null>;
}

export function CheckInSearch({ workshopId, revision, onCheckIn, onAnonymous, inputRef }: CheckInSearchProps) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  /** The last answer, with the words it answers: Enter never acts on the answer to older words. */
  const [answer, setAnswer] = useState<{ query: string; items: SearchHit[] }>({ query: '', items: [] });
  const pending = useRef<{ query: string; items: Promise<SearchHit[]> } | null>(null);
  // An empty box shows nothing, whatever the last answer was.
  const hits = query.trim() ? answer.items : [];
  const [active, setActive] = useState(0);

  useEffect(() => {
    inputRef.current?.focus();
  }, [inputRef]);

  useEffect(() => {
    if (!query.trim()) return;
    let current = true; // an older answer never replaces a newer one
    const items = invoke('attendance:search', { workshopId, query, limit: 8 }).then((r) => (r.ok ? r.value.items : []));
    pending.current = { query, items };
    void items.then((found) => {
      if (!current) return;
      setAnswer({ query, items: found });
      setActive(0);
    });
    return () => {
      current = false;
    };
  }, [query, workshopId, revision]);

  /**
   * Enter typed faster than the search answers waits for the answer to what is in the box,
   * then takes its first match: never someone matched by fewer letters.
   */
  async function enter() {
    const shown = answer.query === query ? answer.items[active] : undefined;
    const hit = shown ?? (pending.current?.query === query ? (await pending.current.items)[0] : undefined);
    if (hit && (await onCheckIn(hit))) setQuery('');
  }

  async function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (!query && (e.key === '+' || e.key === '-')) {
      e.preventDefault();
      onAnonymous(e.key === '+' ? 1 : -1);
    } else if (e.key === 'ArrowDown' && hits.length) {
      e.preventDefault();
      setActive((a) => (a + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits.length) {
      e.preventDefault();
      setActive((a) => (a - 1 + hits.length) % hits.length);
    } else if (e.key === 'Enter' && query.trim()) {
      e.preventDefault();
      await enter();
    } else if (e.key === 'Escape') {
      setQuery('');
    }
  }

  const listId = `${id}-list`;
  const expanded = hits.length > 0;
  const statusWord = (h: SearchHit) =>
    h.status === 'present' ? t('attendance.search.alreadyPresent') : h.status === 'no_show' ? t('attendance.search.absent') : '';

  return (
    <div className="check-in-search">
      <label htmlFor={`${id}-input`} className="field__label">
        {t('attendance.search.label')}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {t('attendance.search.hint')}
      </p>
      <input
        id={`${id}-input`}
        ref={inputRef}
        className="field__control check-in-search__input"
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-describedby={`${id}-hint`}
        aria-activedescendant={expanded ? `${id}-hit-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => void onKeyDown(e)}
      />
      <ul id={listId} role="listbox" aria-label={t('attendance.search.results')} className="check-in-search__list">
        {hits.map((h, i) => (
          <li
            key={h.attendanceId}
            id={`${id}-hit-${i}`}
            role="option"
            aria-selected={i === active}
            className={`check-in-search__hit${i === active ? ' check-in-search__hit--active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void onCheckIn(h).then((done) => done && setQuery(''))}
          >
            <span className="check-in-search__name">{h.name ?? h.email}</span>
            {h.name && h.email ? <span className="check-in-search__email">{h.email}</span> : null}
            {statusWord(h) ? <span className="check-in-search__status">{statusWord(h)}</span> : null}
          </li>
        ))}
      </ul>
      <p className="check-in-search__empty" aria-live="polite">
        {query.trim() && hits.length === 0 ? t('attendance.search.none') : !query.trim() ? t('attendance.search.empty') : ''}
      </p>
    </div>
  );
}
