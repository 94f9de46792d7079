/**
 * La Transfo's practical cases (issue 11): their states, the media of their prototypes and the
 * limits of every field. Codes only: the words are the catalogue's (`transfoCases`).
 */

/**
 * Where a case is, in the order of design thinking; `closed` (done, decided and followed) and
 * `abandoned` end it. Any state may follow any other (a case goes back to immersion after a
 * test), but `decided` needs at least one decision recorded.
 */
export const caseStates = ['framing', 'immersion', 'ideation', 'prototyping', 'testing', 'decided', 'closed', 'abandoned'] as const;
export type CaseState = (typeof caseStates)[number];

/** Photos as the app already stores them, and short videos from a phone. */
export const casePhotoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const caseVideoTypes = ['video/mp4', 'video/webm'] as const;
export const caseMediaTypes = [...casePhotoTypes, ...caseVideoTypes] as const;
export type CaseMediaType = (typeof caseMediaTypes)[number];
export const isVideoType = (t: string): boolean => (caseVideoTypes as readonly string[]).includes(t);

/**
 * A prototype's video: a phone clip of a user test, about 30 seconds of 720p at a phone's
 * 8 Mbit/s. The whole file crosses the IPC (or the web host) as one base64 message of 4/3 its
 * size, decoded and encrypted in the core's memory: 32 MiB keeps that message under 45 MB
 * (MAX_VIDEO_REQUEST_BYTES); the sync sends it to the portal in 4 MiB chunks that resume.
 */
export const CASE_VIDEO_MAX_BYTES = 32 * 1024 * 1024;

/** The workshops a case is worked on in. */
export const caseSessionKinds = ['la_transfo_training', 'lab_monthly'] as const;

export const CASE_LIMITS = {
  title: 160,
  service: 160,
  question: 2000,
  usersMet: 2000,
  insight: 300,
  insights: 30,
  prototypeTitle: 160,
  prototypeDescription: 1000,
  attachments: 6,
  prototypes: 12,
  decision: 500,
  decisions: 30,
  nextStep: 300,
  owner: 120,
  nextSteps: 30,
  sessions: 60,
  summary: 600,
  journal: 60,
} as const;
