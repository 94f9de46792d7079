/**
 * The web host's HTTP server: the same commands as the Electron IPC relay, over HTTP on
 * 127.0.0.1, plus the built renderer and a server-sent event stream of core events.
 *
 * It answers like every boundary of the app: a success, or `{ ok:false, error }` with a
 * 4xx for the client's mistakes (http-errors.ts); it reads only UTF-8 JSON of bounded size
 * and depth (json-body.ts); it admits only a browser holding a session (session.ts); and a
 * slow or idle client holds a connection for seconds, not minutes (WEB_HOST_LIMITS).
 */
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { MAX_ATTACHMENT_REQUEST_BYTES, MAX_COMMAND_NAME, MAX_REQUEST_BYTES, MAX_VIDEO_REQUEST_BYTES } from '#shared/contract.js';
import { fail } from '#shared/result.js';
import { SECURITY_HEADERS } from '#shared/security-policy.js';
import type { CoreClient } from '#core/core-client.js';
import { cookieName, isAllowedHost, isAllowedOrigin } from './guards.js';
import { answerClientError, failureOf, sendFailure, type HttpFailure } from './http-errors.js';
import { useJsonBodies } from './json-body.js';
import { sessionLostPage } from './session-lost-page.js';
import { createSessionGate, type SessionGate } from './session.js';

/**
 * How long a client may take, and how many may be connected. Everything arrives over loopback,
 * where an 11 MB photo takes milliseconds: these only cut clients that are slow on purpose.
 */
export const WEB_HOST_LIMITS = {
  /** Request line and headers. */
  headersTimeoutMs: 10_000,
  /** Headers and body together. */
  requestTimeoutMs: 20_000,
  /** A kept-alive connection with no request. */
  keepAliveTimeoutMs: 10_000,
  /** A connection with no traffic at all (the event stream writes a heartbeat well within it). */
  idleTimeoutMs: 60_000,
  /** Connections at once; a browser opens at most 6 per address, plus one event stream per tab. */
  maxConnections: 32,
};
export type WebHostLimits = typeof WEB_HOST_LIMITS;

export interface WebServerOptions {
  core: Pick<CoreClient, 'invoke' | 'onEvent'>;
  /** The first launch token (printed by the host); spent by the first browser that opens it. */
  token: string;
  rendererDir: string;
  /** Called with the next launch token once one is spent, for the host to print. */
  onLaunchTokenSpent?: (next: string) => void;
  /** Milliseconds between keep-alive comments on the event stream. */
  heartbeatMs?: number;
  /** Tests shorten these. */
  limits?: Partial<WebHostLimits>;
  /** A page was asked for without a valid session: the host prints its address again. */
  onSessionLost?: () => void;
}

/**
 * The renderer writes `/rpc/${encodeURIComponent(name)}`, so a colon arrives as `%3A`; the
 * router compares paths as sent. The command segment is decoded here, before routing, so that
 * `attachments:add` reaches its own route (and its larger body limit) however it is spelt.
 */
export function normaliseRpcUrl(url: string): string {
  const match = /^\/rpc\/([^/?#]*)(.*)$/s.exec(url);
  if (!match || !match[1]!.includes('%')) return url;
  try {
    const name = decodeURIComponent(match[1]!);
    return /^[A-Za-z0-9:_-]+$/.test(name) ? `/rpc/${name}${match[2]}` : url;
  } catch {
    return url; // malformed escapes: the router answers « malformed address »
  }
}

/** A page load of the app (the address bar, a reload): not a command, not the event stream. */
function wantsPage(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '/';
  if (path.startsWith('/rpc/') || path === '/events') return false;
  return (request.headers.accept ?? '').includes('text/html');
}

/** Where a refused page or command goes back to: only a path of this host, never `//elsewhere`. */
const localPath = (url: string) => `/${(url.split('?')[0] ?? '').replace(/^[/\\]+/, '')}`;

export async function buildWebServer(options: WebServerOptions): Promise<FastifyInstance> {
  const { core, rendererDir, heartbeatMs = 25_000 } = options;
  const limits = { ...WEB_HOST_LIMITS, ...options.limits };
  const app = Fastify({
    logger: false,
    forceCloseConnections: true,
    bodyLimit: MAX_REQUEST_BYTES,
    routerOptions: { maxParamLength: MAX_COMMAND_NAME + 8 },
    rewriteUrl: (req: IncomingMessage) => normaliseRpcUrl(req.url ?? '/'),
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionTimeout: limits.idleTimeoutMs,
    // Node checks the two timeouts above on this interval (30 s by default).
    http: { headersTimeout: limits.headersTimeoutMs, connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs) },
    clientErrorHandler: answerClientError,
    // Raised before any hook runs (a malformed address, a command name too long to be one).
    frameworkErrors: (error, _request, reply) => void sendFailure(reply.headers(SECURITY_HEADERS).header('connection', 'close'), failureOf(error)),
  });
  app.server.maxConnections = limits.maxConnections;
  await app.register(cookie);
  useJsonBodies(app);

  const gate: SessionGate = createSessionGate({ launchToken: options.token, onLaunchTokenSpent: options.onLaunchTokenSpent });
  const portOf = () => {
    const address = app.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  };

  /** The one place a request is turned away (the host, origin and session checks below). */
  const refuse = (reply: FastifyReply, failure: HttpFailure) => sendFailure(reply, failure);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const port = portOf();
    reply.headers(SECURITY_HEADERS);
    if (!isAllowedHost(request.headers.host, port)) return refuse(reply, { status: 421, code: 'forbidden', message: 'Unexpected Host header' });
    if (!isAllowedOrigin(request.headers.origin, port)) return refuse(reply, { status: 403, code: 'forbidden', message: 'Cross-origin request refused' });

    const name = cookieName(port);
    const hasSession = gate.isSession(request.cookies[name]);
    const launchToken = (request.query as Record<string, unknown>).token;
    // A person reloading a page (not the renderer calling a command) gets a page to read, in
    // French and English, saying the one step back; commands and the event stream get JSON.
    const lost = () => {
      options.onSessionLost?.();
      return reply.code(401).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(sessionLostPage(port));
    };
    if (request.method === 'GET' && launchToken !== undefined) {
      // The token leaves the address at once. A browser that already has a session (a reload
      // of the printed address) keeps it; otherwise the token is spent for a new session.
      if (!hasSession) {
        const session = gate.exchange(launchToken);
        if (!session && wantsPage(request)) return lost();
        if (!session) return refuse(reply, { status: 401, code: 'forbidden', message: 'This address was already used or is not the one printed: use the newest address the web host printed' });
        reply.setCookie(name, session, { httpOnly: true, sameSite: 'strict', path: '/', secure: false });
      }
      return reply.code(303).header('cache-control', 'no-store').redirect(localPath(request.url));
    }
    if (!hasSession && request.method === 'GET' && wantsPage(request)) return lost();
    if (!hasSession) return refuse(reply, { status: 401, code: 'forbidden', message: 'Open the address the web host printed when it started' });
  });

  // A refused request may still be sending its body: close its connection rather than read it.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode >= 400) reply.header('connection', 'close');
    return payload;
  });

  app.setErrorHandler((error, _request, reply) => sendFailure(reply.header('connection', 'close'), failureOf(error)));
  app.setNotFoundHandler((request, reply) =>
    sendFailure(reply, request.url.startsWith('/rpc/') ? { status: 404, code: 'unknown_command', message: 'Unknown command' } : { status: 404, code: 'not_found', message: 'Not found' }),
  );

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
  // A prototype's short video (La Transfo's practical cases): only this command carries one.
  app.post('/rpc/transfoCases::add-video', { bodyLimit: MAX_VIDEO_REQUEST_BYTES }, relay('transfoCases:add-video'));

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
    // Source maps would hand the whole source to anyone who can reach the port; not served.
    allowedPath: (pathName) => !pathName.toLowerCase().endsWith('.map'),
    setHeaders: (res, path) => {
      if (path.endsWith('.html')) res.header('cache-control', 'no-store');
    },
  });
  return app;
}
