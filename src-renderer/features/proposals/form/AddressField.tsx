/**
 * The address, searched offline as you type in the 158,048 Paris addresses (react-aria
 * ComboBox: a listbox the arrow keys walk through, Enter picks). Picking an address places the
 * point; whatever is typed is kept as the address text even if nothing is picked.
 *
 * Invariant: the list only ever shows the answer to what is in the box now. Typed faster than
 * the search answers, ↓ and Enter wait for that answer and act on it, never on the matches of
 * fewer letters (« 12 rue myrha » must not become « 12 Rue Abel, 75012 »).
 *
 * Both the text and the picked address are held here, never by react-aria: left uncontrolled,
 * react-aria rewrites the text from the selected item of the list, and the list is empty while
 * the search for the label just picked is under way. A Tab at that moment could then blank the
 * box (its effect that tracks the last selection runs after the blur has cleared it: 1 pick in
 * 30 lost its text in a loop of the proposals' form).
 */
import { useContext, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ComboBox, ComboBoxStateContext, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import type { AddressHit } from '#shared/reference/reference.schema.js';
import { useLatestAnswer } from './use-latest-answer';

export interface AddressFieldProps {
  value: string;
  onChange: (label: string) => void;
  onPick: (hit: AddressHit) => void;
  errorMessage?: string;
}

export function AddressField({ value, onChange, onPick, errorMessage }: AddressFieldProps) {
  const { t } = useTranslation();
  const query = value.trim();
  const searchable = query.length >= 2;
  const { answer, answerFor } = useLatestAnswer(searchable ? query : '');
  const fresh = answer.query === query;
  const hits = searchable && fresh ? answer.items : [];
  /** The address just picked: selected while the box says its label, and its own search answer must not open the list again. */
  const [picked, setPicked] = useState<AddressHit | null>(null);
  const selectedKey = picked !== null && picked.label === value ? picked.id : null;

  function pick(hit: AddressHit) {
    setPicked(hit);
    onChange(hit.label);
    onPick(hit);
  }

  return (
    <ComboBox
      className="field"
      name="address"
      items={hits}
      inputValue={value}
      onInputChange={onChange}
      allowsCustomValue
      allowsEmptyCollection
      menuTrigger="input"
      selectedKey={selectedKey}
      onSelectionChange={(key) => {
        // null is react-aria letting go of a pick the list no longer shows: the text stays.
        const hit = hits.find((h) => h.id === key);
        if (hit) pick(hit);
      }}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
    >
      <Label className="field__label">{t('proposals.form.address')}</Label>
      <Text slot="description" className="field__hint">
        {t('proposals.form.addressHint')}
      </Text>
      <AddressInput
        stale={searchable && !fresh}
        query={query}
        hits={hits}
        answerFor={answerFor}
        onPickLate={pick}
      />
      <OpenOnResults hits={hits} quiet={selectedKey !== null} />
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="address-combobox__popover">
        <ListBox
          className="address-combobox__list"
          renderEmptyState={() => <p className="address-combobox__option">{searchable && !fresh ? t('proposals.form.addressSearching') : t('proposals.form.addressNone')}</p>}
        >
          {(hit: AddressHit) => (
            <ListBoxItem id={hit.id} textValue={hit.label} className="address-combobox__option">
              {hit.label}
              {hit.kind === 'street' ? ` ${t('proposals.form.addressStreet')}` : ''}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

interface AddressInputProps {
  /** The list does not yet answer what is typed. */
  stale: boolean;
  query: string;
  hits: readonly AddressHit[];
  answerFor: (query: string) => Promise<AddressHit[]>;
  /** Enter was pressed before the answer came: the hit it meant, once the answer is here. */
  onPickLate: (hit: AddressHit) => void;
}

/**
 * The box. While the list is stale, ↓ and ↑ are counted instead of walking the old list, and
 * Enter waits for the answer to the text typed; the counted moves are then applied to it.
 */
function AddressInput({ stale, query, hits, answerFor, onPickLate }: AddressInputProps) {
  const state = useContext(ComboBoxStateContext);
  const moves = useRef(0);
  const typedNow = useRef(query);
  useEffect(() => {
    // New letters start a new search: arrows pressed for older letters meant nothing.
    typedNow.current = query;
    moves.current = 0;
  }, [query]);

  // Arrows pressed while waiting: highlight the same row of the answer when it comes. The moves
  // stay counted (and an Enter stays ours) until the list is seen holding that highlight: the list
  // holds the answer a render after it arrives (react-aria builds its collection from the items
  // drawn), and the first time it holds any row, the list's own first focus clears ours in the
  // same commit, after this effect; so the highlight is set again once that commit is done.
  // Without this, 1 « ↓ Enter » in 10 kept the text typed.
  useEffect(() => {
    if (stale || !state || moves.current === 0 || hits.length === 0) return;
    if (!state.isFocused) {
      moves.current = 0; // the person has left the box: the arrows meant nothing
      return;
    }
    const key = hits[rowFor(moves.current, hits.length)]!.id;
    const list = state.selectionManager;
    if (state.isOpen && list.focusedKey === key) {
      moves.current = 0; // highlighted and held: react-aria walks the list from here
      return;
    }
    const highlight = () => {
      if (moves.current === 0 || !state.collection.getItem(key) || list.focusedKey === key) return;
      if (!state.isOpen) state.open(null, 'manual');
      list.setFocused(true);
      list.setFocusedKey(key);
    };
    highlight();
    const again = setTimeout(highlight, 0);
    return () => clearTimeout(again);
  });

  function onKeyDownCapture(e: KeyboardEvent<HTMLDivElement>) {
    // Arrows counted and not yet held by the list are still ours, even once the answer is drawn:
    // an Enter pressed meanwhile picks the row they meant.
    const waiting = stale || moves.current !== 0;
    if (!waiting) return; // react-aria walks a list that answers what is typed
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      moves.current += e.key === 'ArrowDown' ? 1 : -1;
    } else if (e.key === 'Enter' && moves.current !== 0) {
      e.preventDefault();
      e.stopPropagation();
      const typed = query;
      const n = moves.current;
      moves.current = 0;
      void answerFor(typed).then((items) => {
        // Only if the box still says what Enter was pressed on.
        if (items.length === 0 || typedNow.current !== typed) return;
        onPickLate(items[rowFor(n, items.length)]!);
        state?.close();
      });
    }
  }

  return (
    <div className="address-combobox__box" onKeyDownCapture={onKeyDownCapture}>
      <Input className="field__control" />
    </div>
  );
}

/** ↓ once is the first row, ↑ once the last, as react-aria does on a list just opened. */
function rowFor(moves: number, length: number): number {
  return (((moves > 0 ? moves - 1 : moves) % length) + length) % length;
}

/**
 * Opens the list when results arrive for text that was pasted or typed in one go: react-aria
 * opens it on each keystroke, but the results of the last one come a moment later.
 */
function OpenOnResults({ hits, quiet }: { hits: readonly AddressHit[]; quiet: boolean }) {
  const state = useContext(ComboBoxStateContext);
  useEffect(() => {
    if (state && !quiet && hits.length > 0 && state.isFocused && !state.isOpen) state.open(null, 'input');
    // Only new results should open the list, not a change of focus or a close by Escape.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hits]);
  return null;
}
