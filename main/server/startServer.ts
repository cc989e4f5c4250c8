import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { AppError, isAppError, type ErrorParams } from '../../shared/errors/AppError';
import { LIMITS } from '../../shared/schemas/common';
import type { ApiResult } from '../../shared/api/apiContract';
import type { ApiRegistry } from '../api/ApiRegistry';
import { downloadPath } from '../api/packsApi';
import type { ApiContext } from '../api/ApiContext';
import { RENDERER_CSP, contentTypeOf, staticFileFor } from './staticContent';
import { translatorFor } from './requestLocale';

const HOST = '127.0.0.1';
/** The largest import file, plus room for its escaping inside a JSON request. */
const MAX_BODY = LIMITS.importFileBytes + 8 * 1024 * 1024;
/**
 * A client that trickles its headers (slowloris) holds a socket for at most this long; a
 * whole request, a 32 MB import included, has minutes, which a local upload never needs.
 */
const HEADERS_TIMEOUT_MS = 30_000;
const REQUEST_TIMEOUT_MS = 120_000;

export interface RunningServer {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

function refusal(code: string, params: ErrorParams = {}): ApiResult<never> {
  const error = new AppError(code, params);
  return { ok: false, error: { code: error.code, params: error.params, problems: [] } };
}

/** For the page's own files: a short message in the language the browser asks for. */
function sendText(req: http.IncomingMessage, res: http.ServerResponse, status: number, code: string): void {
  const text = translatorFor(req.headers['accept-language'])(`errors:${code}`);
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : text);
}

/** One percent-decoding that answers null, not an exception, for a malformed escape (`/%`). */
function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        // Keep reading without keeping, so the client gets the answer rather than a reset.
        chunks.length = 0;
        reject(new AppError('api.requestTooLarge', { limit: Math.round(LIMITS.importFileBytes / 1024 / 1024) }));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Streams a file, or answers `fallback` if it cannot be opened (gone since it was checked). */
function sendFile(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  file: string,
  headers: http.OutgoingHttpHeaders,
  fallback: () => void,
): void {
  const stream = fs.createReadStream(file);
  stream.once('open', () => {
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      stream.destroy();
      res.end();
    } else stream.pipe(res);
  });
  stream.once('error', (error) => {
    if (!res.headersSent) fallback();
    else {
      console.error(`[server] reading ${file} failed`, error);
      res.destroy();
    }
  });
  res.once('close', () => stream.destroy());
}

function isJson(contentType: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType ?? '');
}

/**
 * Browser mode: the renderer and the API on 127.0.0.1 only. The API answers only requests that
 * carry this launch's secret token, come from the page's own origin (or none, for non-browser
 * clients holding the token) and name this host (no DNS rebinding). No request can stop the
 * server: malformed ones get 400, and any failure while answering gets a 500 with a generic
 * message (the details go to the log, never to the client).
 */
export async function startServer(options: {
  api: ApiRegistry;
  ctx: ApiContext;
  staticDir: string;
  port?: number;
  token?: string;
}): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const staticDir = path.resolve(options.staticDir);
  let origin = '';
  const allowedHosts = new Set<string>();

  async function answerApi(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, host: string): Promise<void> {
    // The page is ours at whichever of our host names the user opened (127.0.0.1 or localhost).
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== `http://${host}`) {
      sendJson(res, 403, refusal('api.forbiddenOrigin'));
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!sameToken(bearer, token)) {
      sendJson(res, 401, refusal('api.unauthorized'));
      return;
    }
    const rest = decoded(pathname.slice('/api/'.length));
    if (rest === null) {
      sendJson(res, 400, refusal('http.badAddress'));
      return;
    }
    if (pathname.startsWith('/api/download/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendJson(res, 405, refusal('http.methodNotAllowed', { method: req.method ?? '', allowed: 'GET' }));
        return;
      }
      const id = rest.slice('download/'.length);
      let file: string;
      try {
        file = downloadPath(options.ctx, id);
      } catch (error) {
        if (!isAppError(error)) throw error;
        sendJson(res, 404, refusal(error.code, error.params));
        return;
      }
      const headers = {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${path.basename(file).replace(/[^\w.-]/g, '_')}"`,
        'Cache-Control': 'no-store',
      };
      sendFile(req, res, file, headers, () => sendJson(res, 404, refusal('api.unknownDownload', { id })));
      return;
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, refusal('http.methodNotAllowed', { method: req.method ?? '', allowed: 'POST' }));
      return;
    }
    if (req.headers['content-length'] !== '0' && !isJson(req.headers['content-type'])) {
      sendJson(res, 415, refusal('http.notJson'));
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body ? JSON.parse(body) : {};
    } catch (error) {
      if (isAppError(error)) sendJson(res, 413, refusal(error.code, error.params));
      else sendJson(res, 400, refusal('http.malformedJson'));
      return;
    }
    sendJson(res, 200, await options.api.invoke(rest, input));
  }

  function answerStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(req, res, 405, 'http.methodNotAllowedPage');
      return;
    }
    if (decoded(pathname) === null) {
      sendText(req, res, 400, 'http.badAddress');
      return;
    }
    const file = staticFileFor(pathname, staticDir);
    const notFound = () => sendText(req, res, 404, 'http.notFound');
    if (!file) {
      notFound();
      return;
    }
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) {
        notFound();
        return;
      }
      const headers = { 'Content-Type': contentTypeOf(file), 'Content-Security-Policy': RENDERER_CSP, 'Cache-Control': 'no-cache' };
      sendFile(req, res, file, headers, notFound);
    });
  }

  async function answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host)) {
      sendJson(res, 403, refusal('api.forbiddenOrigin'));
      return;
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', origin).pathname;
    } catch {
      sendJson(res, 400, refusal('http.badAddress'));
      return;
    }
    if (pathname.startsWith('/api/')) await answerApi(req, res, pathname, host);
    else answerStatic(req, res, pathname);
  }

  const server = http.createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      console.error(`[server] ${req.method} ${String(req.url).slice(0, 200)} failed`, error);
      if (res.headersSent) res.destroy();
      else if ((req.url ?? '').startsWith('/api/')) sendJson(res, 500, refusal('http.internalError'));
      else sendText(req, res, 500, 'http.internalError');
    });
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  // Node answers what it cannot parse (bad method, header too large, NUL in the request line)
  // with a bare 400 or 431 and closes that one connection; nothing else is affected.
  const wanted = options.port ?? 0;
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) throw new AppError('server.badPort', { port: String(wanted) });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new AppError('server.portInUse', { port: wanted }, [], { cause: error }));
      else if (error.code === 'EACCES') reject(new AppError('server.portForbidden', { port: wanted }, [], { cause: error }));
      else reject(error);
    });
    server.listen(wanted, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${HOST}:${port}`;
  allowedHosts.add(`${HOST}:${port}`).add(`localhost:${port}`);
  return {
    origin,
    token,
    url: `${origin}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
