import { expect } from 'vitest';
import { TogglApiError } from '../../src/main/services/toggl/errors';

/** Awaits a call that must fail with a TogglApiError, and hands the error back (tests). */
export async function togglFailure(promise: Promise<unknown>): Promise<TogglApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TogglApiError);
  return error as TogglApiError;
}
