import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startPortal, type RunningPortal } from './portal-harness.js';

// The document is generated from the shared zod schemas; the copy in docs/ must not drift.
describe('OpenAPI document', () => {
  let portal: RunningPortal;
  beforeAll(async () => {
    portal = await startPortal('sqlite');
  });
  afterAll(async () => portal?.close());

  it('is served at /v1/openapi.json and matches docs/portal-openapi.json (npm run portal -- openapi)', async () => {
    const served = await json(await fetch(`${portal.url}/v1/openapi.json`));
    expect(Object.keys(served.paths as object).sort()).toEqual(
      ['/api/public/publications', '/api/public/publications/{id}/versions/{n}', '/health', '/v1/attachments/{sha256}', '/v1/charter/contributions', '/v1/citizen-card/registrations', '/v1/enrol', '/v1/pull', '/v1/push', '/v1/push/resume'].sort(),
    );
    const committed = JSON.parse(await readFile(new URL('../../../docs/portal-openapi.json', import.meta.url), 'utf8'));
    expect(served).toEqual(committed);
  });
});
