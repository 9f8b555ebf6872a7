import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

// No Electron binary can be downloaded here, so `npm run dist` runs in CI elsewhere; this
// checks its configuration with electron-builder's own loader and schema instead.
const load = () => getConfig(process.cwd(), null, null);

describe('the electron-builder configuration (package.json "build")', () => {
  it('passes electron-builder’s own schema check, which does catch a misspelt option', async () => {
    const config = await load();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, nsis: { ...config.nsis, perMachin: false } } as never, new DebugLogger(false)),
    ).rejects.toThrow(/does not match the API schema/);
  });

  it('builds AppImage and deb, universal dmg and zip, and a per-user nsis installer', async () => {
    const config = await load();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual([
      { target: 'dmg', arch: ['universal'] },
      { target: 'zip', arch: ['universal'] },
    ]);
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    // Installed by the user for the user: no admin rights asked.
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false });
    // A tray app: no Dock icon on macOS.
    expect(config.mac?.extendInfo).toMatchObject({ LSUIElement: true });
    expect(config.fileAssociations).toBeUndefined();
  });

  it('packs only the build and the icons into an asar, with keytar rebuilt for Electron', async () => {
    const config = await load();
    expect(config.asar).toBe(true);
    // electron-builder adds the production dependencies (never devDependencies) itself.
    expect(config.files).toEqual([
      {
        filter: [
          'out/**/*',
          'resources/**/*',
          '!resources/generate-icons.mjs',
          '!resources/installer.nsh',
          'package.json',
        ],
      },
    ]);
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    for (const platform of [config.linux, config.mac, config.win]) expect(platform?.icon).toBe('resources/icon.png');
  });

  it('flips the fuses Electron’s checklist asks for', async () => {
    const { electronFuses } = await load();
    expect(electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('publishes to the project’s GitHub releases, where the updater looks', async () => {
    const config = await load();
    expect(config.publish).toEqual([
      { provider: 'github', owner: 'toggl-tray', repo: 'toggl-tray', releaseType: 'release' },
    ]);
  });

  it('Linux packages that start: the .deb with its AppArmor profile and libsecret, the AppImage sandboxed where it can be', async () => {
    const config = await load();
    // The AppImage's static runtime (toolset 1.0.x): its AppRun adds --no-sandbox only when user
    // namespaces are refused (Ubuntu 24.04+'s AppArmor), so Chromium's sandbox stays on elsewhere;
    // the legacy toolset puts --no-sandbox in every launcher. No libfuse2 needed either.
    expect(config.toolsets?.appimage).toBe('1.0.3');
    expect(config.linux?.executableArgs).toBeUndefined();
    expect(config.appImage?.executableArgs).toBeUndefined();
    // The .deb keeps electron-builder's own dependencies (libsecret for the keychain) and the
    // AppArmor profile that lets Chromium's sandbox run on Ubuntu 24.04+.
    expect(config.deb?.depends).toBeUndefined();
    expect(config.deb?.appArmorProfile).toBeUndefined();
    const { default: FpmTarget } = await import('app-builder-lib/out/targets/FpmTarget');
    const depends = (
      FpmTarget.prototype as unknown as { getDefaultDepends(target: string): string[] }
    ).getDefaultDepends('deb');
    expect(depends).toContain('libsecret-1-0');
  });

  it('registers toggl-tray:// links: Info.plist and the .desktop file from protocols, the Registry from installer.nsh', async () => {
    const config = await load();
    // electron-builder turns these into CFBundleURLTypes (macOS) and MimeType=x-scheme-handler/toggl-tray (Linux).
    expect(config.protocols).toEqual([{ name: 'Toggl Tray link', schemes: ['toggl-tray'] }]);
    // Its NSIS installer registers no scheme: our include writes the keys setAsDefaultProtocolClient does.
    expect(config.nsis).toMatchObject({ include: 'resources/installer.nsh' });
    const { readFile } = await import('node:fs/promises');
    const script = await readFile('resources/installer.nsh', 'utf8');
    expect(script).toContain('WriteRegStr SHCTX "Software\\Classes\\toggl-tray" "URL Protocol" ""');
    expect(script).toContain(
      'WriteRegStr SHCTX "Software\\Classes\\toggl-tray\\shell\\open\\command" "" \'"$INSTDIR\\${APP_EXECUTABLE_FILENAME}" "%1"\'',
    );
    expect(script).toMatch(/!macro customUnInstall[\s\S]*DeleteRegKey SHCTX "Software\\Classes\\toggl-tray"/);
  });

  it('names the Linux desktop entry Electron uses (desktopName) as electron-builder installs it', async () => {
    const config = await load();
    const { readFile } = await import('node:fs/promises');
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { desktopName?: string };
    // Electron sets CHROME_DESKTOP (setAsDefaultProtocolClient's .desktop file) and the window's
    // WM_CLASS / Wayland app_id from it; electron-builder installs <executableName>.desktop and
    // writes StartupWMClass from it (else from productName, "Toggl Tray", which matches nothing).
    expect(pkg.desktopName).toBe(`${config.linux?.executableName}.desktop`);
  });
});
