import { pdfStringOverrides } from '../services/uiStrings/pdfStringOverrides';
import { writeFileAtomic } from '../services/writeFileAtomic';
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, shell, type IpcMainInvokeEvent } from 'electron';
import { openLibrary } from '../db/openLibrary';
import { LIBRARY_FILE_NAME } from '../db/defaultLibraryPath';
import { LibraryStore } from '../services/LibraryStore';
import { loadStarterLibrary } from '../../seeds/starterLibrary';
import { PackBuildService } from '../pdf/PackBuildService';
import { createApi } from '../api/createApi';
import { createTranslator } from '../../shared/locales/createTranslator';
import { isLocale } from '../../shared/domain/locales';
import { AppError } from '../../shared/errors/AppError';
import { createMainWindow } from './createMainWindow';
import { installSecurityHandlers } from './security';
import { buildMenu } from './buildMenu';

/**
 * The desktop shell, kept thin: open the library, start the build workers, answer the
 * renderer's API calls, show one hardened window. Everything else lives in services that the
 * CLI and browser mode share. Paths come from the bundle layout (out/main, out/preload).
 */
const appRoot = app.getAppPath();
const indexHtml = path.join(appRoot, 'out', 'renderer', 'index.html');
const appUrl = () => `file://${indexHtml}`;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  installSecurityHandlers(appUrl);
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const libraryPath = path.join(userData, LIBRARY_FILE_NAME);
  const library = await openLibrary(libraryPath, { create: true });
  const store = new LibraryStore(library.db);
  if (library.created) loadStarterLibrary(store, path.join(appRoot, 'seeds', 'starter-library.json'));
  const outputDir = path.join(userData, 'built-packs');
  fs.mkdirSync(outputDir, { recursive: true });
  const builds = new PackBuildService(2, new URL(`file://${path.join(appRoot, 'out', 'main', 'buildWorker.cjs')}`));
  builds.warm();
  let win: BrowserWindow | null = null;
  const api = createApi({
    store,
    libraryPath,
    builds,
    outputDir,
    mode: 'desktop',
    version: app.getVersion(),
    desktop: {
      async savePdf(file) {
        const options = { defaultPath: path.basename(file), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
        const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        if (choice.canceled || !choice.filePath) return null;
        fs.copyFileSync(file, choice.filePath);
        return choice.filePath;
      },
      async saveText(fileName, text, extension) {
        const options = { defaultPath: fileName, filters: [{ name: extension.toUpperCase(), extensions: [extension] }] };
        const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        if (choice.canceled || !choice.filePath) return null;
        writeFileAtomic(choice.filePath, text, { force: true }); // the dialog already asked about replacing
        return choice.filePath;
      },
      // shell.openPath answers '' on success; only our own built files are ever opened.
      openPdf: async (file) => (await shell.openPath(file)) === '',
    },
  });

  const lang = app.getLocale().slice(0, 2);
  const menuLocale = isLocale(lang) ? lang : 'en';
  // Translators' edits of the menu's strings (common:menu.*) apply from the next start.
  Menu.setApplicationMenu(buildMenu(createTranslator(menuLocale, pdfStringOverrides(store)[menuLocale])));

  win = createMainWindow({
    userData,
    indexHtml,
    preload: path.join(appRoot, 'out', 'preload', 'preload.cjs'),
  });
  ipcMain.handle('api', (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
    // Only our own page in our own window may call the API.
    if (!win || event.sender !== win.webContents || event.senderFrame?.url !== appUrl()) {
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
    void builds.close();
    library.close();
  });
}
