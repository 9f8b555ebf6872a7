import { TogglApiError } from '../toggl/errors';

/** A delete of what Toggl no longer has is done, not failed. */
export async function ignoreNotFound(call: () => Promise<void>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (!(error instanceof TogglApiError && error.kind === 'not-found')) throw error;
  }
}
