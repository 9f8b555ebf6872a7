import type { ShellKind } from '../../shared/contract';
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
}

/** Every channel's handler. Later domains add their own factory and spread it in here. */
export function createHandlers({ shell, apiUrl }: HandlerContext): Handlers {
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
  };
}
