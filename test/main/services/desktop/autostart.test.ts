import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AUTOSTART_FILE_NAME,
  XdgAutostart,
  autostartFolder,
  quoteExecArgument,
} from '../../../../src/main/services/desktop/autostart';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-autostart-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

const installed = '/opt/Toggl Tray/toggl-tray';

describe('launch at login on Linux (XDG autostart)', () => {
  it('writes ~/.config/autostart/toggl-tray.desktop that starts the installed app, and reads its state back', async () => {
    const autostart = new XdgAutostart({ env: {}, execPath: installed, home });
    expect(autostart.file).toBe(path.join(home, '.config', 'autostart', AUTOSTART_FILE_NAME));
    expect(autostart.isEnabled()).toBe(false);

    autostart.set(true);
    expect(autostart.isEnabled()).toBe(true);
    const entry = await readFile(autostart.file, 'utf8');
    expect(entry.split('\n')).toEqual(
      expect.arrayContaining([
        '[Desktop Entry]',
        'Type=Application',
        'Name=Toggl Tray',
        'Exec="/opt/Toggl Tray/toggl-tray"',
        'X-GNOME-Autostart-enabled=true',
      ]),
    );
    expect((await stat(autostart.file)).mode & 0o777).toBe(0o644);

    autostart.set(false);
    expect(autostart.isEnabled()).toBe(false);
    await expect(stat(autostart.file)).rejects.toThrow(/ENOENT/);
    // Off twice is still off, not an error.
    autostart.set(false);
  });

  it('uses $XDG_CONFIG_HOME when it is an absolute path, as the spec says', () => {
    expect(autostartFolder({ env: { XDG_CONFIG_HOME: '/xdg/config' }, home })).toBe('/xdg/config/autostart');
    expect(autostartFolder({ env: { XDG_CONFIG_HOME: 'relative/config' }, home })).toBe(
      path.join(home, '.config', 'autostart'),
    );
  });

  it('run from an AppImage, starts the AppImage ($APPIMAGE), not the executable in its temporary mount', async () => {
    const env = { APPIMAGE: '/home/ana/Apps/Toggl Tray-0.2.0.AppImage', XDG_CONFIG_HOME: path.join(home, 'cfg') };
    const autostart = new XdgAutostart({ env, execPath: '/tmp/.mount_TogglTabc/toggl-tray', home });
    autostart.set(true);
    expect(await readFile(path.join(home, 'cfg', 'autostart', AUTOSTART_FILE_NAME), 'utf8')).toContain(
      'Exec="/home/ana/Apps/Toggl Tray-0.2.0.AppImage"\n',
    );
  });

  it('points an existing entry at the AppImage where it runs now (moved or updated); leaves it off when off', async () => {
    const before = new XdgAutostart({ env: { APPIMAGE: '/home/ana/Old.AppImage' }, execPath: installed, home });
    before.set(true);
    const after = new XdgAutostart({ env: { APPIMAGE: '/home/ana/Apps/New.AppImage' }, execPath: installed, home });
    after.refresh();
    expect(await readFile(after.file, 'utf8')).toContain('Exec="/home/ana/Apps/New.AppImage"');
    after.set(false);
    after.refresh();
    expect(after.isEnabled()).toBe(false);
  });

  it('counts an entry the desktop switched off (Hidden=true, as GNOME Tweaks writes) as off', async () => {
    const autostart = new XdgAutostart({ env: {}, execPath: installed, home });
    autostart.set(true);
    await writeFile(autostart.file, `${await readFile(autostart.file, 'utf8')}Hidden=true\n`);
    expect(autostart.isEnabled()).toBe(false);
  });

  it('quotes the Exec path per the Desktop Entry spec: quotes, backticks, dollars, backslashes and percents', () => {
    expect(quoteExecArgument('/opt/a b/app')).toBe('"/opt/a b/app"');
    expect(quoteExecArgument('/x/$HOME`"')).toBe('"/x/\\\\$HOME\\\\`\\\\""');
    // A literal backslash takes four (string escape, then quoting); a literal % takes two.
    expect(quoteExecArgument('/x\\y')).toBe('"/x\\\\\\\\y"');
    expect(quoteExecArgument('/100%/app')).toBe('"/100%%/app"');
  });
});
