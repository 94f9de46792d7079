/**
 * The requests a client written from the docs alone sent, by hand, to the real host and core:
 * what each must answer. Also the records the fuzz starts from, and a client that sends its
 * body a byte at a time. Not a test file itself.
 */
import { connect } from 'node:net';
import { MAX_ATTACHMENT_REQUEST_BYTES, MAX_REQUEST_BYTES } from '#shared/contract.js';
import { rpcPath } from '#shared/rpc-path.js';
import { post, type Answer, type HostProcess } from './built-host.js';

const json = (web: HostProcess, path: string, body: string | Uint8Array, contentType = 'application/json') =>
  post(false, web.port, path, { cookie: web.cookie, 'content-type': contentType }, body);

async function must<T>(web: HostProcess, name: string, input: unknown): Promise<T> {
  const answer = await json(web, rpcPath(name), JSON.stringify(input));
  const parsed = JSON.parse(answer.body) as { ok: boolean; value: T };
  if (!parsed.ok) throw new Error(`${name}: ${answer.body}`);
  return parsed.value;
}

/** A co-construction workshop, an arrival with a study profile, a proposal: ids the fuzz reuses. */
export async function seedStore(web: HostProcess): Promise<string[]> {
  const workshop = await must<{ id: string }>(web, 'workshops:create', {
    kind: 'pb_co_construction',
    title: 'Atelier des Amandiers',
    description: '',
    startsAt: '2026-03-14T18:30',
    endsAt: '2026-03-14T20:30',
    venueName: 'Centre social des Amandiers',
    venueAddress: '',
    arrondissement: 20,
    inQpv: true,
    capacity: null,
    partners: [],
    facilitators: [],
  });
  const arrival = await must<{ attendance: { id: string } }>(web, 'attendance:walk-in', {
    workshopId: workshop.id,
    recordedBy: 'Awa Diallo',
    person: { name: 'Samira Benali', email: null, phone: null, citizenCardNumber: null },
    consents: [
      { purpose: 'contact', granted: false, textVersion: 'contact-2026-11' },
      { purpose: 'study', granted: true, textVersion: 'study-2026-11' },
    ],
    profile: {
      ageBracket: '26_40',
      residence: 'paris',
      residenceArrondissement: 20,
      residenceCommune: null,
      livesInQpv: 'yes',
      gender: null,
      occupationCategory: 'employed',
      firstParticipation: 'yes',
      neighbourhoodCouncilMember: 'no',
      associationMember: 'no',
      associationName: null,
    },
  });
  const proposal = await must<{ id: string }>(web, 'proposals:create', {
    workshopId: workshop.id,
    fields: {
      title: 'Des bancs à l’ombre',
      description: 'Des bancs et des arbres.',
      themeCode: 'cadre-de-vie',
      locationType: 'arrondissement',
      arrondissement: 20,
      addressLabel: '',
      addressId: null,
      point: { lon: 2.389, lat: 48.868 },
      inVeilleActive: false,
      estimatedCostEuros: 12500,
      runningCostsEuros: null,
      proposerType: 'people_present',
      proposerName: '',
      proposerAttendanceIds: [arrival.attendance.id],
      proposedBefore: 'no',
      accessibleToDisabled: 'unknown',
      photos: [],
    },
  });
  return [workshop.id, arrival.attendance.id, proposal.id];
}

function nested(levels: number, open = '[', close = ']'): string {
  return `{"title":${open.repeat(levels)}${close.repeat(levels)}}`;
}

function jpegBody(bytes: number): string {
  const jpeg = Buffer.alloc(bytes, 0x37);
  jpeg.set([0xff, 0xd8, 0xff, 0xe1]);
  return JSON.stringify({ mediaType: 'image/jpeg', base64: jpeg.toString('base64') });
}

export interface RawCase {
  label: string;
  send: (web: HostProcess) => Promise<Answer>;
  status: number;
  /** The error code expected; null: a success. */
  code: string | null;
}

export function rawCases(): RawCase[] {
  const list = rpcPath('workshops:list');
  const create = rpcPath('workshops:create');
  const cases: RawCase[] = [
    { label: 'bad JSON', send: (w) => json(w, list, '{"limit": 1,'), status: 400, code: 'validation' },
    { label: 'a __proto__ key', send: (w) => json(w, create, '{"__proto__": {"ok": true}, "title": "x"}'), status: 400, code: 'validation' },
    { label: 'an empty body', send: (w) => json(w, list, ''), status: 400, code: 'validation' },
    { label: 'a UTF-16 body that says so', send: (w) => json(w, list, Buffer.from('\ufeff{}', 'utf16le'), 'application/json; charset=utf-16'), status: 415, code: 'validation' },
    { label: 'a UTF-16 body that does not', send: (w) => json(w, list, Buffer.from('{"limit":5}', 'utf16le')), status: 400, code: 'validation' },
    { label: 'a body over 1 MB to an ordinary command', send: (w) => announced(w, create, MAX_REQUEST_BYTES + 1), status: 413, code: 'validation' },
    { label: 'a body over the photo limit', send: (w) => announced(w, rpcPath('attachments:add'), MAX_ATTACHMENT_REQUEST_BYTES + 1), status: 413, code: 'validation' },
    { label: 'a photo-sized body to an ordinary command', send: (w) => announced(w, rpcPath('proposals:create'), MAX_ATTACHMENT_REQUEST_BYTES), status: 413, code: 'validation' },
    { label: 'an unknown command', send: (w) => json(w, rpcPath('nope:nope'), '{}'), status: 200, code: 'unknown_command' },
    { label: 'a command name of 72 characters', send: (w) => json(w, `/rpc/${'a'.repeat(72)}`, '{}'), status: 200, code: 'unknown_command' },
    { label: 'a command name of 73 characters', send: (w) => json(w, `/rpc/${'a'.repeat(73)}`, '{}'), status: 404, code: 'unknown_command' },
    { label: 'a command name of 2,000 characters', send: (w) => json(w, `/rpc/workshops:${'x'.repeat(2_000)}`, '{}'), status: 404, code: 'unknown_command' },
    { label: 'a malformed escape in the name', send: (w) => json(w, '/rpc/%E0%A4%A', '{}'), status: 400, code: 'validation' },
    { label: 'input nested 3,500 levels deep', send: (w) => json(w, create, nested(3_500)), status: 400, code: 'validation' },
    { label: 'objects nested 3,500 levels deep', send: (w) => json(w, create, nested(3_500, '{"a":', '}')), status: 400, code: 'validation' },
    { label: 'a photo nested 3,500 levels deep', send: (w) => json(w, rpcPath('attachments:add'), nested(3_500)), status: 400, code: 'validation' },
    { label: 'a form post', send: (w) => json(w, create, 'title=x', 'application/x-www-form-urlencoded'), status: 415, code: 'validation' },
    { label: 'no session', send: (w) => post(false, w.port, list, { 'content-type': 'application/json' }, '{}'), status: 401, code: 'forbidden' },
    // The photo field's own address: a 4 MB phone photo is stored (a success is checked as ok).
    { label: 'a 4 MB photo at the address the renderer builds is stored', send: (w) => json(w, rpcPath('attachments:add'), jpegBody(4 * 1024 * 1024)), status: 200, code: null },
  ];
  return cases;
}

/**
 * A body announced larger than the limit: the first kilobyte is sent, then the answer read.
 * The host answers from the Content-Length and closes; a client that wrote all of it first
 * would meet the closed connection instead of the answer.
 */
function announced(web: HostProcess, path: string, bytes: number): Promise<Answer> {
  return new Promise((resolve) => {
    const socket = connect(web.port, '127.0.0.1');
    let text = '';
    socket.on('data', (c: Buffer) => (text += c.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const head = text.slice(0, text.indexOf('\r\n\r\n'));
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        contentType: /\r\ncontent-type: ([^\r]*)/i.exec(head)?.[1] ?? '',
        body: text.slice(head.length + 4),
      });
    });
    socket.on('connect', () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: ${web.host}\r\nCookie: ${web.cookie}\r\nContent-Type: application/json\r\nContent-Length: ${bytes}\r\n\r\n{"title":"${'a'.repeat(1000)}`);
    });
  });
}

/**
 * A client that announces a body and sends it a byte every half second; resolves when the
 * host closes the connection, with what it answered and when.
 */
export function slowBody(web: HostProcess, withSession: boolean): Promise<{ status: number; body: string; afterMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(web.port, '127.0.0.1');
    let text = '';
    let timer: NodeJS.Timeout | undefined;
    socket.on('data', (c: Buffer) => (text += c.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4), afterMs: Date.now() - started });
    });
    socket.on('connect', () => {
      const cookie = withSession ? `Cookie: ${web.cookie}\r\n` : '';
      socket.write(`POST ${rpcPath('workshops:create')} HTTP/1.1\r\nHost: ${web.host}\r\n${cookie}Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"title":"`);
      timer = setInterval(() => socket.write('a'), 500);
    });
  });
}
