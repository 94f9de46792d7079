/**
 * The directions of the City of Paris a La Transfo candidate works in, as a closed list of
 * codes: the balance counts candidates per direction, and a typed « Dir. Culture » or « DAC »
 * with a trailing space would split one direction into several and defeat the rule « no
 * direction over 3 ». Free text never becomes a direction; the French names are the catalogue's
 * (`transfo.directions`).
 *
 * The list is the City's organisation of the 2020s: the DASES became the Direction des
 * Solidarités (DSOL) and the Direction de la Santé publique (DSP) in 2021, the DPSP the DPMP
 * the same year, the DTEC was created in 2022. A reorganisation is a change here (and in the
 * catalogue); a code removed must stay readable in past campaigns, so codes are only ever added.
 */
import { z } from 'zod';

export const directionCodes = [
  'DAC', // Affaires culturelles
  'DAE', // Attractivité et Emploi
  'DAJ', // Affaires juridiques
  'DASCO', // Affaires scolaires
  'DCPA', // Constructions publiques et Architecture
  'DDCT', // Démocratie, Citoyen·nes et Territoires
  'DEVE', // Espaces verts et Environnement
  'DFA', // Finances et Achats
  'DFPE', // Familles et Petite Enfance
  'DGRI', // Délégation générale aux Relations internationales
  'DICOM', // Information et Communication
  'DILT', // Immobilier, Logistique et Transports
  'DJS', // Jeunesse et Sports
  'DLH', // Logement et Habitat
  'DPE', // Propreté et Eau
  'DPMP', // Police municipale et Prévention
  'DRH', // Ressources humaines
  'DSIN', // Systèmes d’information et Numérique
  'DSOL', // Solidarités
  'DSP', // Santé publique
  'DTEC', // Transition écologique et Climat
  'DU', // Urbanisme
  'DVD', // Voirie et Déplacements
  'IG', // Inspection générale
  'SG', // Secrétariat général (the Innovation Lab's own house)
] as const;
export type DirectionCode = (typeof directionCodes)[number];

export const directionCodeSchema = z.enum(directionCodes, { error: 'validation.invalid' });

export function isDirectionCode(value: string): value is DirectionCode {
  return (directionCodes as readonly string[]).includes(value);
}
