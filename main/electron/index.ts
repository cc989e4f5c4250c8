import { pdfStringOverrides } from '../services/uiStrings/pdfStringOverrides';
import { writeFileAtomic } from '../services/writeFileAtomic';
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, shell, type IpcMainInvokeEvent } from 'electron';
import { openLibrary } from '../db/openLibrary';
import { LIBRARY_FILE_NAME } from '../db/defaultLibraryPath';
import { sweepBuildLeftovers } from '../pdf/writeOutputs';
import { LibraryStore } from '../services/LibraryStore';
import { loadStarterLibrary } from '../services/loadStarterLibrary';
import { PackBuildService } from '../pdf/PackBuildService';
import { ImportParser } from '../services/importWorker/ImportParser';
import { createApi } from '../api/createApi';
import { createTranslator, type Translate } from '../../shared/locales/createTranslator';
import { isLocale, type Locale } from '../../shared/domain/locales';
import { AppError } from '../../shared/errors/AppError';
import { createMainWindow } from './createMainWindow';
import { SyncCredentialVault } from './syncCredentialVault';
import { credentialsFromEnv } from '../services/sync/syncCredentials';
import { installSecurityHandlers } from './security';
import { buildMenu } from './buildMenu';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, isAppPage, serveAppRequest } from './appProtocol';
import { openLibraryOrAsk } from './libraryOpenFailure';
import { bundledWorkerUrl } from './bundledWorkerUrl';
import { startBackupSchedule } from '../services/backups/backupSchedule';
import { lastGoodBackup } from '../services/backups/lastGoodBackup';
import { replaceDamagedLibrary } from '../services/backups/replaceDamagedLibrary';

/**
 * The desktop shell, kept thin: open the library, start the build workers, answer the
 * renderer's API calls, show one hardened window. Everything else lives in services that the
 * CLI and browser mode share. Paths come from the bundle layout (out/main, out/preload).
 */
const appRoot = app.getAppPath();
const rendererDir = path.join(appRoot, 'out', 'renderer');

// Before the app is ready, or Chromium does not give the scheme an origin of its own.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

function interfaceLocale(): Locale {
  const lang = app.getLocale().slice(0, 2);
  return isLocale(lang) ? lang : 'en';
}

/** Anything that stops the start after the library opened: said in words, then quit. */
function startFailed(t: Translate, error: unknown): void {
  console.error('[desktop] start failed', error);
  const detail = error instanceof AppError ? t(`errors:${error.code}`, error.params) : ((error as Error)?.message ?? String(error));
  dialog.showErrorBox(t('common:desktopStart.title'), t('common:desktopStart.startFailed', { detail }));
  app.quit();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  installSecurityHandlers(isAppPage);
  void app.whenReady().then(async () => {
    const t = createTranslator(interfaceLocale());
    try {
      protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, rendererDir));
      await start(t);
    } catch (error) {
      startFailed(t, error);
    }
  });
}

async function start(t: Translate): Promise<void> {
  const userData = app.getPath('userData');
  const libraryPath = path.join(userData, LIBRARY_FILE_NAME);
  const library = await openLibraryOrAsk(libraryPath, {
    open: (file) => openLibrary(file, { create: true }),
    dialog,
    showFile: (file) => shell.showItemInFolder(file),
    lastBackup: async (file) => (await lastGoodBackup(file)).good?.name ?? null,
    restoreBackup: (file, backup) => replaceDamagedLibrary(file, backup),
    t,
  });
  if (!library) {
    app.quit();
    return;
  }
  const store = new LibraryStore(library.db);
  if (library.created) loadStarterLibrary(store, path.join(appRoot, 'seeds', 'starter-library.json'));
  const outputDir = path.join(userData, 'built-packs');
  fs.mkdirSync(outputDir, { recursive: true });
  // Builds killed with the app (power cut, kill -9) leave temporary files: finished or removed.
  for (const entry of fs.readdirSync(outputDir, { withFileTypes: true })) {
    if (entry.isDirectory()) sweepBuildLeftovers(path.join(outputDir, entry.name));
  }
  const builds = new PackBuildService(2, bundledWorkerUrl(appRoot, 'buildWorker.cjs'));
  builds.warm();
  const imports = new ImportParser({ workerEntry: bundledWorkerUrl(appRoot, 'importWorker.cjs') });
  let win: BrowserWindow | null = null;
  const backups = startBackupSchedule({ db: () => store.db, libraryPath });
  const api = createApi({
    store,
    libraryPath,
    builds,
    imports,
    outputDir,
    mode: 'desktop',
    version: app.getVersion(),
    sync: {
      credentials: new SyncCredentialVault(safeStorage, path.join(app.getPath('userData'), 'sync-credentials.bin'), credentialsFromEnv(process.env)),
      office: process.env.BRIEFING_OFFICE,
    },
    desktop: {
      async savePdf(file) {
        const options = { defaultPath: path.basename(file), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
        const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        if (choice.canceled || !choice.filePath) return null;
        writeFileAtomic(choice.filePath, fs.readFileSync(file), { force: true }); // the dialog already asked about replacing
        return choice.filePath;
      },
      async saveText(fileName, text, extension) {
        const options = { defaultPath: fileName, filters: [{ name: extension.toUpperCase(), extensions: [extension] }] };
        const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        if (choice.canceled || !choice.filePath) return null;
        writeFileAtomic(choice.filePath, text, { force: true });
        return choice.filePath;
      },
      async chooseLibraryCopy(defaultName) {
        const options = { defaultPath: defaultName, filters: [{ name: 'SQLite', extensions: ['sqlite'] }] };
        const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        return choice.canceled || !choice.filePath ? null : choice.filePath;
      },
      // shell.openPath answers '' on success; only our own built files are ever opened.
      openPdf: async (file) => (await shell.openPath(file)) === '',
    },
  });

  // Translators' edits of the menu's strings (common:menu.*) apply from the next start.
  const locale = interfaceLocale();
  Menu.setApplicationMenu(buildMenu(createTranslator(locale, pdfStringOverrides(store)[locale])));

  win = createMainWindow({
    userData,
    url: APP_INDEX_URL,
    preload: path.join(appRoot, 'out', 'preload', 'preload.cjs'),
  });
  ipcMain.handle('api', (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
    // Only our own page, in the top frame of our own window, may call the API.
    const frame = event.senderFrame;
    if (!win || event.sender !== win.webContents || !frame || frame.parent !== null || !isAppPage(frame.url)) {
      const error = new AppError('api.forbiddenOrigin');
      return { ok: false, error: { code: error.code, params: error.params, problems: [] } };
    }
    return api.invoke(channel, input);
  });
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    backups.stop();
    void builds.close();
    void imports.close();
    library.close();
  });
}
