/**
 * The domain's values as people read them, each written once (namespace `labels`): workshop
 * kinds and statuses, attendance statuses, the study's answers and categories, the
 * participatory budget's themes, proposal statuses, support grades, the arrondissement's
 * ordinal. The renderer, the sync screen and the files the core writes all read them here.
 * Keys are the values of the shared enums (the `*.schema.ts` files of src-shared).
 */
export const labelsFr = {
  workshopKinds: {
    pb_co_construction: 'Co-construction du budget participatif',
    citizen_card_atelier: 'Atelier Carte citoyenne',
    charter_consultation: 'Consultation sur la charte de la participation',
    dataset_meetup: 'Rencontre demandes de données',
    lab_monthly: 'Atelier mensuel du Lab',
    la_transfo_training: 'Formation La Transfo',
  },
  workshopStatuses: { planned: 'Prévu', open: 'En cours', closed: 'Clos', cancelled: 'Annulé' },
  partnerTypes: {
    association: 'Association',
    university: 'Université',
    neighbourhood_council: 'Conseil de quartier',
    other: 'Autre',
  },
  attendanceStatuses: { registered: 'Attendu·e', present: 'Présent·e', cancelled: 'A annulé', no_show: 'Absent·e' },
  attendanceSources: { pre_registered: 'inscrit·e', walk_in: 'venu·e sans inscription', paper: 'feuille papier' },
  ageBrackets: { '0_15': 'Moins de 16\u00a0ans', '16_25': '16 à 25\u00a0ans', '26_40': '26 à 40\u00a0ans', '41_60': '41 à 60\u00a0ans', '61_75': '61 à 75\u00a0ans', '76_plus': '76\u00a0ans et plus', not_said: 'Ne souhaite pas dire' },
  residences: { paris: 'À Paris', outside_paris: 'Hors de Paris', unknown: 'Ne souhaite pas dire' },
  yesNoUnknown: { yes: 'Oui', no: 'Non', unknown: 'Ne sait pas / ne dit pas' },
  occupations: {
    student: 'Élève ou étudiant·e',
    employed: 'Salarié·e',
    self_employed: 'À son compte',
    job_seeker: 'En recherche d’emploi',
    retired: 'Retraité·e',
    at_home: 'Au foyer',
    other: 'Autre',
    not_said: 'Ne souhaite pas dire',
  },
  /** The study's residence categories (an arrondissement is `arrondissement` below). */
  residenceCategories: { paris: 'Paris (arrondissement non précisé)', outside_paris: 'Hors de Paris', unknown: 'Ne souhaite pas dire' },
  /** The study counts closed categories of gender only (src-shared/study/gender-categories.ts). */
  genderCategories: {
    woman: 'Femme',
    man: 'Homme',
    non_binary: 'Non binaire',
    self_described: 'Autre réponse, dans ses propres mots',
    not_said: 'Non renseigné',
  },
  neighbourhoodClasses: { qpv: 'Quartier populaire (QPV)', veille_active: 'Quartier de veille active', other: 'Autre quartier' },
  themes: {
    'attractivite-emploi': 'Attractivité et emploi',
    'cadre-de-vie': 'Cadre de vie',
    'culture-patrimoine': 'Culture et patrimoine',
    'education-jeunesse': 'Éducation et jeunesse',
    environnement: 'Environnement',
    mobilites: 'Mobilités',
    'prevention-securite': 'Prévention et sécurité',
    proprete: 'Propreté',
    sante: 'Santé',
    solidarites: 'Solidarités',
    sport: 'Sport',
  },
  proposalKinds: { proposal: 'Proposition', project: 'Projet' },
  proposalStatuses: {
    draft: 'Brouillon',
    ready: 'Prête',
    submitted: 'Déposée',
    in_co_construction: 'En co-construction',
    merged: 'Regroupée',
    under_study: 'À l’étude',
    retained: 'Retenue',
    not_retained: 'Non retenue',
  },
  locationTypes: { paris: 'Tout Paris', arrondissement: 'Un arrondissement' },
  proposerTypes: {
    people_present: 'Personnes présentes',
    collective: 'Un collectif',
    association: 'Une association',
    neighbourhood_council: 'Un conseil de quartier',
  },
  triStates: { yes: 'Oui', no: 'Non', unknown: 'Ne sait pas' },
  grades: { adore: 'J’adore', aime_bien: 'J’aime bien', pourquoi_pas: 'Pourquoi pas\u00a0?', pas_convaincu: 'Pas convaincu·e' },
  /** The charter consultation (src-shared/charter/charter.schema.ts). */
  charterChannels: { workshop: 'Atelier', paper: 'Questionnaire papier', online: 'En ligne' },
  contributionTypes: { proposal: 'Proposition', agreement: 'Accord', amendment: 'Amendement' },
  contributorKinds: { individual: 'Une personne', table: 'Une table' },
  agreementLevels: { '1': 'Pas du tout d’accord', '2': 'Plutôt pas d’accord', '3': 'Ni d’accord ni pas d’accord', '4': 'Plutôt d’accord', '5': 'Tout à fait d’accord' },
  articleDecisions: { kept: 'Gardé tel quel', amended: 'Amendé', set_aside: 'Écarté' },
  /** « 1er arrondissement », « 18e arrondissement »: `t('labels.arrondissement', { count, ordinal: true })`. */
  arrondissement_ordinal_one: '{{count}}er arrondissement',
  arrondissement_ordinal_other: '{{count}}e arrondissement',
};
