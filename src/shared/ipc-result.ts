/** What every IPC call answers: a value, or a typed error. Calls never throw across IPC. */

export type IpcErrorCode =
  /** The caller is not the app's own window. */
  | 'forbidden-sender'
  /** The channel is not in the contract. */
  | 'unknown-channel'
  /** The request does not match the channel's schema. */
  | 'invalid-arguments'
  /** The shell cannot do this (e.g. a link that is not http or https). */
  | 'refused'
  /** Toggl answered with an error or could not be reached; `togglKind` says which. */
  | 'toggl'
  /** The OS keychain is missing or refused. */
  | 'keychain'
  /** The renderer lost its connection to main (browser shell). */
  | 'transport'
  /** A bug on our side; details are in main's log, never in the message. */
  | 'internal';

export interface IpcError {
  code: IpcErrorCode;
  /** A sentence a user can read. */
  message: string;
  /** Specifics for developers, e.g. which argument failed validation. */
  details?: string[];
  /** With code "toggl": signed-out, offline, quota, invalid, … */
  togglKind?: string;
  /** The call can go ahead if the user agrees to this: the UI asks and calls again with it set. */
  confirm?: 'discard-pending';
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function fail(code: IpcErrorCode, message: string, details?: string[]): IpcResult<never> {
  return details ? { ok: false, error: { code, message, details } } : { ok: false, error: { code, message } };
}
