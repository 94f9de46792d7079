/** Creates workshops through the web host's command endpoint, as the renderer would. */
import { expect, type Page } from '@playwright/test';

export interface SeedWorkshop {
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  venueName: string;
  arrondissement: number;
}

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
