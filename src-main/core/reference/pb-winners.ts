/**
 * The winning projects of the Paris participatory budget, 2014–2024 (Ville de Paris open
 * data, ODbL; see resources/data/LICENCES.md), read from the shipped CSV. The file's quirks,
 * from its SOURCES.md, handled here:
 * - the scale label uses a typographic apostrophe ("Budget participatif d’arrondissement");
 * - `75123` is Paris Centre (1st–4th together), and the 16th appears as 75016, 75116 or,
 *   on 6 rows of 2023–2024, an empty code with `arrondissement_num` 16;
 * - city-wide projects are registered at the Hôtel de Ville address (75004): they are city-wide,
 *   not 4th-arrondissement projects;
 * - empty cells mean "no value" (dates not reached, 42 addresses, 5 titles);
 * - dates are months (YYYY-MM), planned ones included, up to the source's "2099-12".
 */
import { z } from 'zod';
import { fr } from '#shared/i18n/catalogue.js';
import { pbThemeCodes, type PbThemeCode } from '#shared/reference/pb-themes.js';
import { parseCsvObjects } from './csv.js';

// The 11 themes live in src-shared so that proposals and screens share them; re-exported here.
export { pbThemeCodes, type PbThemeCode } from '#shared/reference/pb-themes.js';

/**
 * The file names its themes with the City's official labels, the ones the screens show in
 * French (the catalogue's `labels.themes`), matched without accents or case: it writes
 * « Education », the screens « Éducation ».
 */
const labelKey = (label: string) => label.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
const themeCodes = new Map<string, PbThemeCode>(pbThemeCodes.map((code) => [labelKey(fr.labels.themes[code]), code]));
const themeByLabel = { has: (label: string) => themeCodes.has(labelKey(label)), get: (label: string) => themeCodes.get(labelKey(label)) };

export const PB_SCALE_LABELS = {
  paris: 'Budget participatif parisien',
  arrondissement: 'Budget participatif d’arrondissement',
} as const;

export type PbScale = keyof typeof PB_SCALE_LABELS;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const optionalMonth = z.union([z.literal('').transform(() => null), month]);
const optionalText = z.string().transform((s) => (s.trim() === '' ? null : s.trim()));

const rowSchema = z.object({
  identifiant_projet_gagnant: z.string().regex(/^\d+$/).transform(Number),
  edition: z.string().regex(/^20\d\d$/).transform(Number),
  titre_projet_gagnant: optionalText,
  thematique: z.string().refine((label) => themeByLabel.has(label), 'unknown theme'),
  direction_pilote_projet: optionalText,
  budget_global_projet_gagnant: z.union([z.literal('').transform(() => null), z.string().regex(/^\d+$/).transform(Number)]),
  echelle_bp: z.enum([PB_SCALE_LABELS.paris, PB_SCALE_LABELS.arrondissement]),
  adresse_projet_gagnant: optionalText,
  arrondissement_projet_gagnant: z.string().regex(/^(|75\d{3})$/),
  arrondissement_num: z.string().regex(/^\d{1,2}$/).transform(Number),
  projet_q_pop: z.enum(['Oui', 'Non']),
  avancement_projet: optionalText,
  debut_etudes_projet: optionalMonth,
  lancement_procedure_projet: optionalMonth,
  lancement_travaux_projet: optionalMonth,
  livraison_prev_projet: optionalMonth,
  ouverture_projet: optionalMonth,
});

export interface PbWinner {
  id: number;
  edition: number;
  title: string | null;
  theme: PbThemeCode;
  leadDepartment: string | null;
  /** Budget voted for the whole project, in euros (not the amount spent). */
  budgetEuros: number | null;
  scale: PbScale;
  /** Free text as typed by the City: a full address, a street, or a place ("PARC MONCEAU"). */
  address: string | null;
  /** The file's code: "75018", "75123" (Paris Centre), "75116", or null. */
  arrondissementCode: string | null;
  /** Arrondissements the code stands for: [18], [1, 2, 3, 4] for Paris Centre; [] for city-wide. */
  arrondissements: number[];
  /** The dataset's "Projet en Quartier populaire" flag. */
  inQuartierPopulaire: boolean;
  /** The publisher's progress label: FIN, LIVRAISON, TRAVAUX, ETUDES, PROCEDURES, ABANDONNÉ, (non démarré). */
  progress: string | null;
  months: {
    studies: string | null;
    procedure: string | null;
    works: string | null;
    plannedDelivery: string | null;
    opening: string | null;
  };
}

function arrondissementsOf(code: string, num: number, scale: PbScale): number[] {
  if (scale === 'paris') return [];
  if (code === '75123' || num === 23) return [1, 2, 3, 4];
  const n = code === '' ? num : Number(code) % 100;
  if (!(n >= 1 && n <= 20)) throw new Error(`arrondissement code "${code}" / ${num} is not in Paris`);
  return [n];
}

/** Parses and checks the whole file; a row that breaks the rules above is an error, with its id. */
export function parsePbWinners(csvText: string): PbWinner[] {
  return parseCsvObjects(csvText).map((raw, i) => {
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`participatory-budget row ${i + 2} (id ${raw.identifiant_projet_gagnant}): ${issue?.path.join('.')} ${issue?.message}`);
    }
    const row = parsed.data;
    const scale: PbScale = row.echelle_bp === PB_SCALE_LABELS.paris ? 'paris' : 'arrondissement';
    return {
      id: row.identifiant_projet_gagnant,
      edition: row.edition,
      title: row.titre_projet_gagnant,
      theme: themeByLabel.get(row.thematique)!,
      leadDepartment: row.direction_pilote_projet,
      budgetEuros: row.budget_global_projet_gagnant,
      scale,
      address: row.adresse_projet_gagnant,
      arrondissementCode: row.arrondissement_projet_gagnant === '' ? null : row.arrondissement_projet_gagnant,
      arrondissements: arrondissementsOf(row.arrondissement_projet_gagnant, row.arrondissement_num, scale),
      inQuartierPopulaire: row.projet_q_pop === 'Oui',
      progress: row.avancement_projet,
      months: {
        studies: row.debut_etudes_projet,
        procedure: row.lancement_procedure_projet,
        works: row.lancement_travaux_projet,
        plannedDelivery: row.livraison_prev_projet,
        opening: row.ouverture_projet,
      },
    };
  });
}

/** The themes present in the data, in the order of pbThemeCodes (to check the list against the file). */
export function themesInData(winners: readonly PbWinner[]): PbThemeCode[] {
  const present = new Set(winners.map((w) => w.theme));
  return pbThemeCodes.filter((code) => present.has(code));
}
