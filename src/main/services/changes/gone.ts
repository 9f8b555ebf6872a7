import { TogglApiError } from '../toggl/errors';

/**
 * Toggl no longer has it: a 404, or the 400 "Invalid project_id" its OpenAPI document lists
 * for a delete of a project that is gone.
 */
export function isGone(error: unknown): boolean {
  if (!(error instanceof TogglApiError)) return false;
  return (
    error.kind === 'not-found' || (error.kind === 'invalid' && /^invalid \w*_?id$/i.test(error.serverMessage ?? ''))
  );
}

/** A delete of what Toggl no longer has is done, not failed. */
export async function ignoreNotFound(call: () => Promise<void>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (!isGone(error)) throw error;
  }
}
