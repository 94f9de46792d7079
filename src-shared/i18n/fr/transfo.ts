/**
 * La Transfo's recruiting (namespace `transfo`, issue 11): the City's directions, the
 * candidates' categories, genders, outcomes and stages, the balance of the cohort (its
 * dimensions, warnings and notes: the screen and a PDF say them alike, through
 * src-shared/transfo/balance-text.ts), and the letters to candidates (French only: the
 * letters go to the City's agents in French; the English exists for the catalogue's shape and
 * is never printed). French typography: non-breaking spaces before « : ; ! ? » and inside « ».
 */
const N = '\u00a0';

export const transfoFr = {
  title: 'La Transfo',
  directions: {
    DAC: 'Direction des Affaires culturelles',
    DAE: 'Direction de l’Attractivité et de l’Emploi',
    DAJ: 'Direction des Affaires juridiques',
    DASCO: 'Direction des Affaires scolaires',
    DCPA: 'Direction des Constructions publiques et de l’Architecture',
    DDCT: 'Direction de la Démocratie, des Citoyen·nes et des Territoires',
    DEVE: 'Direction des Espaces verts et de l’Environnement',
    DFA: 'Direction des Finances et des Achats',
    DFPE: 'Direction des Familles et de la Petite Enfance',
    DGRI: 'Délégation générale aux Relations internationales',
    DICOM: 'Direction de l’Information et de la Communication',
    DILT: 'Direction de l’Immobilier, de la Logistique et des Transports',
    DJS: 'Direction de la Jeunesse et des Sports',
    DLH: 'Direction du Logement et de l’Habitat',
    DPE: 'Direction de la Propreté et de l’Eau',
    DPMP: 'Direction de la Police municipale et de la Prévention',
    DRH: 'Direction des Ressources humaines',
    DSIN: 'Direction des Systèmes d’information et du Numérique',
    DSOL: 'Direction des Solidarités',
    DSP: 'Direction de la Santé publique',
    DTEC: 'Direction de la Transition écologique et du Climat',
    DU: 'Direction de l’Urbanisme',
    DVD: 'Direction de la Voirie et des Déplacements',
    IG: 'Inspection générale',
    SG: 'Secrétariat général',
  },
  categories: { A: 'Catégorie A', B: 'Catégorie B', C: 'Catégorie C' },
  genders: { woman: 'Femme', man: 'Homme', other: 'Autre', unknown: 'Non renseigné' },
  outcomes: { ambassador: 'Ambassadeur·rice', relais: 'Relais', not_chosen: 'Non retenu·e' },
  stages: {
    applied: 'Candidature reçue',
    met: 'Rencontré·e',
    ambassador: 'Ambassadeur·rice',
    relais: 'Relais',
    not_chosen: 'Non retenu·e',
    withdrew: 'Candidature retirée',
  },
  balance: {
    heading: 'Équilibre de la promotion',
    dimensions: { direction: 'Direction', category: 'Catégorie', gender: 'Genre', seniority: 'Ancienneté à la Ville' },
    columns: { candidates: 'Candidat·es', chosen: 'Ambassadeur·rices', relais: 'Relais' },
    seniorityBand: `de {{from}} à {{to}}${N}ans`,
    seniorityBandOpen: `de {{from}}${N}ans et plus`,
    satisfied: 'La promotion est complète et respecte toutes les règles.',
    warnings: {
      over_target: `Ambassadeur·rices choisi·es${N}: {{count}} pour {{target}}${N}places, {{extra}} de trop.`,
      under_target: `Ambassadeur·rices choisi·es${N}: {{count}} sur {{target}}, il en manque {{missing}}.`,
      direction_over: `{{direction}}${N}: {{count}} ambassadeur·rices, pour {{max}} au plus par direction.`,
      category_missing: `Catégorie {{category}}${N}: aucun·e ambassadeur·rice.`,
      gender_share: {
        woman: `Femmes${N}: {{share}} des ambassadeur·rices dont le genre est connu, pour {{min}} au moins.`,
        man: `Hommes${N}: {{share}} des ambassadeur·rices dont le genre est connu, pour {{min}} au moins.`,
      },
      seniority_band_missing: 'Aucun·e ambassadeur·rice avec une ancienneté {{band}}.',
    },
    notes: {
      gender_unknown_one: `Genre non renseigné pour 1${N}ambassadeur·rice${N}: non compté·e dans la part des femmes et des hommes.`,
      gender_unknown_other: `Genre non renseigné pour {{count}}${N}ambassadeur·rices${N}: non compté·es dans la part des femmes et des hommes.`,
      gender_unchecked: `La part des femmes et des hommes est vérifiée à partir de {{minKnown}}${N}genres connus parmi les ambassadeur·rices ({{known}} pour l’instant).`,
      withdrew_one: `1${N}candidature retirée${N}: elle n’est plus comptée.`,
      withdrew_other: `{{count}}${N}candidatures retirées${N}: elles ne sont plus comptées.`,
    },
  },
  letters: {
    documentTitle: 'Lettres aux candidat·es de La Transfo — {{campaign}}',
    header: 'Ville de Paris — Lab d’innovation — La Transfo',
    placeDate: 'Paris, le {{date}}',
    subject: `Objet${N}: votre candidature à l’appel «${N}{{campaign}}${N}»`,
    greeting: 'Bonjour {{name}},',
    thanks: 'Nous vous remercions pour votre candidature à La Transfo, l’équipe de transformation interne du Lab d’innovation de la Ville de Paris, et pour l’intérêt que vous portez à ses projets.',
    ambassador: {
      decision: 'Nous avons le plaisir de vous annoncer que vous avez été choisi·e comme ambassadeur·rice de La Transfo.',
      role: 'Avec les autres ambassadeur·rices, vous serez formé·e au design des politiques publiques et participerez chaque mois aux séances de l’équipe, pour mener des projets de transformation dans votre direction et au-delà.',
      firstSession: 'La première séance aura lieu le {{date}}. Vous recevrez l’invitation, avec le lieu et l’horaire, dans les prochains jours.',
      firstSessionLater: 'Nous vous communiquerons très prochainement la date de la première séance.',
      manager: 'Nous vous invitons à en informer votre responsable, qui a donné son accord à votre candidature.',
    },
    relais: {
      decision: 'Nous avons le plaisir de vous proposer de rejoindre La Transfo comme relais.',
      role: 'Sans suivre tout le parcours des ambassadeur·rices, vous serez sollicité·e ponctuellement pour tester des projets et apporter votre expertise. Chaque sollicitation vous sera proposée à l’avance, et vous resterez libre d’y donner suite.',
      firstSession: 'Une première rencontre des relais aura lieu le {{date}}. Vous recevrez l’invitation, avec le lieu et l’horaire, dans les prochains jours.',
      firstSessionLater: 'Nous reviendrons vers vous dès les premiers projets à tester.',
    },
    notChosen: {
      decision: 'Après examen de l’ensemble des candidatures, nous ne pouvons pas retenir la vôtre pour cette promotion de La Transfo.',
      reason: `Motif${N}: {{reason}}`,
      next: 'Ce choix ne dit rien de la valeur de votre engagement. Les ateliers mensuels du Lab d’innovation restent ouverts à toutes et à tous, et nous serions heureux de vous y retrouver, comme lors d’un prochain appel à volontaires.',
    },
    closing: 'Nous vous prions d’agréer l’expression de nos salutations distinguées.',
  },
};
