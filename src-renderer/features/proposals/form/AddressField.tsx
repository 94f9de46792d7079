/**
 * The address, searched offline as you type in the 158,048 Paris addresses (react-aria
 * ComboBox: a listbox the arrow keys walk through, Enter picks). Picking an address places the
 * point; whatever is typed is kept as the address text even if nothing is picked.
 */
import { useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComboBox, ComboBoxStateContext, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import type { AddressHit } from '../../../../src-shared/reference/reference.schema';
import { invoke } from '../../../api/client';

export interface AddressFieldProps {
  value: string;
  onChange: (label: string) => void;
  onPick: (hit: AddressHit) => void;
  errorMessage?: string;
}

export function AddressField({ value, onChange, onPick, errorMessage }: AddressFieldProps) {
  const { t } = useTranslation();
  const [found, setHits] = useState<AddressHit[]>([]);
  const query = value.trim();
  const hits = query.length < 2 ? [] : found;

  useEffect(() => {
    let live = true;
    if (query.length < 2) return;
    // A short pause so that fast typing does not queue a search per key.
    const timer = setTimeout(() => {
      void invoke('reference:searchAddresses', { query, limit: 8 }).then((r) => {
        if (live && r.ok) setHits(r.value.items);
      });
    }, 80);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

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
        if (hit) onPick(hit);
      }}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
    >
      <Label className="field__label">{t('proposals.form.address')}</Label>
      <Text slot="description" className="field__hint">
        {t('proposals.form.addressHint')}
      </Text>
      <Input className="field__control" />
      <OpenOnResults hits={hits} />
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="address-combobox__popover">
        <ListBox
          className="address-combobox__list"
          renderEmptyState={() => <p className="address-combobox__option">{t('proposals.form.addressNone')}</p>}
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

/**
 * Opens the list when results arrive for text that was pasted or typed in one go: react-aria
 * opens it on each keystroke, but the results of the last one come a moment later.
 */
function OpenOnResults({ hits }: { hits: readonly AddressHit[] }) {
  const state = useContext(ComboBoxStateContext);
  useEffect(() => {
    if (state && hits.length > 0 && state.isFocused && !state.isOpen) state.open(null, 'input');
    // Only new results should open the list, not a change of focus or a close by Escape.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hits]);
  return null;
}
