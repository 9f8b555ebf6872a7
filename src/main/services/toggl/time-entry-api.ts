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

  /** One of the user's entries (a /me request: a stop looks before it is sent). */
  get(entryId: number, options: Signal = {}): Promise<unknown> {
    return this.http.request('GET', `/me/time_entries/${entryId}`, options);
  }

  create(workspaceId: number, body: TogglTimeEntryBody, options: Signal = {}): Promise<unknown> {
    return this.http.request('POST', `/workspaces/${workspaceId}/time_entries`, { ...options, body });
  }

  /** PUT: a stop goes as this, with the time it was made. */
  update(
    workspaceId: number,
    entryId: number,
    body: Partial<TogglTimeEntryBody>,
    options: Signal = {},
  ): Promise<unknown> {
    return this.http.request('PUT', `/workspaces/${workspaceId}/time_entries/${entryId}`, { ...options, body });
  }
}
