/** Creates workshops through the web host's command endpoint, as the renderer would. */
import { expect, type Page } from '@playwright/test';
import type { ProposalFieldsInput } from '#shared/proposals/proposal.schema.js';
import { proposalFields as typedProposal } from '../unit/proposals/proposal-fixtures.js';

export interface SeedWorkshop {
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  venueName: string;
  arrondissement: number;
}

/** The co-construction workshop most specs start from: Goutte-d'Or (a QPV of the 18th), 14 March 2026. */
export const goutteDor: SeedWorkshop = {
  kind: 'pb_co_construction',
  title: 'Budget participatif — Goutte-d’Or',
  startsAt: '2026-03-14T18:30',
  endsAt: '2026-03-14T20:30',
  venueName: 'Centre Barbara',
  arrondissement: 18,
};

export async function seedWorkshop(page: Page, origin: string, w: SeedWorkshop): Promise<string> {
  const response = await page.request.post(`${origin}/rpc/workshops:create`, {
    headers: { 'content-type': 'application/json' },
    data: { description: '', venueAddress: '', inQpv: false, capacity: null, partners: [], facilitators: [], ...w },
  });
  const body = (await response.json()) as { ok: boolean; value?: { id: string } };
  expect(body.ok, JSON.stringify(body)).toBe(true);
  return body.value!.id;
}

export async function invoke(page: Page, origin: string, name: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> {
  const response = await page.request.post(`${origin}/rpc/${name}`, { headers: { 'content-type': 'application/json' }, data: input });
  return (await response.json()) as { ok: boolean; value?: unknown };
}

/** A command that must succeed; its value. */
export async function must(page: Page, origin: string, name: string, input: unknown): Promise<Record<string, unknown>> {
  const answer = await invoke(page, origin, name, input);
  expect(answer.ok, `${name}: ${JSON.stringify(answer)}`).toBe(true);
  return answer.value as Record<string, unknown>;
}

/**
 * A proposal's fields as `proposals:create` takes them: the unit tests' typed proposal, placed in
 * the 18th at La Chapelle by the people present, nothing optional filled; `overrides` says what
 * the test is about.
 */
export function proposalFields(overrides: Partial<ProposalFieldsInput> = {}): ProposalFieldsInput {
  return typedProposal({
    title: 'Des bancs à l’ombre',
    description: 'Des bancs à l’ombre.',
    arrondissement: 18,
    addressLabel: '',
    point: { lon: 2.3551, lat: 48.8873 },
    estimatedCostEuros: null,
    ...overrides,
  });
}
