/**
 * #/citizen-card/occurrences/:workshopId/check-in — the door: a person is checked in by card
 * number, by name among the people expected, or by the QR code of their confirmation (camera
 * on demand, or the printed code typed). Walk-ins take a free place only when the lab allowed
 * it; at the end, everyone drawn or confirmed who did not come is marked a no-show.
 */
import '../citizen-card.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { registrationIdFromQr } from '#shared/citizen-card/card-number.js';
import type { Holder, RegistrationView } from '#shared/citizen-card/citizen-card.schema.js';
import type { AppError, Result } from '#shared/result.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { useNotice } from '#renderer/app/notices.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { ActionDialog } from '#renderer/components/ActionDialog.js';
import { Alert } from '#renderer/components/Alert.js';
import { BackLink } from '#renderer/components/BackLink.js';
import { Button } from '#renderer/components/Button.js';
import { TextField } from '#renderer/components/TextField.js';
import { HolderPicker } from '../shared/HolderPicker';
import { NOUN, refusal } from '../shared/nouns';
import { OccurrenceCounts } from '../occurrence/OccurrenceScreen';
import { RegistrationsTable } from '../occurrence/RegistrationsTable';
import { QrScanner } from './QrScanner';

const EVENTS = ['citizen-card:changed', 'workshops:changed'] as const;
/** Who may arrive: a place held, or already arrived. */
const AT_THE_DOOR = new Set(['drawn', 'confirmed', 'attended', 'no_show']);
const EXPECTED = new Set(['drawn', 'confirmed']);

export function CardCheckInScreen() {
  const { workshopId = '' } = useParams();
  const { t } = useTranslation();
  const notice = useNotice();
  const occurrence = useResult(() => invoke('citizen-card:occurrence', { workshopId }), workshopId, EVENTS);
  const registrations = useResult(() => invoke('citizen-card:registrations', { workshopId }), workshopId, EVENTS);
  const o = occurrence.data;
  const heading = useScreenTitle(o ? t('citizenCard.checkIn.title', { title: o.workshop.title }) : undefined);
  const [card, setCard] = useState('');
  const [cardError, setCardError] = useState<string | undefined>();
  const [manual, setManual] = useState('');
  const [manualError, setManualError] = useState<string | undefined>();
  const [name, setName] = useState('');
  const [walkIn, setWalkIn] = useState<Holder | null>(null);
  const [walkInError, setWalkInError] = useState<string | undefined>();
  const [confirmNoShows, setConfirmNoShows] = useState(false);
  const items = registrations.data?.items ?? [];
  const reload = () => {
    occurrence.reload();
    registrations.reload();
  };

  /** The answer of a check-in: a notice that names the person, or the refusal in words. */
  function answered(r: Result<RegistrationView>, onError?: (message: string) => void): boolean {
    if (r.ok) {
      const who = r.value.holderName ?? r.value.maskedCardNumber ?? '';
      notice.show({ tone: 'success', message: (tr) => tr('citizenCard.checkIn.checkedIn', { name: who }) });
      reload();
      return true;
    }
    const error: AppError = r.error;
    if (onError) onError(refusal(t, error, NOUN.registration));
    else notice.show({ tone: 'error', message: (tr) => refusal(tr, error, NOUN.registration) });
    reload();
    return false;
  }

  async function byCard() {
    if (!card.trim()) return setCardError(t('validation.required'));
    setCardError(undefined);
    const r = await invoke('citizen-card:check-in', { workshopId, by: { method: 'card', cardNumber: card } });
    if (answered(r, setCardError)) setCard('');
  }
  async function byQr(payload: string, fromCamera: boolean) {
    if (!registrationIdFromQr(payload)) {
      if (fromCamera) notice.show({ tone: 'error', message: (tr) => tr('citizenCard.checkIn.unknownQr') });
      else setManualError(t('citizenCard.checkIn.unknownQr'));
      return;
    }
    setManualError(undefined);
    const r = await invoke('citizen-card:check-in', { workshopId, by: { method: 'qr', payload } });
    if (answered(r, fromCamera ? undefined : setManualError) && !fromCamera) setManual('');
  }
  async function byRegistration(reg: RegistrationView) {
    const r = await invoke('citizen-card:check-in', { workshopId, by: { method: 'registration', registrationId: reg.id } });
    if (answered(r)) setName('');
  }
  async function welcomeWalkIn() {
    if (!walkIn) return setWalkInError(t('citizenCard.registrations.chooseHolder'));
    setWalkInError(undefined);
    const r = await invoke('citizen-card:walk-in', { workshopId, holderId: walkIn.id });
    if (r.ok) {
      const who = r.value.holderName ?? '';
      notice.show({ tone: 'success', message: (tr) => tr('citizenCard.checkIn.walkedIn', { name: who }) });
      setWalkIn(null);
      reload();
    } else setWalkInError(refusal(t, r.error, NOUN.registration));
  }
  async function markNoShows() {
    setConfirmNoShows(false);
    const r = await invoke('citizen-card:mark-no-shows', { workshopId });
    if (!r.ok) {
      const error = r.error;
      notice.show({ tone: 'error', message: (tr) => refusal(tr, error, NOUN.occurrence) });
      return;
    }
    // The answer is the whole list: the newly absent are the no-shows it has more than before.
    const noShows = (list: readonly RegistrationView[]) => list.filter((x) => x.status === 'no_show').length;
    const count = Math.max(0, noShows(r.value.items) - noShows(items));
    notice.show({ tone: 'success', message: (tr) => tr('citizenCard.checkIn.noShowsDone', { count }) });
    reload();
  }

  if (!o) {
    return (
      <div className="screen">
        {occurrence.error ? (
          <Alert tone="error" role="alert">
            <p>{refusal(t, occurrence.error, NOUN.occurrence)}</p>
          </Alert>
        ) : (
          <p className="loading">{t('citizenCard.loading')}</p>
        )}
      </div>
    );
  }

  const query = name.trim().toLocaleLowerCase();
  const matches = query ? items.filter((r) => EXPECTED.has(r.status) && (r.holderName ?? '').toLocaleLowerCase().includes(query)).slice(0, 8) : [];
  return (
    <div className="screen citizen-card">
      <BackLink to={`/citizen-card/occurrences/${workshopId}`}>{t('citizenCard.checkIn.back')}</BackLink>
      <h1 ref={heading} tabIndex={-1}>
        {t('citizenCard.checkIn.title', { title: o.workshop.title })}
      </h1>
      <OccurrenceCounts occurrence={o} />

      <div className="card-columns">
        <section className="card-panel" aria-labelledby="by-card-heading">
          <h2 id="by-card-heading">{t('citizenCard.checkIn.byCard')}</h2>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void byCard();
            }}
          >
            <TextField label={t('citizenCard.checkIn.cardNumber')} name="cardNumber" description={t('citizenCard.checkIn.cardHint')} value={card} onChange={setCard} errorMessage={cardError} autoComplete="off" />
            <Button type="submit" variant="primary">
              {t('citizenCard.checkIn.checkIn')}
            </Button>
          </form>
        </section>

        <section className="card-panel" aria-labelledby="by-name-heading">
          <h2 id="by-name-heading">{t('citizenCard.checkIn.byName')}</h2>
          <TextField type="search" label={t('citizenCard.checkIn.nameSearch')} name="name" description={t('citizenCard.checkIn.nameHint')} value={name} onChange={setName} autoComplete="off" />
          <ul className="card-matches" aria-live="polite">
            {matches.map((r) => (
              <li key={r.id}>
                <Button variant="secondary" onPress={() => void byRegistration(r)}>
                  {t('citizenCard.checkIn.arrived', { name: r.holderName ?? '' })}
                </Button>
                <span className="citizen-card__sub">{r.maskedCardNumber}</span>
              </li>
            ))}
          </ul>
          {query && matches.length === 0 ? <p>{t('citizenCard.checkIn.noMatch')}</p> : null}
        </section>
      </div>

      <section className="card-panel" aria-labelledby="by-qr-heading">
        <h2 id="by-qr-heading">{t('citizenCard.checkIn.byQr')}</h2>
        <QrScanner onPayload={(p) => void byQr(p, true)} />
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void byQr(manual, false);
          }}
        >
          <TextField label={t('citizenCard.checkIn.manual')} name="qrCode" description={t('citizenCard.checkIn.manualHint')} value={manual} onChange={setManual} errorMessage={manualError} autoComplete="off" />
          <Button type="submit" variant="secondary">
            {t('citizenCard.checkIn.checkIn')}
          </Button>
        </form>
      </section>

      <section className="card-panel" aria-labelledby="walk-ins-heading">
        <h2 id="walk-ins-heading">{t('citizenCard.checkIn.walkIns')}</h2>
        {o.settings?.walkInsAllowed ? (
          <>
            <HolderPicker label={t('citizenCard.registrations.holder')} hint={t('citizenCard.registrations.holderHint')} chosen={walkIn} onChoose={setWalkIn} errorMessage={walkInError} />
            <Button variant="primary" onPress={() => void welcomeWalkIn()}>
              {t('citizenCard.checkIn.walkIn')}
            </Button>
          </>
        ) : (
          <p>{t('citizenCard.checkIn.walkInsOff')}</p>
        )}
      </section>

      <section aria-labelledby="expected-heading">
        <div className="section-head">
          <h2 id="expected-heading">{t('citizenCard.checkIn.listHeading')}</h2>
          <Button variant="secondary" onPress={() => setConfirmNoShows(true)}>
            {t('citizenCard.checkIn.noShows')}
          </Button>
        </div>
        <RegistrationsTable items={items.filter((r) => AT_THE_DOOR.has(r.status))} testId="door-row" />
      </section>

      <ActionDialog isOpen={confirmNoShows} onOpenChange={setConfirmNoShows} title={t('citizenCard.checkIn.noShowsTitle')}>
        <p>{t('citizenCard.checkIn.noShowsIntro')}</p>
        <div className="form-actions">
          <Button variant="primary" onPress={() => void markNoShows()}>
            {t('citizenCard.checkIn.noShowsConfirm')}
          </Button>
          <Button variant="quiet" slot="close">
            {t('citizenCard.checkIn.noShowsDismiss')}
          </Button>
        </div>
      </ActionDialog>
    </div>
  );
}
