/**
 * The Citizen Card papers' words in English: the same keys as the French (citizen-card-docs.ts).
 * The certificate of attendance is printed in French only; its English words exist for the
 * catalogue's shape and for a reader of the code.
 */
import type { Shape } from '../shape.js';
import type { citizenCardDocsFr } from '../fr/citizen-card-docs.js';

export const citizenCardDocsEn = {
  programme: 'Citizen Card — City of Paris',
  venue: 'Venue: {{venue}}',
  page: 'Page {{page}} / {{pages}}',
  untitled: 'workshop',
  signInSheet: {
    heading: 'Sign-in sheet — Citizen Card',
    documentTitle: 'Sign-in sheet — {{title}}',
    places: 'Places: {{places}}',
    expected_one: '{{count}} person expected',
    expected_other: '{{count}} people expected',
    walkIns: 'Blank rows: people without a place who take a free one.',
    number: 'No.',
    name: 'Name',
    card: 'Card',
    signature: 'Signature',
    fileName: 'citizen-card-sign-in-sheet-{{slug}}.pdf',
  },
  certificate: {
    heading: 'Certificate of attendance',
    documentTitle: 'Certificates of attendance — {{title}}',
    body: 'The City of Paris certifies that',
    attended: 'took part in the Citizen Card workshop',
    on: 'on {{date}}',
    duration: 'Duration: {{minutes}} minutes',
    madeAt: 'Issued in Paris on {{date}}',
    signature: 'For the City of Paris, the workshop team',
    fileName: 'certificates-{{slug}}.pdf',
  },
  confirmation: {
    heading: 'Registration confirmed',
    documentTitle: 'Confirmations — {{title}}',
    hello: 'Hello {{name}},',
    confirmed: 'your place is booked for the workshop',
    card: 'Citizen Card: {{card}}',
    qr: 'Show this code at the welcome desk (on paper or on your phone): it is scanned to record your arrival. Your card number works too.',
    cancel: 'Cannot come? Let us know: your place will go to the next person on the waiting list.',
    reference: 'Reference: {{reference}}',
    fileName: 'confirmations-{{slug}}.pdf',
  },
} satisfies Shape<typeof citizenCardDocsFr>;
