import { BrowserWindow, screen } from 'electron';
import { loadWindowState, saveWindowState } from './windowState';

/** The one window: sandboxed, isolated, no Node, the renderer's own CSP, state remembered. */
export function createMainWindow(options: { userData: string; url: string; preload: string }): BrowserWindow {
  const state = loadWindowState(options.userData);
  const visible = screen
    .getAllDisplays()
    .some((d) => state.x !== undefined && state.y !== undefined && state.x >= d.bounds.x && state.y >= d.bounds.y &&
      state.x < d.bounds.x + d.bounds.width && state.y < d.bounds.y + d.bounds.height);
  const win = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(visible ? { x: state.x, y: state.y } : {}),
    show: false,
    title: 'Briefing Pack Builder',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const bounds = win.getNormalBounds();
    saveWindowState(options.userData, { ...bounds, maximized: win.isMaximized() });
  });
  void win.loadURL(options.url);
  return win;
}
