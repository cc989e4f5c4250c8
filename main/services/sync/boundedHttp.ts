import http from 'node:http';
import https from 'node:https';
import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';

const MAX_REDIRECTS = 5;

/**
 * isomorphic-git's HTTP client with a bound on silence: a remote that accepts the connection and
 * then says nothing for `timeoutMs` (a hung server, a captive portal) ends the sync with ETIMEDOUT
 * instead of waiting for ever. Redirects are followed for reads (GET), as git does.
 */
export function boundedHttp(timeoutMs: number): HttpClient {
  return {
    async request({ url, method = 'GET', headers = {}, body }: GitHttpRequest): Promise<GitHttpResponse> {
      const chunks: Buffer[] = [];
      if (body) for await (const chunk of body) chunks.push(Buffer.from(chunk));
      const payload = Buffer.concat(chunks);
      let target = url;
      for (let hop = 0; ; hop++) {
        const res = await send(target, method, headers, payload, timeoutMs);
        const location = res.headers.location;
        if (method === 'GET' && location && [301, 302, 303, 307, 308].includes(res.statusCode ?? 0) && hop < MAX_REDIRECTS) {
          res.resume();
          target = new URL(location, target).toString();
          continue;
        }
        const flat: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
        return { url: target, method, statusCode: res.statusCode ?? 0, statusMessage: res.statusMessage ?? '', headers: flat, body: res[Symbol.asyncIterator]() as AsyncIterableIterator<Uint8Array> };
      }
    },
  };
}

function send(url: string, method: string, headers: Record<string, string>, payload: Buffer, timeoutMs: number): Promise<http.IncomingMessage> {
  const u = new URL(url);
  const client = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(u, { method, headers, timeout: timeoutMs }, resolve);
    req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer in ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(payload.length > 0 ? payload : undefined);
  });
}
