import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer } from '../../main/server/startServer';
import type { ApiRegistry } from '../../main/api/ApiRegistry';
import { createTranslator } from '../../shared/locales/createTranslator';
import { startTestApp, type TestApp } from '../helpers/server';
import { cli } from '../helpers/cli';

/**
 * `briefing serve` under hostile requests, sent as raw bytes (no client library would send most
 * of them). Each request of the corpus goes without and with the token; after each one the
 * server must still serve its page and answer an API call.
 */
let app: TestApp;
let port: number;
beforeAll(async () => {
  app = await startTestApp();
  port = Number(new URL(app.server.origin).port);
});
afterAll(async () => app.close());

interface RawAnswer {
  status: number | null;
  head: string;
  body: string;
}

/** Writes bytes to a fresh connection and reads until the server closes it (or `waitMs`). */
function raw(bytes: string | Buffer, options: { waitMs?: number; halfClose?: boolean; toPort?: number } = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(options.toPort ?? port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1];
      resolve({ status: status ? Number(status) : null, head, body: rest.join('\r\n\r\n') });
    };
    const timer = setTimeout(done, options.waitMs ?? 3000);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', done);
    socket.on('error', () => undefined);
    socket.write(bytes);
    if (options.halfClose) socket.end();
  });
}

const host = () => `127.0.0.1:${port}`;
const bearer = () => `Authorization: Bearer ${app.server.token}\r\n`;

/** A request line, headers (Host first unless given) and a body, with Connection: close. */
function request(line: string, headers: string[] = [], body = '', withToken = false): string {
  const all = [...(headers.some((h) => /^host:/i.test(h)) ? [] : [`Host: ${host()}`]), ...headers, 'Connection: close'];
  return `${line}\r\n${all.join('\r\n')}\r\n${withToken ? bearer() : ''}\r\n${body}`;
}

async function stillServes(after: string): Promise<void> {
  const page = await raw(request('GET / HTTP/1.1'));
  expect(page.status, `page after ${after}`).toBe(200);
  const body = '{}';
  const call = await raw(request('POST /api/app.info HTTP/1.1', ['Content-Type: application/json', `Content-Length: ${body.length}`], body, true));
  expect(call.status, `API after ${after}`).toBe(200);
  expect(JSON.parse(call.body)).toMatchObject({ ok: true, value: { version: 'test' } });
}

const json = (body: string) => `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}`;

/** name, the bytes, and the status expected without the token and with it. */
type Case = [name: string, build: (withToken: boolean) => string | Buffer, without: number | null, withToken: number | null];

const CORPUS: Case[] = [
  ['bad escape in a page path', (tok) => request('GET /% HTTP/1.1', [], '', tok), 400, 400],
  ['bad escape deeper', (tok) => request('GET /assets/%zz.js HTTP/1.1', [], '', tok), 400, 400],
  ['truncated UTF-8 escape', (tok) => request('GET /%E0%A4%A HTTP/1.1', [], '', tok), 400, 400],
  ['bad escape in a channel', (tok) => request('POST /api/% HTTP/1.1', json('{}').split('\r\n'), '{}', tok), 401, 400],
  ['bad escape in a download id', (tok) => request('GET /api/download/%E0 HTTP/1.1', [], '', tok), 401, 400],
  ['huge header', (tok) => request('GET / HTTP/1.1', [`X-Big: ${'a'.repeat(100_000)}`], '', tok), 431, 431],
  ['thousands of headers', (tok) => request('GET / HTTP/1.1', Array.from({ length: 3000 }, (_, i) => `X-H${i}: v`), '', tok), 431, 431],
  ['unknown method', (tok) => request('FOO / HTTP/1.1', [], '', tok), 400, 400],
  ['PUT on a page', (tok) => request('PUT /index.html HTTP/1.1', ['Content-Length: 0'], '', tok), 405, 405],
  ['DELETE on the API', (tok) => request('DELETE /api/app.info HTTP/1.1', [], '', tok), 401, 405],
  ['GET on a channel', (tok) => request('GET /api/app.info HTTP/1.1', [], '', tok), 401, 405],
  ['POST on a download', (tok) => request('POST /api/download/x/y.pdf HTTP/1.1', json('{}').split('\r\n'), '{}', tok), 401, 405],
  ['malformed JSON', (tok) => request('POST /api/app.info HTTP/1.1', json('{not json').split('\r\n'), '{not json', tok), 401, 400],
  ['JSON cut short', (tok) => request('POST /api/library.list HTTP/1.1', json('{"kind":"pri').split('\r\n'), '{"kind":"pri', tok), 401, 400],
  ['JSON null', (tok) => request('POST /api/library.list HTTP/1.1', json('null').split('\r\n'), 'null', tok), 401, 200],
  ['JSON 10,000 arrays deep', (tok) => {
    const body = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    return request('POST /api/app.info HTTP/1.1', json(body).split('\r\n'), body, tok);
  }, 401, 200],
  ['invalid UTF-8 in the body', (tok) => Buffer.concat([
    Buffer.from(request('POST /api/library.search HTTP/1.1', ['Content-Type: application/json', 'Content-Length: 32'], '', tok)),
    Buffer.from('{"query":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('","locale":"fr"}   '),
  ]), 401, 200],
  ['text/plain body', (tok) => request('POST /api/app.info HTTP/1.1', ['Content-Type: text/plain', 'Content-Length: 2'], '{}', tok), 401, 415],
  ['form body', (tok) => request('POST /api/app.info HTTP/1.1', ['Content-Type: application/x-www-form-urlencoded', 'Content-Length: 3'], 'a=1', tok), 401, 415],
  ['body without a type', (tok) => request('POST /api/app.info HTTP/1.1', ['Content-Length: 2'], '{}', tok), 401, 415],
  ['bad chunked encoding', (tok) => request('POST /api/app.info HTTP/1.1', ['Content-Type: application/json', 'Transfer-Encoding: chunked'], 'zz\r\n{}\r\n0\r\n\r\n', tok), 401, 400],
  ['length and chunked at once', (tok) => request('POST /api/app.info HTTP/1.1', ['Content-Type: application/json', 'Content-Length: 2', 'Transfer-Encoding: chunked'], '0\r\n\r\n', tok), 400, 400],
  ['traversal', (tok) => request('GET /../package.json HTTP/1.1', [], '', tok), 404, 404],
  ['encoded traversal', (tok) => request('GET /..%2f..%2fpackage.json HTTP/1.1', [], '', tok), 404, 404],
  ['backslash traversal', (tok) => request('GET /..%5c..%5cpackage.json HTTP/1.1', [], '', tok), 404, 404],
  ['absolute-form traversal', (tok) => request(`GET http://${host()}/../../etc/passwd HTTP/1.1`, [], '', tok), 404, 404],
  ['download traversal', (tok) => request('GET /api/download/..%2F..%2Flibrary.sqlite HTTP/1.1', [], '', tok), 401, 404],
  ['encoded NUL', (tok) => request('GET /index.html%00.js HTTP/1.1', [], '', tok), 404, 404],
  ['raw NUL in the path', (tok) => request('GET /\0 HTTP/1.1', [], '', tok), 400, 400],
  ['raw NUL in a header', (tok) => request('GET / HTTP/1.1', ['X-A: a\0b'], '', tok), 400, 400],
  ['unparseable absolute URL', (tok) => request('GET http://[/ HTTP/1.1', [], '', tok), 400, 400],
  ['no Host (HTTP/1.0)', (tok) => `GET / HTTP/1.0\r\n${tok ? bearer() : ''}\r\n`, 403, 403],
  ['foreign Host', (tok) => request('GET / HTTP/1.1', [`Host: evil.example:${port}`], '', tok), 403, 403],
  ['Origin null', (tok) => request('POST /api/app.info HTTP/1.1', ['Origin: null', ...json('{}').split('\r\n')], '{}', tok), 403, 403],
  ['unknown channel with NUL', (tok) => request('POST /api/app.info%00 HTTP/1.1', json('{}').split('\r\n'), '{}', tok), 401, 200],
  ['garbage bytes', () => Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03, 0x0d, 0x0a, 0x0d, 0x0a]), 400, 400],
];

describe('a corpus of malformed requests, without and with the token', () => {
  for (const [name, build, without, withToken] of CORPUS) {
    it(name, async () => {
      const plain = await raw(build(false));
      expect(plain.status, `${name}, no token`).toBe(without);
      const authorized = await raw(build(true));
      expect(authorized.status, `${name}, token`).toBe(withToken);
      // An answer is never a stack trace.
      expect(`${plain.body}${authorized.body}`).not.toMatch(/\bat .+:\d+:\d+|node:internal/);
      await stillServes(name);
    });
  }
});

describe('requests that never finish', () => {
  it('a body cut off by the client', async () => {
    const answer = await raw(request('POST /api/app.info HTTP/1.1', ['Content-Type: application/json', 'Content-Length: 1000'], '{"a":', true), { halfClose: true, waitMs: 1000 });
    expect(answer.status === null || answer.status === 400).toBe(true);
    await stillServes('a truncated body');
  });

  it('a body that stops arriving, and a connection dropped mid-request', async () => {
    const hanging = raw(request('POST /api/app.info HTTP/1.1', ['Content-Type: application/json', 'Content-Length: 1000'], '{"a":', true), { waitMs: 500 });
    const dropped = raw(`GET / HTTP/1.1\r\nHost: ${host()}\r\nX-Partial: `, { waitMs: 50 });
    await stillServes('a stalled body');
    await Promise.all([hanging, dropped]);
    await stillServes('dropped connections');
  });

  it('slowloris: fifty connections trickling their headers do not block anyone else', async () => {
    const sockets = await Promise.all(
      Array.from({ length: 50 }, () => new Promise<net.Socket>((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => resolve(s));
        s.on('error', () => undefined);
        s.write(`GET / HTTP/1.1\r\nHost: ${host()}\r\nX-Slow: `);
      })),
    );
    try {
      for (let i = 0; i < 3; i++) {
        for (const s of sockets) s.write('a');
        await stillServes('trickling connections');
      }
    } finally {
      for (const s of sockets) s.destroy();
    }
  });
});

describe('messages', () => {
  it('answers a malformed address in the browser’s language, and a call as a translatable code', async () => {
    const fr = await raw(request('GET /% HTTP/1.1', ['Accept-Language: de-CH, fr-CA;q=0.8, en;q=0.5']));
    expect(fr.status).toBe(400);
    expect(fr.body).toBe(createTranslator('fr')('errors:http.badAddress'));
    const api = await raw(request('POST /api/%zz HTTP/1.1', json('{}').split('\r\n'), '{}', true));
    expect(JSON.parse(api.body)).toEqual({ ok: false, error: { code: 'http.badAddress', params: {}, problems: [] } });
  });
});

describe('the page opened at http://localhost:PORT', () => {
  it('may call the API from its own origin; other origins stay refused', async () => {
    const body = '{}';
    const asLocalhost = await raw(request('POST /api/app.info HTTP/1.1', [`Host: localhost:${port}`, `Origin: http://localhost:${port}`, json(body)], body, true));
    expect(asLocalhost.status).toBe(200);
    expect(JSON.parse(asLocalhost.body).ok).toBe(true);
    const asIp = await raw(request('POST /api/app.info HTTP/1.1', [`Origin: http://127.0.0.1:${port}`, json(body)], body, true));
    expect(asIp.status).toBe(200);
    for (const [hostHeader, originHeader] of [
      [`127.0.0.1:${port}`, `http://localhost:${port}`],
      [`localhost:${port}`, `http://localhost:${port + 1}`],
      [`localhost:${port}`, `https://localhost:${port}`],
      [`localhost:${port}`, 'http://localhost'],
    ]) {
      const refused = await raw(request('POST /api/app.info HTTP/1.1', [`Host: ${hostHeader}`, `Origin: ${originHeader}`, json(body)], body, true));
      expect(refused.status, `${hostHeader} from ${originHeader}`).toBe(403);
    }
    const noToken = await raw(request('POST /api/app.info HTTP/1.1', [`Host: localhost:${port}`, `Origin: http://localhost:${port}`, json(body)], body));
    expect(noToken.status).toBe(401);
  });
});

describe('a failure while answering', () => {
  it('gets a 500 with a generic translated message, logged, with no detail or stack for the client', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = { invoke: () => Promise.reject(new Error('boom in /home/ana/secret/library.sqlite')) } as unknown as ApiRegistry;
    const server = await startServer({ api: broken, ctx: app.ctx, staticDir: app.ctx.outputDir });
    const brokenPort = Number(new URL(server.origin).port);
    try {
      const body = '{}';
      const call = (p = brokenPort) =>
        raw(`POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nAuthorization: Bearer ${server.token}\r\n${json(body)}\r\nConnection: close\r\n\r\n${body}`, { toPort: p });
      const answer = await call();
      expect(answer.status).toBe(500);
      expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'http.internalError', params: {}, problems: [] } });
      expect(answer.body).not.toContain('boom');
      expect(log).toHaveBeenCalled();
      expect(String(log.mock.calls[0]?.[0])).toContain('/api/app.info');
      expect((await call()).status).toBe(500); // and it keeps answering
    } finally {
      log.mockRestore();
      await server.close();
    }
  });
});

describe('starting the server', () => {
  it('names a port already in use, or not a port at all', async () => {
    await expect(startServer({ api: app.api, ctx: app.ctx, staticDir: app.ctx.outputDir, port })).rejects.toMatchObject({
      code: 'server.portInUse',
      params: { port },
    });
    await expect(startServer({ api: app.api, ctx: app.ctx, staticDir: app.ctx.outputDir, port: 70_000 })).rejects.toMatchObject({ code: 'server.badPort' });
    const usage = await cli(['serve', '--port', '80a']);
    expect(usage.code).toBe(2);
    expect(usage.stderr.trim()).toBe('"80a" is not a port number: use a whole number from 1 to 65535 (or 0 for any free port).');
  });
});
