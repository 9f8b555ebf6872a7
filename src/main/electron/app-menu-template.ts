import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuFacts {
  platform: NodeJS.Platform;
  /** A packaged (release) build: no reload, no developer tools. */
  packaged: boolean;
}

/**
 * The application menu, or null for none. Electron's default menu carries Close (Ctrl/Cmd+W),
 * Reload and the developer tools, live in a frameless window on Windows and Linux too. macOS
 * needs an app menu and Edit for copy and paste to reach the fields; Windows and Linux edit
 * text without a menu. Development builds keep View for reload and the developer tools.
 */
export function appMenuTemplate({ platform, packaged }: AppMenuFacts): MenuItemConstructorOptions[] | null {
  const development: MenuItemConstructorOptions[] = packaged
    ? []
    : [{ label: 'Development', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] }];
  if (platform !== 'darwin') return development.length > 0 ? development : null;
  return [
    {
      role: 'appMenu',
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'quit' }],
    },
    {
      role: 'editMenu',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    ...development,
  ];
}
