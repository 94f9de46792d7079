/**
 * The shell's words (namespace `app`: the header, the navigation, the sending state in the
 * header) and the words every screen uses (`common`). French is the reference.
 */
export const appFr = {
  name: 'Atelier',
  tagline: 'Ateliers de participation — Ville de Paris',
  skipLink: 'Aller au contenu',
  mainNav: 'Navigation principale',
  language: 'Langue',
  french: 'Français',
  english: 'English',
  nav: { workshops: 'Ateliers', newWorkshop: 'Nouvel atelier' },
  sync: {
    label: 'Envoi au portail',
    upToDate: 'Tout est envoyé',
    pending_one: '{{count}}\u00a0modification en attente d’envoi',
    pending_many: '{{count}}\u00a0modifications en attente d’envoi',
    pending_other: '{{count}}\u00a0modifications en attente d’envoi',
    lastSent: 'dernier envoi {{time}}',
    notEnrolled: 'envoi dès que l’ordinateur sera relié au portail',
    nothingToSend: 'Rien à envoyer pour l’instant',
    notLinkedEmpty: 'Rien à envoyer — cet ordinateur n’est pas relié au portail',
    notLinked_one: 'Rien n’a encore été envoyé\u00a0: {{count}}\u00a0modification attend que l’ordinateur soit relié au portail',
    notLinked_many: 'Rien n’a encore été envoyé\u00a0: {{count}}\u00a0modifications attendent que l’ordinateur soit relié au portail',
    notLinked_other: 'Rien n’a encore été envoyé\u00a0: {{count}}\u00a0modifications attendent que l’ordinateur soit relié au portail',
    neverSent: 'rien n’a encore été envoyé',
    unknown: 'État de l’envoi inconnu pour l’instant',
  },
};

export const commonFr = {
  retry: 'Réessayer',
  yes: 'Oui',
  no: 'Non',
  none: 'Aucun',
  dismiss: 'Fermer le message',
  choose: 'Choisir…',
  optional: 'facultatif',
  /** Every form keeps a draft as it is typed (src-renderer/components/forms/use-draft-form.ts). */
  draft: {
    note: 'Ce que vous tapez est gardé sur cet ordinateur jusqu’à l’enregistrement.',
    restored: 'Brouillon retrouvé\u00a0: voici ce que vous aviez saisi la dernière fois.',
    discard: 'Repartir de zéro',
  },
  errorSummary_one: '{{count}}\u00a0champ à corriger, signalé ci-dessous.',
  errorSummary_many: '{{count}}\u00a0champs à corriger, signalés ci-dessous.',
  errorSummary_other: '{{count}}\u00a0champs à corriger, signalés ci-dessous.',
};
