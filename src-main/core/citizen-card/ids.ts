/** The derived ids of the Citizen Card records, with Node's SHA-256 (the portal passes its own). */
import { createHash } from 'node:crypto';
import * as derived from '#shared/citizen-card/derived-id.js';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const occurrenceSettingsId = (workshopId: string) => derived.occurrenceSettingsId(sha256Hex, workshopId);
export const drawId = (workshopId: string) => derived.drawId(sha256Hex, workshopId);
export const registrationId = (workshopId: string, holderId: string) => derived.registrationId(sha256Hex, workshopId, holderId);
export const promotionId = (freedRegistrationId: string) => derived.promotionId(sha256Hex, freedRegistrationId);
