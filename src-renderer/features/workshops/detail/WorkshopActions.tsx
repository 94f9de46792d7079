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
import { kindHas } from '#shared/workshops/workshop-kinds.js';
import { invoke } from '#renderer/api/client.js';
import { translateError } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { TextDialog } from './TextDialog';

type NoticeKey = 'workshops.notices.opened' | 'workshops.notices.closed' | 'workshops.notices.cancelled';

export function WorkshopActions({ workshop: w, onStale }: { workshop: Workshop; onStale: () => void }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'close' | 'cancel' | null>(null);
  const allowed = workshopTransitions[w.status];

  /** A refused action says why in words, and the screen reloads what is true now. */
  function report(error: AppError) {
    notice.show({ tone: 'error', message: (tr) => translateError(tr, error, 'workshop') });
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
      message: (tr) => tr('workshops.notices.removed', { title: w.title }),
      action: {
        label: (tr) => tr('workshops.notices.undo'),
        run: () =>
          void invoke('workshops:restore', { id: w.id }).then((restored) => {
            if (restored.ok) notice.show({ tone: 'success', message: (tr) => tr('workshops.notices.restored', { title: w.title }) });
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
    return { fieldError, error: fieldError ? undefined : translateError(t, result.error, 'workshop') };
  }

  return (
    <div className="actions" role="group" aria-label={t('workshops.detail.actions')}>
      {/* What the kind offers (workshop-kinds.ts). Closed, the desk still prints the sign-in
          sheet and takes the paper sheet typed afterwards. */}
      {kindHas(w.kind, 'welcomeDesk') && w.status !== 'cancelled' ? (
        <Link to={`/workshops/${w.id}/attendance`} className="button button--primary">
          {t('attendance.entry')}
        </Link>
      ) : null}
      {kindHas(w.kind, 'proposals') ? (
        <Link to={`/workshops/${w.id}/proposals`} className="button button--primary">
          {t('proposals.workshopLink')}
        </Link>
      ) : null}
      {kindHas(w.kind, 'contributions') ? (
        <Link to={`/workshops/${w.id}/charter`} className="button button--primary">
          {t('charter.workshopLink')}
        </Link>
      ) : null}
      {kindHas(w.kind, 'lottery') ? (
        <Link to={`/citizen-card/occurrences/${w.id}`} className="button button--primary">
          {t('citizenCard.workshopLink')}
        </Link>
      ) : null}
      {kindHas(w.kind, 'study') ? (
        <Link to={`/study?scope=workshop&workshop=${w.id}`} className="button button--secondary">
          {t('workshops.detail.studyLink')}
        </Link>
      ) : null}
      {allowed.includes('open') ? (
        <Button variant="primary" onPress={() => void run(invoke('workshops:open', { id: w.id, version: w.version }), 'workshops.notices.opened')}>
          {t('workshops.detail.open')}
        </Button>
      ) : null}
      {allowed.includes('closed') ? (
        <Button variant="primary" onPress={() => setDialog('close')}>
          {t('workshops.detail.close')}
        </Button>
      ) : null}
      {isEditable(w.status) ? (
        <Link to={`/workshops/${w.id}/edit`} className="button button--secondary">
          {t('workshops.detail.edit')}
        </Link>
      ) : null}
      {allowed.includes('cancelled') ? (
        <Button variant="secondary" onPress={() => setDialog('cancel')}>
          {t('workshops.detail.cancel')}
        </Button>
      ) : null}
      <Button variant="danger" onPress={() => void remove()}>
        {t('workshops.detail.remove')}
      </Button>

      <TextDialog
        isOpen={dialog === 'close'}
        onOpenChange={(open) => setDialog(open ? 'close' : null)}
        title={t('workshops.detail.closeTitle')}
        intro={t('workshops.detail.closeIntro')}
        label={t('workshops.detail.minutesLabel')}
        hint={t('workshops.detail.minutesHint')}
        confirm={t('workshops.detail.closeConfirm')}
        dismiss={t('workshops.detail.closeDismiss')}
        schema={workshopCloseInputSchema.shape.minutes}
        isRequired
        draftKey={`atelier.draft.minutes.${w.id}`}
        onConfirm={(minutes) => fromDialog(invoke('workshops:close', { id: w.id, version: w.version, minutes }), 'workshops.notices.closed', 'minutes')}
      />
      <TextDialog
        isOpen={dialog === 'cancel'}
        onOpenChange={(open) => setDialog(open ? 'cancel' : null)}
        title={t('workshops.detail.cancelTitle')}
        intro={t('workshops.detail.cancelIntro')}
        label={t('workshops.detail.reasonLabel')}
        hint={t('workshops.detail.reasonHint')}
        confirm={t('workshops.detail.cancelConfirm')}
        dismiss={t('workshops.detail.cancelDismiss')}
        schema={workshopCancelInputSchema.shape.reason}
        draftKey={`atelier.draft.cancelReason.${w.id}`}
        onConfirm={(reason) => fromDialog(invoke('workshops:cancel', { id: w.id, version: w.version, reason }), 'workshops.notices.cancelled', 'reason')}
      />
    </div>
  );
}
