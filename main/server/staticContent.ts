import path from 'node:path';

/**
 * The renderer's Content-Security-Policy, sent with every page of it in browser mode and in the
 * desktop app alike (index.html repeats it as a meta tag; frame-ancestors works only as a header).
 */
export const RENDERER_CSP =
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
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Module scripts load only with a JavaScript type, so the type never depends on the platform. */
export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` that a URL path names (percent-encoded, as it arrives), or null when
 * it is malformed or would leave `root`: each segment is decoded once and may hold no
 * separator, NUL, drive or stream colon (Windows), nor be `.` or `..`. `paths` is the platform's
 * path module, injectable so Windows rules are tested everywhere.
 */
export function staticFileFor(urlPath: string, root: string, paths: path.PlatformPath = path): string | null {
  const segments: string[] = [];
  for (const raw of urlPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return null;
    if (paths.sep === '\\' && segment.includes(':')) return null;
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');
  const file = paths.join(root, ...segments);
  const relative = paths.relative(root, file);
  if (relative === '' || relative.startsWith('..') || paths.isAbsolute(relative)) return null;
  return file;
}
