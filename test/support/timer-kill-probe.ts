/**
 * Run by the timer's kill test: the app's services on DATA_DIR, signed in to the sandbox at
 * API_URL, make a timer change and send it; the test kills this process (SIGKILL) while
 * Toggl holds the answer of a request that has taken effect, as a crash or a power cut would.
 *
 * "start": a timer started and sent (the POST is what the test holds). "switch": a timer
 * started and sent, then another started on top of it (the PUT that stops the first is held).
 * Prints "sending" when the change the test waits for is on its way.
 */
import { DEMO } from '../../tools/sandbox/fixture';
import { MemoryVault } from './memory-vault';
import { launchApp } from './sync-world';
import { websiteRedesign } from './timer-toggl';

const [apiUrl = '', dataDir = '', scenario = 'start'] = process.argv.slice(2);
// A held answer must not time out: the test, not the client, ends this request.
const app = await launchApp(apiUrl, dataDir, new MemoryVault(), { http: { timeoutMs: 120_000 } });
await app.services.session.signInWithToken(DEMO.apiToken);
await app.services.data.engine.sync('first');
await app.services.data.settled();
const { project } = websiteRedesign(await app.call('data.view'));
const start = (description: string) =>
  app.call('timer.start', { wid: project.wid, pid: project.id, tid: null, description });
if (scenario === 'switch') {
  await start('Before the switch');
  await app.services.data.loop.sendNow();
  await app.services.data.settled();
  await start('After the switch');
} else {
  await start('Cut off');
}
process.stdout.write('sending\n');
await app.services.data.loop.sendNow();
process.stdout.write('answered\n');
