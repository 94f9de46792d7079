/**
 * The words of the Citizen Card ateliers' papers the core prints (namespace `citizenCardDocs`):
 * the occurrence's sign-in sheet and the confirmations (French or English, as asked), the
 * certificates of attendance (French only: the City issues them in French; the English below
 * exists because the catalogue's languages have the same keys, and is never printed).
 * French is the reference: non-breaking spaces before « : ; ! ? ».
 */
const N = '\u00a0';

export const citizenCardDocsFr = {
  programme: 'Carte citoyenne — Ville de Paris',
  venue: `Lieu${N}: {{venue}}`,
  page: 'Page {{page}} / {{pages}}',
  untitled: 'atelier',
  signInSheet: {
    heading: 'Feuille d’émargement — Carte citoyenne',
    documentTitle: 'Feuille d’émargement — {{title}}',
    places: `Places${N}: {{places}}`,
    expected_one: '{{count}} personne attendue',
    expected_other: '{{count}} personnes attendues',
    walkIns: 'Lignes vides\u00a0: personnes sans place accueillies sur une place libre.',
    number: 'N°',
    name: 'Nom',
    card: 'Carte',
    signature: 'Signature',
    fileName: 'emargement-carte-citoyenne-{{slug}}.pdf',
  },
  certificate: {
    heading: 'Attestation de présence',
    documentTitle: 'Attestations de présence — {{title}}',
    body: 'La Ville de Paris atteste que',
    attended: 'a participé à l’atelier de la Carte citoyenne',
    on: 'le {{date}}',
    duration: `Durée${N}: {{minutes}} minutes`,
    madeAt: 'Fait à Paris, le {{date}}',
    signature: 'Pour la Ville de Paris, l’équipe de l’atelier',
    fileName: 'attestations-{{slug}}.pdf',
  },
  confirmation: {
    heading: 'Confirmation d’inscription',
    documentTitle: 'Confirmations — {{title}}',
    hello: 'Bonjour {{name}},',
    confirmed: 'votre place est réservée pour l’atelier',
    card: `Carte citoyenne${N}: {{card}}`,
    qr: 'Présentez ce code à l’accueil (sur papier ou sur votre téléphone)\u00a0: il sera lu pour noter votre arrivée. Votre numéro de carte suffit aussi.',
    cancel: 'Vous ne pouvez pas venir\u00a0? Prévenez-nous\u00a0: votre place ira à la personne suivante de la liste d’attente.',
    reference: `Référence${N}: {{reference}}`,
    fileName: 'confirmations-{{slug}}.pdf',
  },
};
