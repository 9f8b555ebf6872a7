import { parseArgs } from 'node:util';
import { DEMO, createFixture, createLargeAccount } from './fixture';
import { TogglSandbox } from './server';

/** `npm run sandbox [-- --port 4010 --large 10000,100000 --no-quotas]`: Toggl, played locally. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.TOGGL_SANDBOX_PORT ?? '4010' },
      large: { type: 'string' },
      'no-quotas': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0 to 65535, not "${values.port}"`);
  let state = createFixture();
  if (values.large) {
    const [projects, tasks] = values.large.split(',').map(Number);
    if (!projects || tasks === undefined || !Number.isInteger(projects) || !Number.isInteger(tasks)) {
      throw new Error(`--large takes "projects,tasks", e.g. 10000,100000, not "${values.large}"`);
    }
    state = createLargeAccount(projects, tasks);
  }
  const sandbox = new TogglSandbox({ state, port, ...(values['no-quotas'] && { quotas: false, rateLimit: false }) });
  await sandbox.start();
  process.stdout.write(`Toggl sandbox: ${sandbox.apiUrl}\n`);
  process.stdout.write(`Demo API token: ${DEMO.apiToken}  (or ${DEMO.email} / ${DEMO.password})\n`);
  process.stdout.write(`Point the app at it: TOGGL_API_URL=${sandbox.apiUrl} npm run web\n`);
  const stop = (): void => void sandbox.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Toggl sandbox could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
