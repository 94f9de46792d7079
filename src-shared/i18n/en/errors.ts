/** What goes wrong, in English: the same keys as the French (errors.ts), genders aside. */
import type { Shape } from '../shape.js';
import type { errorsFr, nounsFr, validationFr } from '../fr/errors.js';

export const errorsEn = {
  validation: 'Some fields need fixing: see the message beside each one.',
  not_found: '{{This}} does not exist or was removed. Go back to {{list}}.',
  conflict: '{{This}} was changed elsewhere in the meantime. It has just been reloaded and what you typed is kept: check it, then save again.',
  invalid_transition: 'This action is no longer possible in the current state {{ofThe}}. The page has just been updated.',
  unknown_command: 'The app did not recognise this request. Restart Atelier; if it keeps happening, tell the Lab team.',
  forbidden: 'This session is no longer valid. Open again the address Atelier printed when it started.',
  unavailable: 'Atelier is not answering right now. What you typed is kept; try again in a moment.',
  internal: 'Something unexpected went wrong. What you typed is kept; try again, and tell the Lab team if it happens again.',
} satisfies Shape<typeof errorsFr>;

/** English nouns have no gender: `neuter` always picks the plain sentence. */
export const nounsEn = {
  workshop: { gender: 'neuter', This: 'This workshop', ofThe: 'of the workshop', list: 'the list of workshops' },
  proposal: { gender: 'neuter', This: 'This proposal', ofThe: 'of the proposal', list: 'the list of proposals' },
  registration: { gender: 'neuter', This: 'This registration', ofThe: 'of the registration', list: 'the welcome desk’s list' },
  conflict: { gender: 'neuter', This: 'This conflict', ofThe: 'of the conflict', list: 'the list of conflicts' },
  device: { gender: 'neuter', This: 'This computer', ofThe: 'of this computer', list: 'the sending screen' },
  person: { gender: 'neuter', This: 'This person', ofThe: 'of the person', list: 'the personal data search' },
} satisfies Shape<typeof nounsFr>;

export const validationEn = {
  required: 'Please fill this in.',
  tooLong: '{{param}} characters at most.',
  tooMany: '{{param}} at most.',
  invalid: 'This value is not valid.',
  dateTime: 'Enter a date and time that exist.',
  date: 'Enter a date that exists.',
  endBeforeStart: 'The end must come after the start.',
  arrondissement: 'Choose an arrondissement, from 1 to 20.',
  capacity: 'Enter a whole number from 1 to 5,000, or leave it empty.',
  portalUrl: 'Enter the portal’s address, starting with https://.',
  enrolmentCode: 'The code looks like ABCD-EFGH-JKLM (three groups of four letters or digits).',
  enrolmentCodeRefused: 'The portal did not accept this code. Ask the Lab team for a new one.',
  email: 'This email does not look right (example: name@example.org).',
  phone: 'This phone number does not look right.',
  citizenCard: 'This Citizen Card number does not look right (letters and digits).',
  consentChoice: 'Choose yes or no.',
  consentVersion: 'This consent text is not the right one.',
  consentTwice: 'One answer per consent.',
  profileNeedsStudyConsent: 'The study questions are asked only with the person’s agreement.',
  nameOrContact: 'Give at least a name, an email or a phone number.',
  amount: 'Enter an amount in euros (two decimals at most), or leave empty.',
  amountNegative: 'An amount cannot be negative.',
  arrondissementOrPoint: 'Choose an arrondissement, or place the point on the map.',
  outsideParis: 'This point is outside Paris: place it in Paris.',
  mergeAtLeastTwo: 'Tick at least two proposals.',
  mediaType: 'This file is neither an image (JPEG, PNG, WebP) nor a PDF.',
  fileTooBig: 'This file is over 8 MB.',
  featureNotOffered: 'This kind of workshop has no such part: nothing was saved.',
  retentionMonths: 'Give a whole number of months, from 1 to 120.',
  confirmErase: 'The erasure must be confirmed.',
  retentionLabOnly: 'Only a lab desktop changes the retention period: this field laptop cannot.',
} satisfies Shape<typeof validationFr>;
