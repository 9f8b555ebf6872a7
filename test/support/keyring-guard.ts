/**
 * Tests that write to the keychain must not touch the developer's own: on Linux they run
 * inside e2e/support/keyring-session.sh (a private D-Bus session and keyring). This stops a
 * test run that bypassed it, with the command to use instead.
 */
export function assertPrivateKeyring(): void {
  if (process.platform === 'linux' && !process.env.TOGGL_TRAY_KEYRING_SESSION) {
    throw new Error(
      'Keychain tests run against a private keyring: start them with "npm run test:unit" (or wrap the command in ' +
        '"sh e2e/support/keyring-session.sh"), not bare vitest.',
    );
  }
}
