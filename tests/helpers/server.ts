import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary, type OpenedLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { loadStarterLibrary } from '../../main/services/loadStarterLibrary';
import { PackBuildService } from '../../main/pdf/PackBuildService';
import { ImportParser } from '../../main/services/importWorker/ImportParser';
import { createApi } from '../../main/api/createApi';
import type { ApiContext } from '../../main/api/ApiContext';
import type { ApiRegistry } from '../../main/api/ApiRegistry';
import type { ApiResult } from '../../shared/api/apiContract';
import { startServer, type RunningServer } from '../../main/server/startServer';
import { ensureRendererBuilt } from '../../main/server/ensureRendererBuilt';

export interface TestApp {
  library: OpenedLibrary;
  ctx: ApiContext;
  api: ApiRegistry;
  server: RunningServer;
  close(): Promise<void>;
}

/** Browser mode on a fresh starter library in a temp folder, as `briefing serve` runs it. */
export async function startTestApp(options: { buildRenderer?: boolean } = {}): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-app-'));
  const library = await openLibrary(path.join(dir, 'library.sqlite'), { create: true });
  const store = new LibraryStore(library.db);
  loadStarterLibrary(store);
  const outputDir = path.join(dir, 'built');
  fs.mkdirSync(outputDir);
  const ctx: ApiContext = {
    store,
    libraryPath: library.path,
    builds: new PackBuildService(2),
    imports: new ImportParser(),
    outputDir,
    mode: 'browser',
    version: 'test',
  };
  const api = createApi(ctx);
  const staticDir = options.buildRenderer ? await ensureRendererBuilt() : path.join(dir, 'static');
  if (!options.buildRenderer) {
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>test</title>');
  }
  const server = await startServer({ api, ctx, staticDir });
  return {
    library,
    ctx,
    api,
    server,
    async close() {
      await server.close();
      await ctx.builds.close();
      await ctx.imports.close();
      library.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** POST /api/<channel> with the session's token, as the page does; the parsed result. */
export async function postApi<T = unknown>(server: RunningServer, channel: string, input: unknown): Promise<ApiResult<T>> {
  const response = await fetch(`${server.origin}/api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return (await response.json()) as ApiResult<T>;
}
