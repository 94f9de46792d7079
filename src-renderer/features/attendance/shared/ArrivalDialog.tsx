/**
 * One dialog for the three ways a person's details are typed at the door: a walk-in (identity,
 * consents, study), a registration in advance (identity, contact consent), and the consents of
 * someone checked in quickly. The input is checked with the shared schema before it is sent;
 * errors show beside their field, and the draft is kept until it is saved.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  checkInInputSchema,
  registerInputSchema,
  walkInInputSchema,
  type ArrivalResult,
  type AttendanceView,
} from '../../../../src-shared/attendance/attendance.schema';
import { fieldsFromIssues, type Result } from '../../../../src-shared/result';
import { invoke } from '../../../api/client';
import { translateError } from '../../../app/i18n';
import { ActionDialog } from '../../../components/ActionDialog';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConsentFields, PersonFields, ProfileFields } from './ArrivalFields';
import { consentsOf, emptyArrival, profileOf, type ArrivalValues } from './arrival-values';
import { useStoredState } from './use-stored-state';

export type ArrivalMode = { kind: 'walk-in' } | { kind: 'register' } | { kind: 'consent'; attendance: AttendanceView };

export interface ArrivalDialogProps {
  mode: ArrivalMode;
  workshopId: string;
  recordedBy: string;
  onClose: () => void;
  onDone: (outcome: { attendance: AttendanceView | null }) => void;
}

function inputFor(mode: ArrivalMode, workshopId: string, recordedBy: string, v: ArrivalValues) {
  if (mode.kind === 'register') return { schema: registerInputSchema, input: { workshopId, recordedBy, person: v.person, consents: consentsOf(v, ['contact']) } };
  if (mode.kind === 'consent') return { schema: checkInInputSchema, input: { attendanceId: mode.attendance.id, recordedBy, consents: consentsOf(v), profile: profileOf(v) } };
  return { schema: walkInInputSchema, input: { workshopId, recordedBy, person: v.person, consents: consentsOf(v), profile: profileOf(v) } };
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
  const draftKey = `atelier.draft.attendance.${mode.kind}.${mode.kind === 'consent' ? mode.attendance.id : workshopId}`;
  const [values, setValues, clearDraft] = useStoredState<ArrivalValues>(draftKey, emptyArrival());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const { schema, input } = inputFor(mode, workshopId, recordedBy, values);
    const checked = (schema as z.ZodType).safeParse(input);
    if (!checked.success) {
      setErrors(fieldsFromIssues(checked.error.issues));
      setFailure(t('attendance.errors.fixBelow'));
      return;
    }
    setBusy(true);
    const result = await send(mode, input);
    setBusy(false);
    if (!result.ok) {
      setErrors(result.error.fields ?? {});
      setFailure(result.error.fields ? t('attendance.errors.fixBelow') : translateError(t, result.error.code));
      return;
    }
    clearDraft();
    onDone(result.value);
  }

  const title =
    mode.kind === 'consent'
      ? t('attendance.consentDialog.title', { name: mode.attendance.name ?? t('attendance.list.unnamed') })
      : t(mode.kind === 'register' ? 'attendance.registerDialog.title' : 'attendance.walkInDialog.title');
  const labels = mode.kind === 'consent' ? 'consentDialog' : mode.kind === 'register' ? 'registerDialog' : 'walkInDialog';

  return (
    <ActionDialog isOpen onOpenChange={(open) => (open ? undefined : onClose())} title={title}>
      <form
        className="arrival-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {failure ? (
          <Alert tone="error" role="alert">
            <p>{failure}</p>
          </Alert>
        ) : null}
        {mode.kind !== 'consent' ? (
          <PersonFields value={values.person} onChange={(person) => setValues({ ...values, person })} errors={errors} autoFocus />
        ) : null}
        <ConsentFields value={values} onChange={setValues} errors={errors} purposes={mode.kind === 'register' ? ['contact'] : ['contact', 'study']} />
        {values.study === 'yes' && mode.kind !== 'register' ? (
          <ProfileFields value={values.profile} onChange={(profile) => setValues({ ...values, profile })} errors={errors} />
        ) : null}
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
