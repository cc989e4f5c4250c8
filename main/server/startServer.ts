import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { AppError, type ErrorParams } from '../../shared/errors/AppError';
import { LIMITS } from '../../shared/schemas/common';
import type { ApiResult } from '../../shared/api/apiContract';
import type { ApiRegistry } from '../api/ApiRegistry';
import { downloadPath } from '../api/packsApi';
import type { ApiContext } from '../api/ApiContext';

const HOST = '127.0.0.1';
/** The largest import file, plus room for its escaping inside a JSON request. */
const MAX_BODY = LIMITS.importFileBytes + 8 * 1024 * 1024;
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
  "connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

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
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function refusal(code: string, params: ErrorParams = {}): ApiResult<never> {
  const error = new AppError(code, params);
  return { ok: false, error: { code: error.code, params: error.params, problems: [] } };
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

/**
 * Browser mode: the renderer and the API on 127.0.0.1 only. The API answers only requests that
 * carry this launch's secret token, come from this origin (or none, for non-browser clients
 * holding the token) and name this host (no DNS rebinding).
 */
export async function startServer(options: {
  api: ApiRegistry;
  ctx: ApiContext;
  staticDir: string;
  port?: number;
  token?: string;
}): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let origin = '';
  const allowedHosts = new Set<string>();
  const server = http.createServer(async (req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (!allowedHosts.has(req.headers.host ?? '')) {
      sendJson(res, 403, refusal('api.forbiddenOrigin'));
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      const requestOrigin = req.headers.origin;
      if (requestOrigin !== undefined && requestOrigin !== origin) {
        sendJson(res, 403, refusal('api.forbiddenOrigin'));
        return;
      }
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!sameToken(bearer, token)) {
        sendJson(res, 401, refusal('api.unauthorized'));
        return;
      }
      if (req.method === 'GET' && url.pathname.startsWith('/api/download/')) {
        try {
          const file = downloadPath(options.ctx, decodeURIComponent(url.pathname.slice('/api/download/'.length)));
          res.writeHead(200, {
            'Content-Type': 'application/pdf',
            'Content-Disposition': `attachment; filename="${path.basename(file)}"`,
            'Cache-Control': 'no-store',
          });
          fs.createReadStream(file).pipe(res);
        } catch (error) {
          sendJson(res, 404, { ok: false, error: { code: (error as AppError).code ?? 'unexpected', params: (error as AppError).params ?? {}, problems: [] } });
        }
        return;
      }
      if (req.method !== 'POST') {
        sendJson(res, 405, refusal('api.unknownChannel'));
        return;
      }
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body ? JSON.parse(body) : {};
      } catch (error) {
        if (error instanceof AppError) sendJson(res, 413, refusal(error.code, error.params));
        else sendJson(res, 400, refusal('api.invalidInput'));
        return;
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      sendJson(res, 200, await options.api.invoke(channel, input));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(options.staticDir, relative);
    if (!file.startsWith(options.staticDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-cache',
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
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
