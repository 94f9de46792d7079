/**
 * Body limits as the renderer meets them: a phone photo goes to the address the renderer's web
 * transport builds (`rpcPath`, colon percent-encoded), and must get the photo limit there; every
 * other command keeps the small one, however its name is spelt.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ATTACHMENT_INPUT_MAX_BYTES } from '#shared/proposals/proposal.schema.js';
import { MAX_ATTACHMENT_REQUEST_BYTES, MAX_REQUEST_BYTES } from '#shared/contract.js';
import { rpcPath } from '#shared/rpc-path.js';
import { normaliseRpcUrl } from '#web/server.js';
import { isTypedError, rawRequest, startTestWebHost, type TestWebHost } from './web-test-kit.js';

let web: TestWebHost;
let cookie: string;

beforeAll(async () => {
  web = await startTestWebHost();
  cookie = web.cookieHeader(await web.openSession());
});
afterAll(() => web.close());
beforeEach(() => {
  web.calls.length = 0;
});

/** The JSON the photo field sends: base64 of `bytes` bytes (a JPEG as far as the host cares). */
function photoBody(bytes: number): string {
  const jpeg = Buffer.alloc(bytes, 0x5a);
  jpeg.set([0xff, 0xd8, 0xff, 0xe0]);
  return JSON.stringify({ mediaType: 'image/jpeg', base64: jpeg.toString('base64') });
}

const post = (path: string, body: string) => rawRequest(web.port, { path, headers: { host: web.host, cookie, 'content-type': 'application/json' }, body });

describe('body limits', () => {
  it('the renderer writes the photo command with an encoded colon', () => {
    expect(rpcPath('attachments:add')).toBe('/rpc/attachments%3Aadd');
  });

  it('a 4 MB phone photo sent to the address the renderer builds reaches the core', async () => {
    const res = await post(rpcPath('attachments:add'), photoBody(4 * 1024 * 1024));
    expect(res.status).toBe(200);
    expect(web.calls).toHaveLength(1);
    expect(web.calls[0]!.name).toBe('attachments:add');
    expect((web.calls[0]!.input as { base64: string }).base64).toHaveLength(Math.ceil((4 * 1024 * 1024) / 3) * 4);
  });

  it('the largest photo the core accepts fits in the limit, under any spelling of the name', async () => {
    const body = photoBody(ATTACHMENT_INPUT_MAX_BYTES);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_ATTACHMENT_REQUEST_BYTES);
    for (const path of [rpcPath('attachments:add'), '/rpc/attachments:add', '/rpc/attachments%3aadd', '/rpc/%61ttachments%3Aadd']) {
      const res = await post(path, body);
      expect(res.status, path).toBe(200);
    }
    expect(web.calls.map((c) => c.name)).toEqual(Array(4).fill('attachments:add'));
  });

  it('a body over the photo limit is refused with the typed shape', async () => {
    const res = await post(rpcPath('attachments:add'), `{"mediaType":"image/jpeg","base64":"${'A'.repeat(MAX_ATTACHMENT_REQUEST_BYTES)}"}`);
    expect(res.status).toBe(413);
    expect(isTypedError(res.body, 'validation')).toBe(true);
    expect(web.calls).toEqual([]);
  });

  it('every other command keeps the 1 MB limit, encoded or not', async () => {
    const body = JSON.stringify({ title: 'x'.repeat(MAX_REQUEST_BYTES) });
    for (const path of [rpcPath('workshops:create'), '/rpc/workshops:create']) {
      const res = await post(path, body);
      expect(res.status, path).toBe(413);
      expect(isTypedError(res.body, 'validation')).toBe(true);
    }
    expect(web.calls).toEqual([]);
  });

  it('only a command segment of plain characters is decoded', () => {
    expect(normaliseRpcUrl('/rpc/attachments%3Aadd')).toBe('/rpc/attachments:add');
    expect(normaliseRpcUrl('/rpc/attachments%3Aadd?x=%3A')).toBe('/rpc/attachments:add?x=%3A');
    // A slash or a query hidden in the name stays encoded: the router then finds no such command.
    expect(normaliseRpcUrl('/rpc/a%2Fb')).toBe('/rpc/a%2Fb');
    expect(normaliseRpcUrl('/rpc/a%3Fb')).toBe('/rpc/a%3Fb');
    expect(normaliseRpcUrl('/rpc/%E0%A4%A')).toBe('/rpc/%E0%A4%A');
    expect(normaliseRpcUrl('/index.html')).toBe('/index.html');
  });
});
