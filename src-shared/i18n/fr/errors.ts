/**
 * What goes wrong, in words (namespaces `errors`, `nouns`, `validation`).
 *
 * `errors.<code>`: one sentence per error code of src-shared/result.ts, naming the record it
 * is about through `nouns`: « Cette proposition a été modifiée ailleurs… », « Cet atelier a
 * été modifié ailleurs… ». The sentence agrees with the noun's gender through i18next's
 * context (`conflict_female`); the renderer's `translateError(t, code, record)` passes both.
 * `validation.<key>`: the messages of the shared schemas and of the core, beside a field.
 */
export const errorsFr = {
  validation: 'Certains champs sont à corriger\u00a0: voyez le message à côté de chacun.',
  not_found: '{{This}} n’existe pas ou a été supprimé. Revenez à {{list}}.',
  not_found_female: '{{This}} n’existe pas ou a été supprimée. Revenez à {{list}}.',
  conflict:
    '{{This}} a été modifié ailleurs entre-temps. Il vient d’être rechargé et vos saisies sont conservées\u00a0: vérifiez-les, puis enregistrez de nouveau.',
  conflict_female:
    '{{This}} a été modifiée ailleurs entre-temps. Elle vient d’être rechargée et vos saisies sont conservées\u00a0: vérifiez-les, puis enregistrez de nouveau.',
  invalid_transition: 'Cette action n’est plus possible dans l’état actuel {{ofThe}}. La page vient d’être mise à jour.',
  unknown_command: 'L’application n’a pas reconnu cette demande. Redémarrez Atelier\u00a0; si cela continue, prévenez l’équipe du Lab.',
  forbidden: 'La session n’est plus valable. Rouvrez l’adresse affichée au démarrage d’Atelier.',
  unavailable: 'Atelier ne répond pas pour l’instant. Vos saisies sont gardées\u00a0; réessayez dans un instant.',
  locked: 'Atelier est verrouillé\u00a0: déverrouillez-le avec la phrase de passe ou le code pour continuer. Vos saisies sont gardées.',
  internal: 'Une erreur inattendue s’est produite. Vos saisies sont gardées\u00a0; réessayez, et prévenez l’équipe du Lab si cela se reproduit.',
};

/**
 * The records an error may be about, as the sentences of `errors` name them: the noun with its
 * demonstrative (`This`), « de l’atelier » (`ofThe`), the list to go back to, and its gender
 * (`female` picks the `_female` sentence; any other value, the plain one).
 */
export const nounsFr = {
  workshop: { gender: 'male', This: 'Cet atelier', ofThe: 'de l’atelier', list: 'la liste des ateliers' },
  proposal: { gender: 'female', This: 'Cette proposition', ofThe: 'de la proposition', list: 'la liste des propositions' },
  registration: { gender: 'female', This: 'Cette inscription', ofThe: 'de l’inscription', list: 'la liste de l’accueil' },
  conflict: { gender: 'male', This: 'Ce conflit', ofThe: 'du conflit', list: 'la liste des conflits' },
  device: { gender: 'male', This: 'Cet ordinateur', ofThe: 'de cet ordinateur', list: 'l’écran d’envoi au portail' },
  person: { gender: 'female', This: 'Cette personne', ofThe: 'de la personne', list: 'la recherche des données personnelles' },
  // Citizen Card ateliers
  atelierType: { gender: 'male', This: 'Ce type d’atelier', ofThe: 'du type d’atelier', list: 'la liste des types d’ateliers' },
  cardOccurrence: { gender: 'male', This: 'Cet atelier Carte citoyenne', ofThe: 'de l’atelier', list: 'la liste des ateliers Carte citoyenne' },
  cardHolder: { gender: 'male', This: 'Ce titulaire', ofThe: 'du titulaire', list: 'la recherche des titulaires' },
  cardRegistration: { gender: 'female', This: 'Cette inscription', ofThe: 'de l’inscription', list: 'la liste des inscrits' },
  draw: { gender: 'male', This: 'Ce tirage au sort', ofThe: 'du tirage au sort', list: 'la liste des inscrits' },
};

/** Field messages: the shared schemas' and the core's `validation.*` keys, beside the field. */
export const validationFr = {
  required: 'À remplir.',
  tooLong: '{{param}}\u00a0caractères au maximum.',
  tooMany: '{{param}}\u00a0au maximum.',
  invalid: 'Cette valeur n’est pas valide.',
  dateTime: 'Indiquez une date et une heure qui existent.',
  date: 'Indiquez une date qui existe.',
  endBeforeStart: 'La fin doit venir après le début.',
  arrondissement: 'Choisissez un arrondissement, de 1 à 20.',
  capacity: 'Indiquez un nombre entier de 1 à 5\u202f000, ou laissez vide.',
  portalUrl: 'Indiquez l’adresse du portail, qui commence par https://.',
  enrolmentCode: 'Le code a la forme ABCD-EFGH-JKLM (trois groupes de quatre lettres ou chiffres).',
  enrolmentCodeRefused: 'Le portail n’a pas accepté ce code. Demandez un nouveau code à l’équipe du Lab.',
  email: 'Cet e-mail n’a pas la bonne forme (exemple\u00a0: nom@exemple.fr).',
  phone: 'Ce numéro de téléphone n’a pas la bonne forme.',
  citizenCard: 'Ce numéro de Carte citoyenne n’a pas la bonne forme (lettres et chiffres).',
  consentChoice: 'Choisissez oui ou non.',
  consentVersion: 'Ce texte de consentement n’est pas le bon.',
  consentTwice: 'Une seule réponse par consentement.',
  profileNeedsStudyConsent: 'Les questions de l’étude ne sont posées qu’avec l’accord de la personne.',
  nameOrContact: 'Indiquez au moins un nom, un e-mail ou un téléphone.',
  amount: 'Indiquez un montant en euros (deux décimales au plus), ou laissez vide.',
  amountNegative: 'Un montant ne peut pas être négatif.',
  arrondissementOrPoint: 'Choisissez un arrondissement, ou placez le point sur la carte.',
  outsideParis: 'Ce point est hors de Paris\u00a0: placez-le dans Paris.',
  mergeAtLeastTwo: 'Cochez au moins deux propositions.',
  mediaType: 'Ce fichier n’est ni une image (JPEG, PNG, WebP) ni un PDF.',
  fileTooBig: 'Ce fichier dépasse 8\u00a0Mo.',
  featureNotOffered: 'Ce type d’atelier n’a pas cette partie\u00a0: rien n’a été enregistré.',
  passphraseShort: 'Au moins {{param}}\u00a0caractères\u00a0: une phrase de quelques mots se retient mieux qu’un mot compliqué.',
  passphraseWeak: 'Cette phrase de passe serait devinée trop vite (un mot courant, une suite du clavier)\u00a0: choisissez quelques mots à vous.',
  passphraseMismatch: 'Les deux phrases de passe ne sont pas les mêmes.',
  passphraseWrong: 'Ce n’est pas la phrase de passe de cet ordinateur. Vérifiez les majuscules et les accents.',
  recoveryKey: 'La clé de secours a 32\u00a0lettres et chiffres, en groupes de quatre.',
  recoveryKeyWrong: 'Cette clé de secours n’est pas celle de cet ordinateur.',
  keystoreUnavailable: 'Le trousseau du système ne répond pas\u00a0: ouvrez votre session, puis réessayez.',
  dataTooNew: 'Ces données viennent d’une version plus récente d’Atelier\u00a0: installez-la pour les ouvrir.',
  dataUnreadable: 'Les données de cet ordinateur n’ont pas pu être ouvertes. Prévenez l’équipe du Lab\u00a0; rien n’a été effacé.',
  pin: 'Un code de {{param}} à 8\u00a0chiffres.',
  pinNone: 'Le code ne sert plus depuis le redémarrage d’Atelier\u00a0: tapez la phrase de passe.',
  pinWait: 'Trop de codes faux\u00a0: attendez {{param}}\u00a0s avant de réessayer, ou tapez la phrase de passe.',
  pinDisabled: 'Trop de codes faux\u00a0: le code ne sert plus, tapez la phrase de passe.',
  pinWrong: 'Ce n’est pas le bon code.',
  keepOpenTime: 'L’accueil ne reste ouvert que jusqu’à la fin d’un atelier d’aujourd’hui ({{param}}\u00a0h au plus).',
  idleMinutes: 'Indiquez un nombre de minutes de 1 à {{param}}.',
  actorNotEmail: 'Votre nom suffit, sans e-mail.',
  backupMissing: 'Cette sauvegarde n’est plus dans le dossier des données.',
  backupUnusable: 'Cette sauvegarde ne peut pas être relue\u00a0: choisissez-en une autre.',
  retentionMonths: 'Indiquez un nombre entier de mois, de 1 à 120.',
  confirmErase: 'L’effacement doit être confirmé.',
  retentionLabOnly: 'Seul un ordinateur du Lab change la durée de conservation\u00a0: cet ordinateur de terrain ne le peut pas.',
  // Citizen Card ateliers
  min: 'Au moins {{param}}.',
  max: 'Au plus {{param}}.',
  cardNumber: 'Ce numéro de Carte citoyenne n’a pas la bonne forme\u00a0: 4 à 20\u00a0lettres ou chiffres, dont au moins un chiffre.',
  cardNumberTaken: 'Un autre titulaire a déjà ce numéro de Carte citoyenne.',
  birthYear: 'Indiquez une année de naissance à quatre chiffres (1900 ou après).',
  reservedOverPlaces: 'Les places réservées dépassent le nombre de places de l’atelier.',
  placesBelowTaken: 'Des personnes ont déjà une place\u00a0: il en faut au moins {{param}}.',
  atelierTypeUnknown: 'Ce type d’atelier n’existe pas ou a été retiré.',
  atelierTypeInUse: 'Des ateliers à venir sont de ce type\u00a0: il ne peut pas être retiré.',
  occurrenceNotSet: 'Réglez d’abord les places de cet atelier.',
  alreadyRegistered: 'Cette personne est déjà inscrite à cet atelier.',
  registrationsClosed: 'Le tirage au sort est annoncé\u00a0: la liste des inscrits est close.',
  noPlaceLeft: 'Il ne reste aucune place libre.',
  walkInsNotAllowed: 'Cet atelier n’accepte personne sans place\u00a0: le Lab ne l’a pas permis.',
  notRegisteredHere: 'Cette personne n’est pas inscrite à cet atelier.',
  conflict: 'Modifié ailleurs entre-temps\u00a0: la page vient d’être rechargée, vérifiez avant de recommencer.',
  unknownAtelier: 'Le portail ne connaît aucun atelier Carte citoyenne ouvert avec cet identifiant.',
  unknownCard: 'Aucun titulaire n’a ce numéro de Carte citoyenne.',
  holderMerged: 'Ce titulaire a été regroupé avec un autre\u00a0: cherchez-le de nouveau.',
  mergeSame: 'Choisissez deux titulaires différents.',
  notACardQr: 'Ce QR code n’est pas celui d’une confirmation d’atelier Carte citoyenne.',
  statusChange: 'Ce changement n’est pas possible depuis l’état actuel de l’inscription.',
  noPlaceHeld: 'Cette inscription n’a pas de place (en attente, annulée ou absente)\u00a0: elle ne peut pas être pointée.',
  alreadyAttended: 'Cette personne est déjà pointée présente.',
  drawAlreadyAnnounced: 'Le tirage au sort est déjà annoncé.',
  drawAlreadyRun: 'Le tirage au sort a déjà eu lieu.',
  drawNotAnnounced: 'Le tirage au sort doit d’abord être annoncé.',
  drawNobody: 'Personne n’est inscrit\u00a0: il n’y a rien à tirer au sort.',
  labOnly: 'Seul un ordinateur du Lab gère les ateliers Carte citoyenne\u00a0: un ordinateur de terrain ne reçoit pas les titulaires.',
};
