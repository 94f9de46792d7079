/**
 * #/workshops/:id/attendance/paper — typing a sign-in sheet filled by hand, after the workshop:
 * the registered people who signed, the new rows (name and the two yes/no columns of the
 * sheet), and the tally of anonymous people. Kept as a draft until saved, in one go.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { currentConsentVersion } from '#shared/attendance/consent-texts.js';
import { paperEntryInputSchema, type ConsentInput } from '#shared/attendance/attendance.schema.js';
import { fieldsFromIssues } from '#shared/result.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { translateError, translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { Button } from '#renderer/components/Button.js';
import { CheckboxField } from '#renderer/components/CheckboxField.js';
import { NumberField } from '#renderer/components/NumberField.js';
import { TextField } from '#renderer/components/TextField.js';
import { ChoiceField } from '#renderer/components/ChoiceField.js';
import { useSealedState } from '#renderer/app/use-sealed-state.js';
import { useFacilitator } from '#renderer/app/use-facilitator.js';
import '../attendance.css';
import { BackLink } from '#renderer/components/BackLink.js';
import { ErrorAlert } from '#renderer/components/ErrorAlert.js';

type YesNo = 'yes' | 'no' | null;
interface Row {
  name: string;
  contact: YesNo;
  study: YesNo;
}
interface Sheet {
  signed: Record<string, boolean>;
  rows: Row[];
  anonymous: number | null;
}

const consents = (r: { contact: YesNo; study: YesNo }): ConsentInput[] =>
  (['contact', 'study'] as const).flatMap((purpose) => (r[purpose] ? [{ purpose, granted: r[purpose] === 'yes', textVersion: currentConsentVersion[purpose] }] : []));

export function PaperEntryScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const notice = useNotice();
  const navigate = useNavigate();
  const workshop = useResult(() => invoke('workshops:get', { id }), id);
  const list = useResult(() => invoke('attendance:list', { workshopId: id }), id, ['attendance:changed']);
  const [facilitator, setFacilitator] = useFacilitator(workshop.data?.facilitators[0] ?? '');
  const [sheet, setSheet, clear] = useSealedState<Sheet>(`atelier.draft.attendance.paper.${id}`, { signed: {}, rows: [], anonymous: null });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const w = workshop.data;
  const heading = useScreenTitle(w ? t('attendance.paperScreen.title', { title: w.title }) : undefined);
  const expected = (list.data?.items ?? []).filter((a) => a.status === 'registered' || a.status === 'no_show');
  const yesNo = [
    { id: 'yes', label: t('attendance.consent.yes') },
    { id: 'no', label: t('attendance.consent.no') },
  ];
  const setRow = (i: number, row: Row) => setSheet({ ...sheet, rows: sheet.rows.map((r, j) => (j === i ? row : r)) });

  async function save() {
    const rows = [
      ...expected.filter((a) => sheet.signed[a.id]).map((a) => ({ attendanceId: a.id, person: {}, consents: [] })),
      ...sheet.rows.map((r) => ({ person: { name: r.name }, consents: consents(r) })),
    ];
    if (rows.length === 0 && !sheet.anonymous) return setFailure(t('attendance.paperScreen.nothing'));
    const offset = rows.length - sheet.rows.length;
    const input = { workshopId: id, recordedBy: facilitator.trim(), rows, anonymous: sheet.anonymous ?? 0 };
    const checked = paperEntryInputSchema.safeParse(input);
    const answer = checked.success ? await invoke('attendance:paper-entry', input) : null;
    const fields = !checked.success ? fieldsFromIssues(checked.error.issues) : answer && !answer.ok ? answer.error.fields : undefined;
    if (fields || (answer && !answer.ok)) {
      // Row errors point at the sheet's new rows, numbered as the person sees them.
      const mapped: Record<string, string> = {};
      for (const [path, message] of Object.entries(fields ?? {})) mapped[path.replace(/^rows\.(\d+)/, (_m, n: string) => `rows.${Number(n) - offset}`)] = message;
      setErrors(mapped);
      setFailure(fields ? t('attendance.errors.fixBelow') : translateError(t, answer && !answer.ok ? answer.error : { code: 'internal' }, 'workshop'));
      return;
    }
    clear();
    notice.show({ tone: 'success', message: (tr) => tr('attendance.paperScreen.saved', { count: rows.length }) });
    void navigate(`/workshops/${id}/attendance`);
  }

  return (
    <div className="screen screen--narrow">
      <BackLink to={`/workshops/${id}/attendance`}>{t('attendance.back')}</BackLink>
      <h1 ref={heading} tabIndex={-1}>
        {w ? t('attendance.paperScreen.title', { title: w.title }) : t('attendance.loading')}
      </h1>
      {w?.status === 'cancelled' ? (
        // A cancelled workshop takes no entries (the core refuses them too): say so before any typing.
        <Alert tone="info">
          <p>{t('attendance.after.cancelled')}</p>
        </Alert>
      ) : (
        <>
          <p>{t('attendance.paperScreen.intro')}</p>
          <ErrorAlert message={failure} />
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <TextField
              label={t('attendance.facilitator')}
              name="facilitator"
              description={t('attendance.facilitatorHint')}
              value={facilitator}
              onChange={setFacilitator}
              errorMessage={translateMessage(t, errors.recordedBy)}
              isRequired
            />
            {expected.length ? (
              <fieldset className="form-section">
                <legend>{t('attendance.paperScreen.registered')}</legend>
                {expected.map((a) => (
                  <CheckboxField
                    key={a.id}
                    label={a.name ?? a.email ?? ''}
                    value={Boolean(sheet.signed[a.id])}
                    onChange={(v) => setSheet({ ...sheet, signed: { ...sheet.signed, [a.id]: v } })}
                  />
                ))}
              </fieldset>
            ) : null}
            <fieldset className="form-section">
              <legend>{t('attendance.paperScreen.newRows')}</legend>
              {sheet.rows.map((r, i) => (
                <div key={i} className="paper-row" role="group" aria-label={t('attendance.paperScreen.row', { n: i + 1 })}>
                  <TextField label={`${t('attendance.paperScreen.row', { n: i + 1 })} — ${t('attendance.person.name')}`} name={`row-${i}-name`} value={r.name} onChange={(name) => setRow(i, { ...r, name })} errorMessage={translateMessage(t, errors[`rows.${i}.person.name`])} />
                  <ChoiceField label={t('attendance.paperScreen.contact')} name={`row-${i}-contact`} options={yesNo} value={r.contact} onChange={(v) => setRow(i, { ...r, contact: v as YesNo })} />
                  <ChoiceField label={t('attendance.paperScreen.study')} name={`row-${i}-study`} options={yesNo} value={r.study} onChange={(v) => setRow(i, { ...r, study: v as YesNo })} />
                  <Button variant="quiet" onPress={() => setSheet({ ...sheet, rows: sheet.rows.filter((_, j) => j !== i) })}>
                    {t('attendance.paperScreen.removeRow', { n: i + 1 })}
                  </Button>
                </div>
              ))}
              <Button variant="secondary" onPress={() => setSheet({ ...sheet, rows: [...sheet.rows, { name: '', contact: null, study: null }] })}>
                {t('attendance.paperScreen.addRow')}
              </Button>
            </fieldset>
            <NumberField label={t('attendance.paperScreen.anonymous')} value={sheet.anonymous} onChange={(anonymous) => setSheet({ ...sheet, anonymous })} minValue={0} maxValue={1000} errorMessage={translateMessage(t, errors.anonymous)} />
            <div className="actions">
              <Button type="submit" variant="primary">
                {t('attendance.paperScreen.save')}
              </Button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
