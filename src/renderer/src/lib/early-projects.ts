import type { Api } from '../../../preload/api';
import type { DataView } from '../../../shared/entities';
import type { IpcResult } from '../../../shared/ipc-result';

let early: Promise<IpcResult<DataView>> | undefined;

/**
 * Asks for the cached projects as the page starts, alongside "who is signed in", so the first
 * rows wait on one answer rather than two in a row.
 */
export function askForProjectsEarly(api: Api): void {
  early ??= api.invoke('data.view', { tasks: false });
}

/** That early answer, once; undefined when there was none (or it was taken). */
export function takeEarlyProjects(): Promise<IpcResult<DataView>> | undefined {
  const taken = early;
  early = undefined;
  return taken;
}
