/** The shell's words and the common words in English: the same keys as the French (app.ts). */
import type { Shape } from '../shape.js';
import type { appFr, commonFr } from '../fr/app.js';

export const appEn = {
  name: 'Atelier',
  tagline: 'Participation workshops — City of Paris',
  skipLink: 'Skip to content',
  mainNav: 'Main navigation',
  language: 'Language',
  french: 'Français',
  english: 'English',
  nav: { workshops: 'Workshops', newWorkshop: 'New workshop' },
  sync: {
    label: 'Sending to the portal',
    upToDate: 'Everything is sent',
    pending_one: '{{count}} change waiting to be sent',
    pending_other: '{{count}} changes waiting to be sent',
    lastSent: 'last sent {{time}}',
    notEnrolled: 'will be sent once this computer is linked to the portal',
    nothingToSend: 'Nothing to send for now',
    notLinkedEmpty: 'Nothing to send — this computer is not linked to the portal',
    notLinked_one: 'Nothing sent yet: {{count}} change waits until this computer is linked to the portal',
    notLinked_other: 'Nothing sent yet: {{count}} changes wait until this computer is linked to the portal',
    neverSent: 'nothing sent yet',
    unknown: 'Sending status not known yet',
  },
} satisfies Shape<typeof appFr>;

export const commonEn = {
  retry: 'Try again',
  yes: 'Yes',
  no: 'No',
  none: 'None',
  dismiss: 'Dismiss message',
  choose: 'Choose…',
  optional: 'optional',
  draft: {
    note: 'What you type is kept on this computer until it is saved.',
    restored: 'Draft found: here is what you typed last time.',
    discard: 'Start afresh',
  },
  errorSummary_one: '{{count}} field to fix, marked below.',
  errorSummary_other: '{{count}} fields to fix, marked below.',
} satisfies Shape<typeof commonFr>;
