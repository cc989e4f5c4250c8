import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A real git server for tests: Debian's `git http-backend` (CGI, from `git --exec-path`) behind a
 * small HTTP server on 127.0.0.1, over a bare repository in a temp folder — what a parliament's IT
 * would run, minus the TLS. Pushes are allowed without credentials (http.receivepack), unless
 * `credentials` is given: then a request without that Basic user and password gets 401.
 */
export interface GitServer {
  /** `http://127.0.0.1:PORT/library.git` */
  url: string;
  /** The bare repository on disk, to look at what was pushed. */
  bareDir: string;
  /** Stops answering (connections refused from now on), as a server that went down. */
  stop(): Promise<void>;
  /** Runs git in the bare repository (to read what the server holds). */
  git(...args: string[]): string;
}

/** Why the git server cannot run here, or null when it can. */
export function gitServerUnavailable(): string | null {
  try {
    const exec = execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim();
    if (!fs.existsSync(path.join(exec, 'git-http-backend'))) return `git-http-backend not found in ${exec}`;
    return null;
  } catch {
    return 'git is not installed (the sync tests need `git http-backend`)';
  }
}

/** The reason printed once when the suite skips, so a skip never passes for a pass. */
export function skipReasonGitServer(): string | null {
  const reason = gitServerUnavailable();
  if (reason) console.warn(`[sync tests skipped] ${reason}`);
  return reason;
}

export async function startGitServer(options: { credentials?: { user: string; password: string } } = {}): Promise<GitServer> {
  const reason = gitServerUnavailable();
  if (reason) throw new Error(reason);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-git-'));
  const bareDir = path.join(root, 'library.git');
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', bareDir]);
  execFileSync('git', ['-C', bareDir, 'config', 'http.receivepack', 'true']);
  const backend = path.join(execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim(), 'git-http-backend');
  const expected = options.credentials
    ? `Basic ${Buffer.from(`${options.credentials.user}:${options.credentials.password}`).toString('base64')}`
    : null;

  const server = http.createServer((req, res) => {
    if (expected && req.headers.authorization !== expected) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="library"' });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const cgi = spawn(backend, [], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        CONTENT_LENGTH: req.headers['content-length'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        HTTP_GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_USER: expected ? options.credentials!.user : '',
        REMOTE_ADDR: '127.0.0.1',
        SERVER_PROTOCOL: 'HTTP/1.1',
        GATEWAY_INTERFACE: 'CGI/1.1',
      },
    });
    req.pipe(cgi.stdin);
    cgi.stderr.on('data', () => {});
    // CGI output: headers, a blank line, then the body.
    let head = Buffer.alloc(0);
    let headerDone = false;
    cgi.stdout.on('data', (chunk: Buffer) => {
      if (headerDone) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      const endLf = head.indexOf('\n\n');
      const at = end >= 0 ? end : endLf;
      if (at < 0) return;
      const sep = end >= 0 ? 4 : 2;
      const lines = head.subarray(0, at).toString('latin1').split(/\r?\n/);
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else headers[name] = value;
      }
      res.writeHead(status, headers);
      headerDone = true;
      const body = head.subarray(at + sep);
      if (body.length > 0) res.write(body);
    });
    cgi.on('close', () => {
      if (!headerDone) res.writeHead(502);
      res.end();
    });
    cgi.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let stopped = false;
  return {
    url: `http://127.0.0.1:${port}/library.git`,
    bareDir,
    git: (...args) => execFileSync('git', ['-C', bareDir, ...args], { encoding: 'utf8' }),
    async stop() {
      if (stopped) return;
      stopped = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
