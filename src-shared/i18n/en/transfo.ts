/**
 * La Transfo's recruiting in English: the same keys as the French (transfo.ts). The letters
 * are printed in French only; their English is here for the catalogue's shape and for a
 * reader of the code.
 */
import type { Shape } from '../shape.js';
import type { transfoFr } from '../fr/transfo.js';

export const transfoEn = {
  title: 'La Transfo',
  directions: {
    DAC: 'Cultural Affairs Department',
    DAE: 'Attractiveness and Employment Department',
    DAJ: 'Legal Affairs Department',
    DASCO: 'School Affairs Department',
    DCPA: 'Public Buildings and Architecture Department',
    DDCT: 'Democracy, Citizens and Territories Department',
    DEVE: 'Green Spaces and Environment Department',
    DFA: 'Finance and Procurement Department',
    DFPE: 'Families and Early Childhood Department',
    DGRI: 'International Relations Delegation',
    DICOM: 'Information and Communication Department',
    DILT: 'Property, Logistics and Transport Department',
    DJS: 'Youth and Sports Department',
    DLH: 'Housing Department',
    DPE: 'Cleanliness and Water Department',
    DPMP: 'Municipal Police and Prevention Department',
    DRH: 'Human Resources Department',
    DSIN: 'Information Systems and Digital Department',
    DSOL: 'Social Solidarity Department',
    DSP: 'Public Health Department',
    DTEC: 'Ecological Transition and Climate Department',
    DU: 'Urban Planning Department',
    DVD: 'Roads and Transport Department',
    IG: 'General Inspectorate',
    SG: 'General Secretariat',
  },
  categories: { A: 'Category A', B: 'Category B', C: 'Category C' },
  genders: { woman: 'Woman', man: 'Man', other: 'Other', unknown: 'Not given' },
  outcomes: { ambassador: 'Ambassador', relais: 'Relais', not_chosen: 'Not chosen' },
  stages: {
    applied: 'Applied',
    met: 'Met',
    ambassador: 'Ambassador',
    relais: 'Relais',
    not_chosen: 'Not chosen',
    withdrew: 'Withdrew',
  },
  balance: {
    heading: 'Balance of the cohort',
    dimensions: { direction: 'Department', category: 'Category', gender: 'Gender', seniority: 'Years with the City' },
    columns: { candidates: 'Candidates', chosen: 'Ambassadors', relais: 'Relais' },
    seniorityBand: '{{from}} to {{to}}\u00a0years',
    seniorityBandOpen: '{{from}}\u00a0years or more',
    satisfied: 'The cohort is complete and keeps every rule.',
    warnings: {
      over_target: 'Ambassadors chosen: {{count}} for {{target}}\u00a0places, {{extra}} too many.',
      under_target: 'Ambassadors chosen: {{count}} of {{target}}, {{missing}} still to choose.',
      direction_over: '{{direction}}: {{count}} ambassadors, for at most {{max}} per department.',
      category_missing: 'Category {{category}}: no ambassador.',
      gender_share: {
        woman: 'Women: {{share}} of the ambassadors whose gender is known, for at least {{min}}.',
        man: 'Men: {{share}} of the ambassadors whose gender is known, for at least {{min}}.',
      },
      seniority_band_missing: 'No ambassador with {{band}} in the City’s service.',
    },
    notes: {
      gender_unknown_one: 'Gender not given for 1\u00a0ambassador: not counted in the share of women and men.',
      gender_unknown_other: 'Gender not given for {{count}}\u00a0ambassadors: not counted in the share of women and men.',
      gender_unchecked: 'The share of women and men is checked once {{minKnown}}\u00a0ambassadors’ genders are known ({{known}} so far).',
      withdrew_one: '1\u00a0application withdrawn: no longer counted.',
      withdrew_other: '{{count}}\u00a0applications withdrawn: no longer counted.',
    },
  },
  letters: {
    documentTitle: 'Letters to La Transfo’s candidates — {{campaign}}',
    header: 'City of Paris — Innovation Lab — La Transfo',
    placeDate: 'Paris, {{date}}',
    subject: 'Subject: your application to the call “{{campaign}}”',
    greeting: 'Dear {{name}},',
    thanks: 'Thank you for applying to La Transfo, the City of Paris Innovation Lab’s team of internal transformation, and for your interest in its projects.',
    ambassador: {
      decision: 'We are pleased to tell you that you have been chosen as an ambassador of La Transfo.',
      role: 'With the other ambassadors, you will be trained in public policy design and take part in the team’s monthly sessions, to lead transformation projects in your department and beyond.',
      firstSession: 'The first session will take place on {{date}}. You will receive the invitation, with the place and time, in the coming days.',
      firstSessionLater: 'We will let you know the date of the first session very soon.',
      manager: 'Please let your manager know, who agreed to your application.',
    },
    relais: {
      decision: 'We are pleased to offer you to join La Transfo as a relais.',
      role: 'Without following the ambassadors’ whole course, you will be asked from time to time to test projects and bring your expertise. Each request will come in advance, and you will be free to take it up or not.',
      firstSession: 'A first meeting of the relais will take place on {{date}}. You will receive the invitation, with the place and time, in the coming days.',
      firstSessionLater: 'We will come back to you with the first projects to test.',
    },
    notChosen: {
      decision: 'Having considered every application, we are unable to select yours for this cohort of La Transfo.',
      reason: 'Reason: {{reason}}',
      next: 'This choice says nothing of the worth of your commitment. The Innovation Lab’s monthly workshops remain open to all, and we would be glad to see you there, as in a future call for volunteers.',
    },
    closing: 'Kind regards,',
  },
} satisfies Shape<typeof transfoFr>;
