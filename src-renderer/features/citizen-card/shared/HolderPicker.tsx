/**
 * Finds a card holder as you type (name, or the start of the card number) among the City's
 * file: a combobox with its listbox, arrows move the highlight, Enter or a click chooses. Only
 * the masked card number is shown.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { maskedCardNumber } from '#shared/citizen-card/card-number.js';
import type { Holder } from '#shared/citizen-card/citizen-card.schema.js';
import { invoke } from '#renderer/api/client.js';

export interface HolderPickerProps {
  label: string;
  hint: string;
  chosen: Holder | null;
  onChoose: (holder: Holder | null) => void;
  errorMessage?: string;
}

export function holderLine(h: Pick<Holder, 'name' | 'cardNumber'>): { name: string; card: string } {
  return { name: h.name ?? '—', card: h.cardNumber ? maskedCardNumber(h.cardNumber) : '—' };
}

export function HolderPicker({ label, hint, chosen, onChoose, errorMessage }: HolderPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<{ query: string; items: Holder[] }>({ query: '', items: [] });
  const [active, setActive] = useState(0);
  const hits = query.trim() && answer.query === query ? answer.items : [];

  useEffect(() => {
    if (!query.trim()) return;
    let current = true;
    void invoke('citizen-card:search-holders', { query, limit: 8 }).then((r) => {
      if (!current) return;
      setAnswer({ query, items: r.ok ? r.value.items : [] });
      setActive(0);
    });
    return () => {
      current = false;
    };
  }, [query]);

  function choose(h: Holder) {
    onChoose(h);
    setQuery('');
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' && hits.length) {
      e.preventDefault();
      setActive((a) => (a + 1) % hits.length);
    } else if (e.key === 'ArrowUp' && hits.length) {
      e.preventDefault();
      setActive((a) => (a - 1 + hits.length) % hits.length);
    } else if (e.key === 'Enter' && hits[active]) {
      e.preventDefault();
      choose(hits[active]);
    } else if (e.key === 'Escape') {
      setQuery('');
    }
  }

  const listId = `${id}-list`;
  const expanded = hits.length > 0;
  return (
    <div className={`field holder-picker${errorMessage ? ' field--invalid' : ''}`}>
      <label htmlFor={`${id}-input`} className="field__label">
        {label}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      <input
        id={`${id}-input`}
        className="field__control"
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-describedby={`${id}-hint ${id}-chosen${errorMessage ? ` ${id}-error` : ''}`}
        aria-invalid={errorMessage ? true : undefined}
        aria-activedescendant={expanded ? `${id}-hit-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={t('citizenCard.registrations.holderResults')} className="holder-picker__list">
        {hits.map((h, i) => (
          <li
            key={h.id}
            id={`${id}-hit-${i}`}
            role="option"
            aria-selected={i === active}
            className={`holder-picker__hit${i === active ? ' holder-picker__hit--active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(h)}
          >
            {t('citizenCard.holders.holderLine', holderLine(h))}
          </li>
        ))}
      </ul>
      <p className="holder-picker__status" aria-live="polite">
        {query.trim() && answer.query === query && hits.length === 0 ? t('citizenCard.registrations.noHolder') : ''}
      </p>
      <p id={`${id}-chosen`} className="holder-picker__chosen" data-testid="holder-chosen">
        {chosen ? t('citizenCard.registrations.chosen', holderLine(chosen)) : ''}
      </p>
      {errorMessage ? (
        <p id={`${id}-error`} className="field__error">
          {errorMessage}
        </p>
      ) : null}
    </div>
  );
}
