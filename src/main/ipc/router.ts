import type { z } from 'zod';
import { isChannel, type Channel, type RequestOf, type ResponseOf } from '../../shared/contract';
import { fail, ok, type IpcResult } from '../../shared/ipc-result';
import { UserFacingError } from '../services/errors';
import { TogglApiError } from '../services/toggl/errors';
import { VaultError } from '../services/vault/vault';
import type { Logger } from '../services/logger';

/** One handler per channel: a missing one is a compile error where the map is built. */
export type Handlers = {
  [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

/** One runtime schema per channel, checked against the contract's request type. */
export type Schemas = { [C in Channel]: z.ZodType<RequestOf<C>> };

export interface IpcRouterOptions<Sender> {
  handlers: Handlers;
  schemas: Schemas;
  /** True only for the app's own window (Electron) or an authenticated socket (web). */
  isTrustedSender: (sender: Sender) => boolean;
  log: Logger;
}

export interface IpcRouter<Sender> {
  /**
   * The one entry point for every call from a renderer, whatever the transport: checks the
   * sender, validates the arguments, runs the handler, and answers with a result. It never
   * throws and never leaks an internal error's text.
   */
  handle: (channel: unknown, request: unknown, sender: Sender) => Promise<IpcResult<unknown>>;
}

function failWith(error: UserFacingError): IpcResult<never> {
  const { code, message, togglKind, confirm } = error;
  return { ok: false, error: { code, message, ...(togglKind && { togglKind }), ...(confirm && { confirm }) } };
}

export function createIpcRouter<Sender>(options: IpcRouterOptions<Sender>): IpcRouter<Sender> {
  const { handlers, schemas, isTrustedSender, log } = options;

  return {
    handle: async (channel, request, sender) => {
      if (!isTrustedSender(sender)) {
        log.warn('ipc: refused a call from a foreign sender', { channel: String(channel) });
        return fail('forbidden-sender', 'This call did not come from the Toggl Tray window.');
      }
      if (!isChannel(channel)) {
        return fail('unknown-channel', `There is no IPC channel named "${String(channel)}".`);
      }
      const parsed = schemas[channel].safeParse(request);
      if (!parsed.success) {
        const details = parsed.error.issues.map(
          (issue) => `${issue.path.length ? issue.path.join('.') : '(request)'}: ${issue.message}`,
        );
        return fail('invalid-arguments', `The request for "${channel}" is not valid.`, details);
      }
      try {
        const handler = handlers[channel] as (request: unknown) => unknown;
        return ok(await handler(parsed.data));
      } catch (error) {
        if (error instanceof UserFacingError) return failWith(error);
        if (error instanceof TogglApiError) return failWith(new UserFacingError('toggl', error.message, error.kind));
        if (error instanceof VaultError) return fail('keychain', error.message);
        log.error(`ipc: "${channel}" failed`, { error });
        return fail('internal', 'Something went wrong inside Toggl Tray. The log has the details.');
      }
    },
  };
}
