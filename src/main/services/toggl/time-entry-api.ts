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

  /**
   * The user's entries changed since `since` (UNIX seconds; deleted ones included), or started
   * from `start_date` until `end_date` (RFC 3339; Toggl refuses a start_date older than about
   * three months), or the recent ones.
   */
  listMine(
    query: { since?: number; start_date?: string; end_date?: string } = {},
    options: Signal = {},
  ): Promise<unknown> {
    const { since, start_date, end_date } = query;
    return this.http.request('GET', '/me/time_entries', { ...options, query: { since, start_date, end_date } });
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
