/**
 * One dialog for the ways a person's details are typed at the door: a walk-in (identity,
 * consents, study), a registration in advance (identity, contact consent), the consents of
 * someone checked in quickly, and the study offered right after a check-in (`offered`). The
 * input is checked with the shared schema before it is sent; errors show beside their field,
 * and the draft is kept until it is saved. Enter on an answer saves, as in a text box.
 */
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  checkInInputSchema,
  registerInputSchema,
  walkInInputSchema,
  type ArrivalResult,
  type AttendanceView,
} from '#shared/attendance/attendance.schema.js';
import { fieldsFromIssues, type Result } from '#shared/result.js';
import { invoke } from '#renderer/api/client.js';
import { translateError } from '#renderer/app/i18n.js';
import { ActionDialog } from '#renderer/components/ActionDialog.js';
import { Button } from '#renderer/components/Button.js';
import { ConsentFields, PersonFields, ProfileFields } from './ArrivalFields';
import { consentsOf, emptyArrival, profileOf, recordedAnswers, shownAnswers, type ArrivalValues } from './arrival-values';
import { useSealedState } from '#renderer/app/use-sealed-state.js';
import { ErrorAlert } from '#renderer/components/ErrorAlert.js';

export type ArrivalMode =
  | { kind: 'walk-in' }
  | { kind: 'register' }
  /** `offered`: opened by the desk right after a check-in, the study question first. */
  | { kind: 'consent'; attendance: AttendanceView; offered?: boolean };

export interface ArrivalDialogProps {
  mode: ArrivalMode;
  workshopId: string;
  recordedBy: string;
  onClose: () => void;
  onDone: (outcome: { attendance: AttendanceView | null }) => void;
}

async function send(mode: ArrivalMode, input: unknown): Promise<Result<{ attendance: AttendanceView | null }>> {
  if (mode.kind === 'register') {
    const r = await invoke('attendance:register', input as never);
    return r.ok ? { ok: true, value: { attendance: r.value } } : r;
  }
  const r: Result<ArrivalResult> = await invoke(mode.kind === 'consent' ? 'attendance:record-consent' : 'attendance:walk-in', input as never);
  return r;
}

export function ArrivalDialog({ mode, workshopId, recordedBy, onClose, onDone }: ArrivalDialogProps) {
  const { t } = useTranslation();
  const attendance = mode.kind === 'consent' ? mode.attendance : null;
  const draftKey = `atelier.draft.attendance.${mode.kind}.${attendance ? attendance.id : workshopId}`;
  const [values, setValues, clearDraft] = useSealedState<ArrivalValues>(draftKey, emptyArrival());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const recorded = recordedAnswers(attendance);
  const answers = shownAnswers(values, recorded);
  // Answers already recorded are not asked again unless the person wants to change them.
  const profileRecorded = Boolean(attendance?.hasProfile) && recorded.study === 'yes';
  const askProfile = mode.kind !== 'register' && answers.study === 'yes' && (!profileRecorded || Boolean(values.retakeProfile));

  function inputFor() {
    if (mode.kind === 'register') return { schema: registerInputSchema, input: { workshopId, recordedBy, person: values.person, consents: consentsOf(values, ['contact']) } };
    const consents = consentsOf(values, ['contact', 'study'], recorded);
    const profile = profileOf(values, answers.study, askProfile);
    if (mode.kind === 'consent') return { schema: checkInInputSchema, input: { attendanceId: mode.attendance.id, recordedBy, consents, profile } };
    return { schema: walkInInputSchema, input: { workshopId, recordedBy, person: values.person, consents, profile } };
  }

  async function submit() {
    if (busy) return;
    const { schema, input } = inputFor();
    const checked = (schema as z.ZodType).safeParse(input);
    if (!checked.success) {
      setErrors(fieldsFromIssues(checked.error.issues));
      setFailure(t('attendance.errors.fixBelow'));
      return;
    }
    if (mode.kind === 'consent' && (input as { consents: unknown[] }).consents.length === 0 && !(input as { profile: unknown }).profile) {
      // Nothing new was answered: nothing is written, the recorded consents stay as they were.
      clearDraft();
      onClose();
      return;
    }
    setBusy(true);
    const result = await send(mode, input);
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.fields ?? {});
      setFailure(result.error.fields ? t('attendance.errors.fixBelow') : translateError(t, result.error, 'registration'));
      return;
    }
    clearDraft();
    onDone(result.value);
  }

  /** Enter on a radio answer saves, as it does in a text box: no reach for the mouse at the door. */
  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    const target = e.target as HTMLInputElement;
    if (e.key === 'Enter' && target.tagName === 'INPUT' && target.type === 'radio') {
      e.preventDefault();
      void submit();
    }
  }

  const name = attendance?.name ?? attendance?.email ?? t('attendance.list.unnamed');
  const labels = mode.kind === 'consent' ? (mode.offered ? 'offerDialog' : 'consentDialog') : mode.kind === 'register' ? 'registerDialog' : 'walkInDialog';
  const title = mode.kind === 'consent' ? t(`attendance.${labels}.title`, { name }) : t(`attendance.${labels}.title`);

  return (
    <ActionDialog isOpen onOpenChange={(open) => (open ? undefined : onClose())} title={title}>
      <form
        className="arrival-form"
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {mode.kind === 'consent' && mode.offered ? <p className="field__hint">{t('attendance.offerDialog.keys')}</p> : null}
        <ErrorAlert message={failure} />
        {mode.kind !== 'consent' ? (
          <PersonFields value={values.person} onChange={(person) => setValues({ ...values, person })} errors={errors} autoFocus />
        ) : null}
        <ConsentFields
          value={answers}
          onChange={(purpose, choice) => setValues({ ...values, [purpose]: choice })}
          errors={errors}
          purposes={mode.kind === 'register' ? ['contact'] : ['contact', 'study']}
          autoFocus={mode.kind === 'consent' ? 'study' : undefined}
        />
        {answers.study === 'yes' && mode.kind !== 'register' && profileRecorded && !values.retakeProfile ? (
          <div className="form-section">
            <p>{t('attendance.consentDialog.profileRecorded')}</p>
            <Button variant="secondary" onPress={() => setValues({ ...values, retakeProfile: true })}>
              {t('attendance.consentDialog.retakeProfile')}
            </Button>
          </div>
        ) : null}
        {askProfile ? <ProfileFields value={values.profile} onChange={(profile) => setValues({ ...values, profile })} errors={errors} /> : null}
        <div className="dialog__actions">
          <Button type="submit" variant="primary" isDisabled={busy}>
            {t(`attendance.${labels}.save`)}
          </Button>
          <Button variant="secondary" onPress={onClose}>
            {t(`attendance.${labels}.dismiss`)}
          </Button>
        </div>
      </form>
    </ActionDialog>
  );
}
