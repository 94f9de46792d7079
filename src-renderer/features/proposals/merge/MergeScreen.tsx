/**
 * #/workshops/:id/proposals/merge — regroupement: tick similar proposals, name the common
 * project. The originals keep their link to it and their proposers.
 */
import '../proposals.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, CheckboxGroup, FieldError, Label, Text } from 'react-aria-components';
import { Link, useNavigate, useParams } from 'react-router';
import type { PbThemeCode } from '#shared/reference/pb-themes.js';
import { invoke } from '#renderer/api/client.js';
import { CheckboxLook } from '#renderer/components/CheckboxField.js';
import { useResult } from '#renderer/api/use-result.js';
import { translateError, translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { Button } from '#renderer/components/Button.js';
import { SelectField } from '#renderer/components/SelectField.js';
import { TextField } from '#renderer/components/TextField.js';
import { describePlace, themeOptions } from '../format';

export function MergeScreen() {
  const { id: workshopId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notice = useNotice();
  const heading = useScreenTitle(t('proposals.mergeScreen.title'));
  const list = useResult(() => invoke('proposals:list', { workshopId }), workshopId, ['proposals:changed']);
  const [chosen, setChosen] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [themeCode, setThemeCode] = useState<PbThemeCode | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setError(null);
    const result = await invoke('proposals:merge', { proposalIds: chosen, title, description, themeCode: themeCode as PbThemeCode });
    if (result.ok) {
      notice.show({ tone: 'success', message: (tr) => tr('proposals.mergeScreen.done', { title: result.value.project.title, count: chosen.length }) });
      void navigate(`/workshops/${workshopId}/proposals`);
      return;
    }
    setFields(result.error.fields ?? {});
    setError(translateError(t, result.error, 'proposal'));
  }

  const candidates = (list.data?.items ?? []).filter((p) => p.status !== 'merged' && p.status !== 'retained' && p.status !== 'not_retained');
  return (
    <div className="screen screen--narrow">
      <p className="back-link">
        <Link to={`/workshops/${workshopId}/proposals`}>
          <span aria-hidden="true">← </span>
          {t('proposals.form.cancel')}
        </Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {t('proposals.mergeScreen.title')}
      </h1>
      <p>{t('proposals.mergeScreen.intro')}</p>
      {error ? (
        <Alert tone="error" role="alert">
          <p>{error}</p>
        </Alert>
      ) : null}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <CheckboxGroup value={chosen} onChange={setChosen} isInvalid={Boolean(fields.proposalIds)} validationBehavior="aria" className="field">
          <Label className="field__label">{t('proposals.mergeScreen.choose')}</Label>
          {candidates.length < 2 ? <Text slot="description">{t('proposals.mergeScreen.tooFew')}</Text> : null}
          {candidates.map((p) => (
            <MergeOption key={p.id} id={p.id} label={`${p.title} — ${describePlace(t, p)}${p.neighbourhoodClass === 'qpv' ? ` (${t('proposals.qpv')})` : ''}`} />
          ))}
          <FieldError className="field__error">{translateMessage(t, fields.proposalIds)}</FieldError>
        </CheckboxGroup>
        <TextField label={t('proposals.mergeScreen.projectTitle')} name="title" value={title} onChange={setTitle} isRequired errorMessage={translateMessage(t, fields.title)} />
        <TextField
          label={t('proposals.mergeScreen.projectDescription')}
          name="description"
          value={description}
          onChange={setDescription}
          multiline
          isRequired
          errorMessage={translateMessage(t, fields.description)}
        />
        <SelectField
          label={t('proposals.form.themeCode')}
          name="themeCode"
          options={themeOptions(t)}
          value={themeCode}
          onChange={(v) => setThemeCode(v as PbThemeCode | null)}
          placeholder={t('common.choose')}
          isRequired
          errorMessage={translateMessage(t, fields.themeCode)}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary">
            {t('proposals.mergeScreen.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

/** A checkbox of the group (its state drawn as a tick, as the app's other checkboxes). */
function MergeOption({ id, label }: { id: string; label: string }) {
  return (
    <Checkbox value={id} className="checkbox">
      {({ isSelected }) => <CheckboxLook isSelected={isSelected} label={label} />}
    </Checkbox>
  );
}
