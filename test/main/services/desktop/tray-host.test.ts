import { describe, expect, it } from 'vitest';
import { TRAY_WATCHER, busNameHasOwner, linuxTrayHost } from '../../../../src/main/services/desktop/tray-host';

// The unit tests run in their own D-Bus session (e2e/support/keyring-session.sh) with
// gnome-keyring on it and no tray host: a real bus to ask.
const onBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);

describe.runIf(onBus)('asking the session bus whether something shows tray icons', () => {
  it('sees the names that are owned (the bus itself, the keyring) and not the tray watcher nobody runs', async () => {
    expect(await busNameHasOwner('org.freedesktop.DBus')).toBe(true);
    expect(await busNameHasOwner('org.freedesktop.secrets')).toBe(true);
    expect(await busNameHasOwner(TRAY_WATCHER)).toBe(false);
    expect(await linuxTrayHost()).toBe(false);
  });
});

describe('without a session bus', () => {
  it('answers "unknown", never "no tray"', async () => {
    const address = process.env.DBUS_SESSION_BUS_ADDRESS;
    process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/bus';
    try {
      expect(await busNameHasOwner(TRAY_WATCHER, 1000)).toBeNull();
    } finally {
      if (address === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
      else process.env.DBUS_SESSION_BUS_ADDRESS = address;
    }
  });
});
