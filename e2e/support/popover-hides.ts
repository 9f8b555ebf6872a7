import { expect } from '@playwright/test';
import type { TrayTestHooks } from '../../src/main/electron/test-hooks';
import type { AppUnderTest } from './app-under-test';

type HooksGlobal = typeof globalThis & { togglTrayTestHooks: TrayTestHooks };

/** The desktop page's bridge (the preload's window.api), as far as this file calls it. */
interface PageApi {
  invoke(channel: 'app.info'): Promise<unknown>;
}

/** A message the browser shell's page sent over its socket: an IPC call. */
const channelOf = (payload: string): string | undefined => {
  try {
    return (JSON.parse(payload) as { channel?: string }).channel;
  } catch {
    return undefined;
  }
};

/**
 * Watches, from now on, whether the page asked main to hide the popover (Escape with nothing
 * else to close). The answer counts every call the page made before it was asked, so "no"
 * means none was made, not none has arrived yet.
 *
 * Desktop: the popover window is hidden (its test hook; the e2e popover is one, not a normal
 * window that Escape would minimize). Browser shell (nothing to hide): a `popover.hide`
 * message on the page's socket, read through the DevTools protocol.
 */
export async function watchPopoverHidden(app: AppUnderTest): Promise<() => Promise<boolean>> {
  const { page, electron } = app;
  if (electron) {
    return async () => {
      // Calls reach main in order: once this one is answered, every earlier one was handled.
      await page.evaluate(() => (window as unknown as { api: PageApi }).api.invoke('app.info'));
      return !(await electron.evaluate(() => (globalThis as HooksGlobal).togglTrayTestHooks.popoverVisible()));
    };
  }
  const channels: (string | undefined)[] = [];
  const devtools = await page.context().newCDPSession(page);
  devtools.on('Network.webSocketFrameSent', ({ response }) => channels.push(channelOf(response.payloadData)));
  await devtools.send('Network.enable');
  return async () => {
    const from = channels.length;
    // A message the page sends after every earlier one: "shown again" (sync.opened), which asks
    // main for nothing but a refresh of a list older than five minutes.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect.poll(() => channels.slice(from).includes('sync.opened')).toBe(true);
    return channels.includes('popover.hide');
  };
}
