/**
 * Whether this start makes itself the OS's handler of `toggl-tray://` links, and with which
 * arguments to `app.setAsDefaultProtocolClient`. Pure: the Electron shell only calls it.
 */
export type LinkRegistration =
  /** `via`: the executable and arguments the OS starts with a link; null: this app's own executable, alone. */
  { register: true; via: { executable: string; args: string[] } | null } | { register: false; reason: string };

export interface LinkRegistrationFacts {
  platform: NodeJS.Platform;
  packaged: boolean;
  testHooks: boolean;
  /** process.execPath: the app's own executable, or Electron's in a checkout. */
  execPath: string;
  /** The app folder Electron was started on in a checkout (`electron .`), absolute. */
  appPath: string;
}

export function linkRegistration(facts: LinkRegistrationFacts): LinkRegistration {
  // e2e runs would make the test machine's browser hand links to a build that is gone next run.
  if (facts.testHooks) return { register: false, reason: 'test hooks are on: the machine’s own handler stays' };
  // The installers register too; at each start the app keeps the entry on its own executable
  // (an AppImage moved, an update in a new folder).
  if (facts.packaged) return { register: true, via: null };
  switch (facts.platform) {
    case 'win32':
      // A checkout's start is Electron's executable plus the app folder: the OS must start both.
      return { register: true, via: { executable: facts.execPath, args: [facts.appPath] } };
    case 'darwin':
      return {
        register: false,
        reason: 'macOS hands a scheme only to an app whose Info.plist names it (a packaged one)',
      };
    default:
      return {
        register: false,
        reason: 'Linux hands a scheme to an installed .desktop file (the .deb’s), not to a checkout',
      };
  }
}
