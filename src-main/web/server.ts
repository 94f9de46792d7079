/**
 * The web host's HTTP server: the same commands as the Electron IPC relay, over HTTP on
 * 127.0.0.1, plus the built renderer and a server-sent event stream of core events.
 */
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { MAX_ATTACHMENT_REQUEST_BYTES, MAX_COMMAND_NAME, MAX_REQUEST_BYTES } from '../../src-shared/contract.js';
import { fail } from '../../src-shared/result.js';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security-policy.js';
import type { CoreClient } from '../core/core-client.js';
import { cookieName, isAllowedHost, isAllowedOrigin, tokensMatch } from './guards.js';
import { sessionLostPage } from './session-lost-page.js';

export interface WebServerOptions {
  core: Pick<CoreClient, 'invoke' | 'onEvent'>;
  token: string;
  rendererDir: string;
  /** Milliseconds between keep-alive comments on the event stream. */
  heartbeatMs?: number;
  /** A page was asked for without a valid session: the host prints its address again. */
  onSessionLost?: () => void;
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
} as const;

/** A page load of the app (the address bar, a reload): not a command, not the event stream. */
function wantsPage(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '/';
  if (path.startsWith('/rpc/') || path === '/events') return false;
  return (request.headers.accept ?? '').includes('text/html');
}

export async function buildWebServer({ core, token, rendererDir, heartbeatMs = 25_000, onSessionLost }: WebServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: MAX_REQUEST_BYTES, routerOptions: { maxParamLength: MAX_COMMAND_NAME + 8 } });
  await app.register(cookie);

  const portOf = () => {
    const address = app.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  };

  const deny = (reply: FastifyReply, status: number, code: 'forbidden', message: string) =>
    reply.code(status).header('cache-control', 'no-store').send(fail(code, message));

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const port = portOf();
    reply.headers(SECURITY_HEADERS);
    if (!isAllowedHost(request.headers.host, port)) return deny(reply, 421, 'forbidden', 'Unexpected Host header');
    if (!isAllowedOrigin(request.headers.origin, port)) return deny(reply, 403, 'forbidden', 'Cross-origin request refused');

    const name = cookieName(port);
    const query = request.query as Record<string, string | undefined>;
    const lost = () => {
      onSessionLost?.();
      return reply.code(401).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(sessionLostPage(port));
    };
    if (request.method === 'GET' && query.token !== undefined) {
      // An address printed by an earlier launch (the browser's history): the same page.
      if (!tokensMatch(query.token, token)) return wantsPage(request) ? lost() : deny(reply, 401, 'forbidden', 'Invalid launch token');
      // The token leaves the URL at once: it now lives in an HttpOnly cookie.
      reply.setCookie(name, token, { httpOnly: true, sameSite: 'strict', path: '/', secure: false });
      return reply.code(303).header('cache-control', 'no-store').redirect(request.url.split('?')[0] || '/');
    }
    if (!tokensMatch(request.cookies[name], token)) {
      // A person reloading a page (not the renderer calling a command) gets a page to read.
      if (request.method === 'GET' && wantsPage(request)) return lost();
      return deny(reply, 401, 'forbidden', 'Open the address the web host printed when it started');
    }
  });

  const relay = (name: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('cache-control', 'no-store');
    if (!request.headers['content-type']?.startsWith('application/json')) {
      return reply.code(415).send(fail('validation', 'Commands are sent as application/json'));
    }
    return core.invoke(name || (request.params as { name: string }).name, request.body);
  };
  app.post('/rpc/:name', relay(''));
  // Only this command may carry a photo (base64); every other one keeps the 1 MB limit.
  // `::` is a literal colon in a Fastify route; a static route wins over the parametric one.
  app.post('/rpc/attachments::add', { bodyLimit: MAX_ATTACHMENT_REQUEST_BYTES }, relay('attachments:add'));

  app.get('/events', (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = core.onEvent((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  await app.register(fastifyStatic, {
    root: rendererDir,
    index: 'index.html',
    setHeaders: (res, path) => {
      if (path.endsWith('.html')) res.header('cache-control', 'no-store');
    },
  });
  return app;
}
