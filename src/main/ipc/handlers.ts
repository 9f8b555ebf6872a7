import type { ShellKind } from '../../shared/contract';
import type { AppServices } from '../services/app-services';
import { appIdentity } from '../services/app-identity';
import { parseExternalUrl } from '../services/external-url';
import type { Handlers } from './router';

/** What a shell (Electron or the browser shell) does for the handlers. */
export interface ShellPort {
  kind: ShellKind;
  hidePopover(): void;
  /** Opens a checked http(s) URL; false when the shell leaves it to the page. */
  openExternal(url: URL): Promise<boolean>;
}

export interface HandlerContext {
  shell: ShellPort;
  apiUrl: string;
  services: Pick<AppServices, 'session'>;
}

/** Every channel's handler; each one only unpacks its request and calls a service. */
export function createHandlers({ shell, apiUrl, services }: HandlerContext): Handlers {
  const { session } = services;
  return {
    'app.info': () => ({
      name: appIdentity.name,
      version: appIdentity.version,
      platform: process.platform,
      shell: shell.kind,
      apiUrl,
    }),
    'popover.hide': () => {
      shell.hidePopover();
      return undefined;
    },
    'shell.openExternal': async ({ url }) => ({ opened: await shell.openExternal(parseExternalUrl(url)) }),
    'session.get': () => session.current(),
    'session.signInWithToken': ({ token }) => session.signInWithToken(token),
    'session.signInWithPassword': ({ email, password }) => session.signInWithPassword(email, password),
    'session.signOut': ({ discardPending }) => session.signOut(discardPending),
    'session.verify': () => session.verify(),
  };
}
