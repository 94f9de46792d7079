/**
 * The letters to La Transfo's candidates (issue 11), as plain French text to paste into a mail
 * (`letterText`) and as the parts letters-pdf.ts lays out on a page: both say exactly the same,
 * from the catalogue's words (`transfo.letters`). Nothing is sent by the app: the lab copies the
 * text or prints the PDF.
 *
 * FRENCH ONLY, as the certificates of attendance: the letters go to the City's agents, in
 * French, addressed with « vous ». French typography: the catalogue's strings carry their
 * no-break spaces (before « : ; ! ? », inside « »); the words the lab typed (the campaign's
 * title, the reason) get theirs here, so a reason typed « Profil déjà représenté : DAC » reads
 * right on paper and does not break before its colon.
 *
 * The reason of a refusal is shown to the candidate (issue 11): a letter « not chosen » without
 * one is refused (the service must ask for it first), and a reason recorded on a candidate who
 * was chosen is never printed.
 */
import { translatorFor } from '#shared/i18n/translator.js';
import type { TransfoOutcome } from '#shared/transfo/values.js';

const NBSP = '\u00a0';

export interface LetterInput {
  fullName: string;
  outcome: TransfoOutcome;
  /** Why the candidate was not chosen, as they will read it. Required for `not_chosen`; ignored otherwise. */
  reason?: string | null;
  /** The call for volunteers, « La Transfo 2027 ». */
  campaignTitle: string;
  /** The first session (`YYYY-MM-DD`), when it is set: written « le 12 janvier 2027 ». */
  firstSessionOn?: string | null;
  /** Who signs: one line or several (« Camille Durand\nLab d’innovation »). */
  signature: string;
  /** The letter's date, `YYYY-MM-DD`. */
  date: string;
}

/** A letter cut into what a page lays out differently: the PDF draws these, the text joins them. */
export interface LetterParts {
  header: string;
  placeDate: string;
  subject: string;
  greeting: string;
  paragraphs: string[];
  closing: string;
  signature: string[];
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day in French as a letter writes it: « 12 janvier 2027 », « 1er mars 2027 » (the
 * first of the month is an ordinal), the day held to its month by a no-break space.
 */
export function frenchDayText(day: string): string {
  const m = DAY.exec(day);
  const date = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
  // A day that does not exist (« 2027-02-30 ») would silently become another: refused.
  if (!m || !date || date.getUTCDate() !== +m[3]! || date.getUTCMonth() !== +m[2]! - 1) throw new Error(`Not a calendar day: ${day}`);
  const month = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', month: 'long' }).format(date);
  const n = date.getUTCDate();
  return `${n === 1 ? '1er' : String(n)}${NBSP}${month} ${date.getUTCFullYear()}`;
}

/**
 * French spacing in words someone typed: the spaces already before « : ; ! ? » and around the
 * guillemets become no-break, and guillemets get theirs if they had none. No space is added
 * before a colon that had none: « 10:30 » and « https:// » stay as typed.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ +([:;!?])/g, `${NBSP}$1`)
    .replace(/«[\s\u00a0\u202f]*/g, `«${NBSP}`)
    .replace(/[\s\u00a0\u202f]*»/g, `${NBSP}»`);
}

export function letterParts(input: LetterInput): LetterParts {
  const t = translatorFor('fr');
  const reason = input.reason ? frenchSpacing(input.reason) : '';
  if (input.outcome === 'not_chosen' && !reason) throw new Error('A letter to a candidate not chosen gives the reason');
  const campaign = frenchSpacing(input.campaignTitle);
  const firstSession = input.firstSessionOn ? frenchDayText(input.firstSessionOn) : null;

  let paragraphs: string[];
  if (input.outcome === 'ambassador') {
    paragraphs = [
      t('transfo.letters.ambassador.decision'),
      t('transfo.letters.ambassador.role'),
      `${firstSession ? t('transfo.letters.ambassador.firstSession', { date: firstSession }) : t('transfo.letters.ambassador.firstSessionLater')} ${t('transfo.letters.ambassador.manager')}`,
    ];
  } else if (input.outcome === 'relais') {
    paragraphs = [
      t('transfo.letters.relais.decision'),
      t('transfo.letters.relais.role'),
      firstSession ? t('transfo.letters.relais.firstSession', { date: firstSession }) : t('transfo.letters.relais.firstSessionLater'),
    ];
  } else {
    paragraphs = [t('transfo.letters.notChosen.decision'), t('transfo.letters.notChosen.reason', { reason }), t('transfo.letters.notChosen.next')];
  }

  return {
    header: t('transfo.letters.header'),
    placeDate: t('transfo.letters.placeDate', { date: frenchDayText(input.date) }),
    subject: t('transfo.letters.subject', { campaign }),
    greeting: t('transfo.letters.greeting', { name: input.fullName.replace(/\s+/g, ' ').trim() }),
    paragraphs: [t('transfo.letters.thanks'), ...paragraphs],
    closing: t('transfo.letters.closing'),
    signature: input.signature
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  };
}

/** The letter as plain text for a mail: the parts a blank line apart, the signature's lines kept. */
export function letterText(input: LetterInput): string {
  const p = letterParts(input);
  return `${[p.placeDate, p.subject, p.greeting, ...p.paragraphs, p.closing, p.signature.join('\n')].join('\n\n')}\n`;
}
