import type { Logger } from '../services/logger';
import { createHandlers, type HandlerContext } from './handlers';
import { createIpcRouter, type IpcRouter } from './router';
import { schemas } from './schemas';

export interface AppRouterOptions<Sender> extends HandlerContext {
  isTrustedSender: (sender: Sender) => boolean;
  log: Logger;
}

/** The app's router, the same for both shells: only the sender check and shell port differ. */
export function createAppRouter<Sender>(options: AppRouterOptions<Sender>): IpcRouter<Sender> {
  const { isTrustedSender, log, ...context } = options;
  return createIpcRouter({ handlers: createHandlers(context), schemas, isTrustedSender, log });
}
