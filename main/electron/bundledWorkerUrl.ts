import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The file URL of a worker bundled in out/main. Built by pathToFileURL, never by gluing
 * "file://" to a path: a space, an accent, a backslash or a `#` in the install folder must
 * reach the worker loader as the same file.
 */
export function bundledWorkerUrl(appRoot: string, name: string, windows = process.platform === 'win32'): URL {
  const paths = windows ? path.win32 : path.posix;
  return pathToFileURL(paths.join(appRoot, 'out', 'main', name), { windows });
}
