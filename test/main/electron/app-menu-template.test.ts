import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../src/main/electron/app-menu-template';

const roles = (items: MenuItemConstructorOptions[] | null): unknown[] =>
  (items ?? []).flatMap((item) => [
    item.role ?? item.label,
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);

describe('the application menu', () => {
  it('a release build on Windows and Linux has none: no Close, Reload or developer tools behind a key', () => {
    expect(appMenuTemplate({ platform: 'win32', packaged: true })).toBeNull();
    expect(appMenuTemplate({ platform: 'linux', packaged: true })).toBeNull();
  });

  it('a release build on macOS has the app menu and Edit (copy and paste in the fields), and nothing that closes or reloads', () => {
    const menu = roles(appMenuTemplate({ platform: 'darwin', packaged: true }));
    expect(menu).toEqual(expect.arrayContaining(['appMenu', 'quit', 'editMenu', 'copy', 'paste', 'selectAll', 'undo']));
    for (const absent of ['close', 'reload', 'forceReload', 'toggleDevTools', 'windowMenu', 'fileMenu', 'viewMenu']) {
      expect(menu).not.toContain(absent);
    }
  });

  it('a development build keeps reload and the developer tools', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const menu = roles(appMenuTemplate({ platform, packaged: false }));
      expect(menu).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
      expect(menu).not.toContain('close');
    }
  });
});
