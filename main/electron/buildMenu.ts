import { Menu, app, type MenuItemConstructorOptions } from 'electron';
import type { Translate } from '../../shared/locales/createTranslator';

/**
 * The native menu in the interface language. The Edit menu uses Electron's roles so copy,
 * paste and undo work in text fields (on macOS they only work through the menu).
 */
export function buildMenu(t: Translate): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ label: app.name, submenu: [{ role: 'about' as const }, { type: 'separator' as const }, { role: 'quit' as const, label: t('common:menu.quit') }] }] : []),
    { label: t('common:menu.file'), submenu: [isMac ? { role: 'close', label: t('common:menu.close') } : { role: 'quit', label: t('common:menu.quit') }] },
    {
      label: t('common:menu.edit'),
      submenu: [
        { role: 'undo', label: t('common:menu.undo') },
        { role: 'redo', label: t('common:menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('common:menu.cut') },
        { role: 'copy', label: t('common:menu.copy') },
        { role: 'paste', label: t('common:menu.paste') },
        { role: 'selectAll', label: t('common:menu.selectAll') },
      ],
    },
    {
      label: t('common:menu.view'),
      submenu: [
        { role: 'resetZoom', label: t('common:menu.resetZoom') },
        { role: 'zoomIn', label: t('common:menu.zoomIn') },
        { role: 'zoomOut', label: t('common:menu.zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('common:menu.fullScreen') },
      ],
    },
    { label: t('common:menu.window'), role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
