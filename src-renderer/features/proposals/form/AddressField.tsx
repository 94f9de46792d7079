/**
 * The address, searched offline as you type in the 158,048 Paris addresses (react-aria
 * ComboBox: a listbox the arrow keys walk through, Enter picks). Picking an address places the
 * point; whatever is typed is kept as the address text even if nothing is picked.
 *
 * Invariant: the list only ever shows the answer to what is in the box now. Typed faster than
 * the search answers, ↓ and Enter wait for that answer and act on it, never on the matches of
 * fewer letters (« 12 rue myrha » must not become « 12 Rue Abel, 75012 »).
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
  /** The label of the address just picked: its own search answer must not open the list again. */
  const [picked, setPicked] = useState<string | null>(null);

  function pick(hit: AddressHit) {
    setPicked(hit.label);
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
      onSelectionChange={(key) => {
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
        onPickLate={(hit) => {
          onChange(hit.label);
          pick(hit);
        }}
      />
      <OpenOnResults hits={hits} quiet={picked !== null && picked === value} />
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

  // Arrows pressed while waiting: highlight the same row of the answer when it comes.
  useEffect(() => {
    if (stale || !state || moves.current === 0 || hits.length === 0) return;
    const row = rowFor(moves.current, hits.length);
    moves.current = 0;
    state.open(null, 'manual');
    state.selectionManager.setFocused(true);
    state.selectionManager.setFocusedKey(hits[row]!.id);
  }, [stale, hits, state]);

  function onKeyDownCapture(e: KeyboardEvent<HTMLDivElement>) {
    if (!stale) return; // react-aria walks a list that answers what is typed
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
