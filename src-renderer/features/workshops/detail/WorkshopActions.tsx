/**
 * The actions the status machine allows right now. Removing is undone from the notice
 * rather than confirmed beforehand; closing and cancelling ask for their words in a dialog.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { AppError, Result } from '#shared/result.js';
import {
  isEditable,
  workshopCancelInputSchema,
  workshopCloseInputSchema,
  workshopTransitions,
  type Workshop,
} from '#shared/workshops/workshop.schema.js';
import { invoke } from '#renderer/api/client.js';
import { translateError } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { TextDialog } from './TextDialog';

type NoticeKey = 'notices.opened' | 'notices.closed' | 'notices.cancelled';

export function WorkshopActions({ workshop: w, onStale }: { workshop: Workshop; onStale: () => void }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'close' | 'cancel' | null>(null);
  const allowed = workshopTransitions[w.status];

  /** A refused action says why in words, and the screen reloads what is true now. */
  function report(error: AppError) {
    notice.show({ tone: 'error', message: (tr) => translateError(tr, error.code) });
    if (error.code === 'conflict' || error.code === 'invalid_transition' || error.code === 'not_found') onStale();
  }

  async function run(action: Promise<Result<Workshop>>, success: NoticeKey) {
    const result = await action;
    if (result.ok) notice.show({ tone: 'success', message: (tr) => tr(success) });
    else report(result.error);
  }

  async function remove() {
    const result = await invoke('workshops:remove', { id: w.id });
    if (!result.ok) return report(result.error);
    void navigate('/workshops');
    notice.show({
      tone: 'info',
      message: (tr) => tr('notices.removed', { title: w.title }),
      action: {
        label: (tr) => tr('notices.undo'),
        run: () =>
          void invoke('workshops:restore', { id: w.id }).then((restored) => {
            if (restored.ok) notice.show({ tone: 'success', message: (tr) => tr('notices.restored', { title: w.title }) });
            else report(restored.error);
          }),
      },
    });
  }

  /** Dialog commands: a field error stays in the dialog; a conflict reloads and keeps the text. */
  async function fromDialog(action: Promise<Result<Workshop>>, success: NoticeKey, field: string) {
    const result = await action;
    if (result.ok) {
      notice.show({ tone: 'success', message: (tr) => tr(success) });
      return null;
    }
    const fieldError = result.error.fields?.[field];
    if (result.error.code !== 'validation') onStale();
    return { fieldError, error: fieldError ? undefined : translateError(t, result.error.code) };
  }

  return (
    <div className="actions" role="group" aria-label={t('detail.actions')}>
      {/* Closed, the desk still prints the sign-in sheet and takes the paper sheet typed afterwards. */}
      {w.status !== 'cancelled' ? (
        <Link to={`/workshops/${w.id}/attendance`} className="button button--primary">
          {t('attendance.entry')}
        </Link>
      ) : null}
      <Link to={`/workshops/${w.id}/proposals`} className="button button--primary">
        {t('proposals.workshopLink')}
      </Link>
      {allowed.includes('open') ? (
        <Button variant="primary" onPress={() => void run(invoke('workshops:open', { id: w.id, version: w.version }), 'notices.opened')}>
          {t('detail.open')}
        </Button>
      ) : null}
      {allowed.includes('closed') ? (
        <Button variant="primary" onPress={() => setDialog('close')}>
          {t('detail.close')}
        </Button>
      ) : null}
      {isEditable(w.status) ? (
        <Link to={`/workshops/${w.id}/edit`} className="button button--secondary">
          {t('detail.edit')}
        </Link>
      ) : null}
      {allowed.includes('cancelled') ? (
        <Button variant="secondary" onPress={() => setDialog('cancel')}>
          {t('detail.cancel')}
        </Button>
      ) : null}
      <Button variant="danger" onPress={() => void remove()}>
        {t('detail.remove')}
      </Button>

      <TextDialog
        isOpen={dialog === 'close'}
        onOpenChange={(open) => setDialog(open ? 'close' : null)}
        title={t('detail.closeTitle')}
        intro={t('detail.closeIntro')}
        label={t('detail.minutesLabel')}
        hint={t('detail.minutesHint')}
        confirm={t('detail.closeConfirm')}
        dismiss={t('detail.closeDismiss')}
        schema={workshopCloseInputSchema.shape.minutes}
        isRequired
        draftKey={`atelier.draft.minutes.${w.id}`}
        onConfirm={(minutes) => fromDialog(invoke('workshops:close', { id: w.id, version: w.version, minutes }), 'notices.closed', 'minutes')}
      />
      <TextDialog
        isOpen={dialog === 'cancel'}
        onOpenChange={(open) => setDialog(open ? 'cancel' : null)}
        title={t('detail.cancelTitle')}
        intro={t('detail.cancelIntro')}
        label={t('detail.reasonLabel')}
        hint={t('detail.reasonHint')}
        confirm={t('detail.cancelConfirm')}
        dismiss={t('detail.cancelDismiss')}
        schema={workshopCancelInputSchema.shape.reason}
        draftKey={`atelier.draft.cancelReason.${w.id}`}
        onConfirm={(reason) => fromDialog(invoke('workshops:cancel', { id: w.id, version: w.version, reason }), 'notices.cancelled', 'reason')}
      />
    </div>
  );
}
