import type { Api } from '../../../preload/api';
import type { FirstScreen } from '../../../shared/first-screen';
import type { IpcResult } from '../../../shared/ipc-result';

let early: Promise<IpcResult<FirstScreen>> | undefined;

/** Rows of the list that fit the window's height (rows are about 2rem), and a screen more. */
export function firstScreenRows(height = globalThis.innerHeight): number {
  const fit = Number.isFinite(height) && height > 0 ? Math.ceil(height / 28) : 24;
  return Math.min(200, fit * 2);
}

/** The first answer's question: the window's own collator order, and how many rows it shows. */
export const firstScreenRequest = () => ({
  locale: new Intl.Collator().resolvedOptions().locale,
  rows: firstScreenRows(),
});

/**
 * Asks for the list's first screen as the page starts, alongside "who is signed in", so the
 * first rows wait on one small answer rather than two in a row.
 */
export function askForProjectsEarly(api: Api): void {
  early ??= api.invoke('data.first', firstScreenRequest());
}

/** That early answer, once; undefined when there was none (or it was taken). */
export function takeEarlyProjects(): Promise<IpcResult<FirstScreen>> | undefined {
  const taken = early;
  early = undefined;
  return taken;
}
