import type { Signal } from './api-support';
import type { TogglHttp } from './http';
import type { TogglTimeEntryBody } from './time-entry-mapping';

/**
 * The timer's endpoints. Answers are left `unknown`: time-entry-mapping.ts reads them. Reads
 * under /me count against the 30-an-hour user quota and writes against the organization's:
 * nothing here is ever polled (toggl-api-notes.md).
 */
export class TogglTimeEntryApi {
  constructor(private readonly http: TogglHttp) {}

  /** The user's entries changed since `since` (UNIX seconds; deleted ones included), or the recent ones. */
  listMine(query: { since?: number } = {}, options: Signal = {}): Promise<unknown> {
    return this.http.request('GET', '/me/time_entries', { ...options, query: { since: query.since } });
  }

  /** The running entry, or null (Toggl answers 200 with `null`). Never polled: for a look before a resend. */
  current(options: Signal = {}): Promise<unknown> {
    return this.http.request('GET', '/me/time_entries/current', options);
  }

  /** One of the user's entries (a /me request: only for a stop made offline, before it is sent). */
  get(entryId: number, options: Signal = {}): Promise<unknown> {
    return this.http.request('GET', `/me/time_entries/${entryId}`, options);
  }

  /** Stops a running entry at Toggl's own now; 409 "Time entry already stopped" when it was. */
  stop(workspaceId: number, entryId: number, options: Signal = {}): Promise<unknown> {
    return this.http.request('PATCH', `/workspaces/${workspaceId}/time_entries/${entryId}/stop`, options);
  }

  create(workspaceId: number, body: TogglTimeEntryBody, options: Signal = {}): Promise<unknown> {
    return this.http.request('POST', `/workspaces/${workspaceId}/time_entries`, { ...options, body });
  }

  /** PUT: a stop made offline goes as this, with the time it was made. */
  update(
    workspaceId: number,
    entryId: number,
    body: Partial<TogglTimeEntryBody>,
    options: Signal = {},
  ): Promise<unknown> {
    return this.http.request('PUT', `/workspaces/${workspaceId}/time_entries/${entryId}`, { ...options, body });
  }

  async remove(workspaceId: number, entryId: number, options: Signal = {}): Promise<void> {
    await this.http.request('DELETE', `/workspaces/${workspaceId}/time_entries/${entryId}`, options);
  }
}
