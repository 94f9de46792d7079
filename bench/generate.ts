/**
 * Generated, Paris-scale data for the benchmark: workshops of every kind across the twenty
 * arrondissements over three years, with French titles and the status a real history would
 * give them (past ones mostly closed with minutes, some cancelled, future ones planned).
 * Deterministic: the same seed gives the same database.
 */
import { startCore } from '#core/core.js';
import { createSilentLogger } from '#core/logger.js';
import type { WorkshopFields, WorkshopKind } from '#shared/workshops/workshop.schema.js';
import { testVault } from '#test/support/vault.js';

/** A small, fast, seedable PRNG (mulberry32), so every run benchmarks the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const NEIGHBOURHOODS: Record<number, readonly string[]> = {
  1: ['Les Halles', 'Palais-Royal'],
  2: ['Sentier', 'Bonne-Nouvelle'],
  3: ['Haut-Marais', 'Arts-et-Métiers'],
  4: ['Saint-Merri', 'Île Saint-Louis'],
  5: ['Quartier latin', 'Jardin des Plantes'],
  6: ['Saint-Germain-des-Prés', 'Odéon'],
  7: ['Gros-Caillou', 'École militaire'],
  8: ['Europe', 'Champs-Élysées'],
  9: ['Faubourg-Montmartre', 'Saint-Georges'],
  10: ['Faubourg-Saint-Denis', 'Porte Saint-Martin', 'Hôpital Saint-Louis'],
  11: ['Folie-Méricourt', 'Roquette', 'Fontaine-au-Roi'],
  12: ['Bercy', 'Bel-Air', 'Picpus'],
  13: ['Butte-aux-Cailles', 'Olympiades', 'Bédier-Oudiné'],
  14: ['Montparnasse', 'Porte de Vanves', 'Plaisance'],
  15: ['Grenelle', 'Javel', 'Saint-Lambert'],
  16: ['Auteuil', 'Chaillot'],
  17: ['Batignolles', 'Épinettes', 'Porte Pouchet'],
  18: ['Goutte-d’Or', 'La Chapelle', 'Porte Montmartre', 'Amiraux-Simplon'],
  19: ['Belleville', 'Flandre', 'Danube-Solidarité', 'Stalingrad'],
  20: ['Ménilmontant', 'Saint-Blaise', 'Portes du Vingtième', 'Belleville'],
};

const THEMES = ['végétalisation', 'mobilités douces', 'propreté', 'accès aux droits', 'numérique', 'solidarité', 'culture', 'sport', 'jeunesse', 'seniors'];
const DATASETS = ['arbres d’alignement', 'bornes de recharge', 'qualité de l’air', 'fréquentation des bibliothèques', 'budget participatif'];
const FIRST = ['Camille', 'Nora', 'Yanis', 'Léa', 'Mamadou', 'Inès', 'Hugo', 'Fatou', 'Julien', 'Chloé'];
const LAST = ['Martin', 'Diallo', 'Bernard', 'Nguyen', 'Moreau', 'Haddad', 'Lefèvre', 'Traoré', 'Dubois', 'Rousseau'];
const PARTNERS = ['Salle Saint-Bruno', 'Les Petits Débrouillards', 'Conseil de quartier', 'Université Paris Cité', 'Emmaüs Connect', 'Maison des Canaux'];

/** Weights: the participatory budget and the Citizen Card run most often. */
const KINDS: readonly [WorkshopKind, number][] = [
  ['pb_co_construction', 35],
  ['citizen_card_atelier', 25],
  ['charter_consultation', 10],
  ['dataset_meetup', 10],
  ['lab_monthly', 8],
  ['la_transfo_training', 12],
];

function titleFor(kind: WorkshopKind, place: string, pick: <T>(xs: readonly T[]) => T): string {
  switch (kind) {
    case 'pb_co_construction':
      return `Co-construction du budget participatif — ${place}`;
    case 'citizen_card_atelier':
      return `Atelier Carte citoyenne : ${pick(THEMES)} à ${place}`;
    case 'charter_consultation':
      return `Consultation sur la charte de la participation — ${place}`;
    case 'dataset_meetup':
      return `Meetup données ouvertes : ${pick(DATASETS)}`;
    case 'lab_monthly':
      return `Atelier mensuel du Lab d’innovation — ${pick(THEMES)}`;
    case 'la_transfo_training':
      return `La Transfo : formation ${pick(THEMES)}`;
  }
}

export interface GeneratedWorkshop {
  fields: WorkshopFields;
  /** What happened to it afterwards. */
  fate: 'planned' | 'open' | 'closed' | 'cancelled';
}

/** `count` workshops between 1 January 2024 and 31 December 2026, seen from `today`. */
export function generateWorkshops(count: number, seed = 75018, today = '2026-11-27'): GeneratedWorkshop[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const totalWeight = KINDS.reduce((s, [, w]) => s + w, 0);
  const pickKind = () => {
    let r = random() * totalWeight;
    for (const [kind, w] of KINDS) if ((r -= w) < 0) return kind;
    return KINDS[0]![0];
  };
  // The north-east (10, 11, 13, 18, 19, 20) hosts most of the quartiers populaires.
  const pickArrondissement = () => (random() < 0.55 ? pick([10, 11, 13, 18, 19, 20]) : 1 + Math.floor(random() * 20));
  const pad = (n: number) => String(n).padStart(2, '0');
  const start = Date.UTC(2024, 0, 1);
  const days = Math.round((Date.UTC(2026, 11, 31) - start) / 86_400_000);

  return Array.from({ length: count }, () => {
    const kind = pickKind();
    const arrondissement = pickArrondissement();
    const place = pick(NEIGHBOURHOODS[arrondissement]!);
    const day = new Date(start + Math.floor(random() * (days + 1)) * 86_400_000).toISOString().slice(0, 10);
    const startMinutes = 9 * 60 + 30 * Math.floor(random() * 21); // 09:00 … 19:00
    const endMinutes = Math.min(startMinutes + 90 + 30 * Math.floor(random() * 4), 23 * 60);
    const hm = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
    const past = day < today;
    const r = random();
    const fate = past ? (r < 0.06 ? 'cancelled' : 'closed') : day === today ? 'open' : r < 0.04 ? 'cancelled' : 'planned';
    const fields: WorkshopFields = {
      kind,
      title: titleFor(kind, place, pick),
      description: `Atelier ouvert à toutes et tous, quartier ${place} (${arrondissement}e).`,
      startsAt: `${day}T${hm(startMinutes)}`,
      endsAt: `${day}T${hm(endMinutes)}`,
      venueName: pick([`Mairie du ${arrondissement}e`, 'Maison des associations', 'Centre Paris Anim’', 'Médiathèque', 'Maison de la vie associative']),
      venueAddress: `${1 + Math.floor(random() * 120)} rue de ${place}, 750${pad(arrondissement)} Paris`,
      arrondissement,
      inQpv: [10, 11, 13, 14, 17, 18, 19, 20].includes(arrondissement) && random() < 0.6,
      capacity: random() < 0.2 ? null : 15 + 5 * Math.floor(random() * 18),
      partners: random() < 0.5 ? [{ name: pick(PARTNERS), type: pick(['association', 'university', 'neighbourhood_council', 'other'] as const) }] : [],
      facilitators: [`${pick(FIRST)} ${pick(LAST)}`, ...(random() < 0.4 ? [`${pick(FIRST)} ${pick(LAST)}`] : [])],
    };
    return { fields, fate };
  });
}

/**
 * Writes the workshops into `dataDir` through the real core (so every row has its outbox
 * history), with the storage rules it always uses, then closes it.
 */
export async function writeDataDir(dataDir: string, workshops: readonly GeneratedWorkshop[]): Promise<void> {
  const core = await startCore({ dataDir, logger: createSilentLogger(), appVersion: 'bench', onEvent: () => {}, ...testVault() });
  const must = async (name: string, input: unknown) => {
    const r = await core.dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as { id: string; version: number };
  };
  try {
    for (const { fields, fate } of workshops) {
      let w = await must('workshops:create', fields);
      if (fate === 'cancelled') {
        await must('workshops:cancel', { id: w.id, version: w.version, reason: 'Salle indisponible' });
      } else if (fate === 'open' || fate === 'closed') {
        w = await must('workshops:open', { id: w.id, version: w.version });
        if (fate === 'closed') {
          await must('workshops:close', {
            id: w.id,
            version: w.version,
            minutes: 'Compte rendu : 24 participants, 6 propositions retenues, suites à donner en conseil de quartier.',
          });
        }
      }
    }
  } finally {
    await core.close();
  }
}
