/**
 * The one confirmation of the app (UX.md: keep confirmations for what cannot be undone): what
 * is erased, where, what stays, and that it cannot be undone. The safe choice is first in the
 * focus order, so Enter on an opened dialog does not erase.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../../components/ActionDialog';
import { Button } from '../../components/Button';
import { DialogError } from '#renderer/components/DialogError.js';

export interface EraseDialogProps {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  name: string;
  /** Runs the erasure; answers an error sentence, or null when done. */
  onConfirm: () => Promise<string | null>;
}

export function EraseDialog({ isOpen, onOpenChange, name, onConfirm }: EraseDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <ActionDialog isOpen={isOpen} onOpenChange={(open) => { if (!busy) { setError(null); onOpenChange(open); } }} title={t('people.erase.title', { name })}>
      <div className="dialog__form">
        <p>{t('people.erase.intro')}</p>
        <p>{t('people.erase.keeps')}</p>
        <p className="erase-warning">
          <span aria-hidden="true">! </span>
          {t('people.erase.undoable')}
        </p>
        <DialogError message={error} />
        <div className="dialog__actions">
          <Button variant="secondary" autoFocus onPress={() => onOpenChange(false)} isDisabled={busy}>
            {t('people.erase.dismiss')}
          </Button>
          {/* Not `isPending`: react-aria's pending announcement names the button, which is gone with the dialog (axe: role-img-alt). */}
          <Button
            variant="danger"
            isDisabled={busy}
            onPress={() => {
              setBusy(true);
              void onConfirm().then((problem) => {
                setBusy(false);
                setError(problem);
                if (!problem) onOpenChange(false);
              });
            }}
          >
            {busy ? t('people.erase.erasing') : t('people.erase.confirm')}
          </Button>
        </div>
      </div>
    </ActionDialog>
  );
}
