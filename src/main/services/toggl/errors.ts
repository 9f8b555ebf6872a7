/** What went wrong talking to Toggl, each with a message a user can act on. */
export type TogglErrorKind =
  | 'signed-out'
  | 'forbidden'
  | 'not-found'
  | 'invalid'
  | 'quota'
  /** 402 for a feature the workspace's plan lacks: that one request fails, the rest go on. */
  | 'plan'
  | 'rate-limited'
  | 'server'
  | 'offline'
  | 'connection-lost'
  | 'timeout'
  | 'aborted'
  | 'unexpected';

/** Kinds worth trying again later (the request did not take, or may not have). */
const TRANSIENT: ReadonlySet<TogglErrorKind> = new Set([
  'rate-limited',
  'server',
  'offline',
  'connection-lost',
  'timeout',
]);

export interface TogglErrorDetails {
  status?: number;
  /** The server's own words, e.g. "Can not change tasks of archived project". */
  serverMessage?: string;
  /** 429: how long the server asked us to wait. */
  retryAfterSeconds?: number;
  /** 402: when the hourly quota resets, from X-Toggl-Quota-Resets-In. */
  resetsInSeconds?: number;
  method: string;
  /** The API path without the query (never holds credentials). */
  path: string;
}

export class TogglApiError extends Error {
  readonly kind: TogglErrorKind;
  readonly status: number | undefined;
  readonly serverMessage: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly resetsInSeconds: number | undefined;
  readonly method: string;
  readonly path: string;

  constructor(kind: TogglErrorKind, details: TogglErrorDetails) {
    super(describeError(kind, details));
    this.name = 'TogglApiError';
    this.kind = kind;
    this.status = details.status;
    this.serverMessage = details.serverMessage;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.resetsInSeconds = details.resetsInSeconds;
    this.method = details.method;
    this.path = details.path;
  }

  get transient(): boolean {
    return TRANSIENT.has(this.kind);
  }
}

/** "18 min", "45 s", "1 h 5 min". */
export function formatWait(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.ceil(whole / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** Ends the text with a full stop unless it ends with punctuation already. */
function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

function describeError(kind: TogglErrorKind, details: TogglErrorDetails): string {
  const said = details.serverMessage ? `: ${details.serverMessage}` : '.';
  switch (kind) {
    case 'signed-out':
      return 'Toggl did not accept your API token (it may have been reset). Sign in again.';
    case 'forbidden':
      return `Toggl does not allow you to do this${said}`;
    case 'not-found':
      return `Toggl could not find it; it may have been deleted${said}`;
    case 'invalid':
      return `Toggl refused the change${said}`;
    case 'quota':
      return details.resetsInSeconds !== undefined
        ? `Toggl's hourly API limit is used up. It resets in ${formatWait(details.resetsInSeconds)}.`
        : "Toggl's hourly API limit is used up. It resets within the hour.";
    case 'plan':
      return `Toggl refused the change: ${sentence(details.serverMessage ?? "the workspace's plan does not include this")}`;
    case 'rate-limited':
      return details.retryAfterSeconds !== undefined
        ? `Toggl asked to slow down. Try again in ${formatWait(details.retryAfterSeconds)}.`
        : 'Toggl asked to slow down. Try again in a moment.';
    case 'server':
      return `Toggl is having trouble (HTTP ${details.status ?? 500}). Try again in a few minutes.`;
    case 'offline':
      return 'Toggl cannot be reached. Check your internet connection.';
    case 'connection-lost':
      return 'The connection to Toggl dropped before it answered.';
    case 'timeout':
      return 'Toggl took too long to answer.';
    case 'aborted':
      return 'The request to Toggl was cancelled.';
    case 'unexpected':
      return details.serverMessage
        ? `Toggl answered in a way Toggl Tray did not expect (HTTP ${details.status ?? '?'})${said}`
        : `Toggl answered HTTP ${details.status ?? '?'} with no details. If it keeps happening, check for a Toggl Tray update.`;
  }
}
