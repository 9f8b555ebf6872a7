import { DEMO, createFixture } from '../../tools/sandbox/fixture';
import { TogglSandbox } from '../../tools/sandbox/server';

/** What came over the wire: the status, the content type as sent (or null) and the bytes. */
export interface WireAnswer {
  status: number;
  contentType: string | null;
  text: string;
  /** X-Toggl-Quota-Remaining, or null when the answer has none. */
  quotaRemaining: number | null;
}

/**
 * The demo sandbox on port 0 with its own clock (a test moves `clock.now`), spoken to with
 * plain fetch so a test sees Toggl's bytes, not what the app's client makes of them.
 */
export interface WireSandbox {
  sandbox: TogglSandbox;
  clock: { now: number };
  send(method: string, path: string, options?: { body?: unknown; token?: string }): Promise<WireAnswer>;
  /** Ids of the demo fixture by name, as tests speak of them ("Demo Studio", "Mobile app"). */
  workspaceId(name: string): number;
  projectId(name: string): number;
  taskId(name: string): number;
  userId(email: string): number;
  close(): Promise<void>;
}

function idOf(items: Iterable<{ id: number; name: string }>, name: string): number {
  for (const item of items) if (item.name === name) return item.id;
  throw new Error(`the demo fixture has nothing named "${name}"`);
}

/** The answer's JSON body; the test says what it expects to find (`as Entry[]`). */
export function parsed(answer: WireAnswer): unknown {
  return JSON.parse(answer.text);
}

/** Starts the demo sandbox at `at` (epoch ms or a date string); Free-plan quotas on, no leaky bucket. */
export async function startWireSandbox(at: number | string): Promise<WireSandbox> {
  const clock = { now: typeof at === 'number' ? at : Date.parse(at) };
  const sandbox = new TogglSandbox({ state: createFixture(() => clock.now), rateLimit: false });
  await sandbox.start();
  const { state } = sandbox;
  return {
    sandbox,
    clock,
    async send(method, path, options = {}) {
      const answer = await fetch(`${sandbox.apiUrl}${path}`, {
        method,
        headers: {
          authorization: `Basic ${Buffer.from(`${options.token ?? DEMO.apiToken}:api_token`).toString('base64')}`,
          ...(options.body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
      });
      const quota = answer.headers.get('x-toggl-quota-remaining');
      return {
        status: answer.status,
        contentType: answer.headers.get('content-type'),
        text: await answer.text(),
        quotaRemaining: quota === null ? null : Number(quota),
      };
    },
    workspaceId: (name) => idOf(state.workspaces.values(), name),
    projectId: (name) => idOf(state.projects.values(), name),
    taskId: (name) => idOf(state.tasks.values(), name),
    userId: (email) => state.userByEmail(email)?.id ?? 0,
    close: () => sandbox.stop(),
  };
}
