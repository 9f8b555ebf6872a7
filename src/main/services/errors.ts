import type { IpcErrorCode } from '../../shared/ipc-result';

/**
 * An error whose message is written for the user. Services throw it; the IPC router passes
 * its code and message through unchanged. Any other error is reported as `internal`.
 */
export class UserFacingError extends Error {
  constructor(
    readonly code: Exclude<IpcErrorCode, 'internal'>,
    message: string,
    /** With code "toggl": which kind of Toggl answer it was. */
    readonly togglKind?: string,
    /** What the user can agree to for the call to go ahead. */
    readonly confirm?: 'discard-pending',
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
