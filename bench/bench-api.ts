/**
 * `npm run bench:api`: how to load a 10,000-project / 100,000-task account. Starts the
 * sandbox with a generated account (quotas off: this measures the transfer, not the quota),
 * then loads it in a fresh child process per strategy and prints requests, seconds and the
 * loading process's peak memory. The machine's costs (machine.ts) come first; the last line is
 * them and every strategy's figures as one JSON object.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEMO } from '../tools/sandbox/fixture';
import { startSandboxProcess } from '../tools/sandbox/process';
import { formatMachine, machineJson, probeMachine } from './machine';
import { measure } from './measure';
import { TogglApi } from '../src/main/services/toggl/api';
import {
  allMyProjectsPaginated,
  allMyTasks,
  allWorkspaceProjects,
  allWorkspaceTasks,
  collectPages,
} from '../src/main/services/toggl/paging';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 10_000);
const TASKS = Number(process.env.BENCH_TASKS ?? 100_000);
const STRATEGIES = ['me-with-related-data', 'me-paginated', 'workspace-pages'] as const;
type Strategy = (typeof STRATEGIES)[number];

interface Figures {
  strategy: Strategy;
  requests: number;
  seconds: number;
  peakRssMb: number;
  peakHeapMb: number;
  projects: number;
  tasks: number;
}

const self = fileURLToPath(import.meta.url);

async function load(strategy: Strategy, api: TogglApi): Promise<{ projects: number; tasks: number }> {
  if (strategy === 'me-with-related-data') {
    const me = await api.getMeWithRelatedData();
    return { projects: me.projects?.length ?? 0, tasks: me.tasks?.length ?? 0 };
  }
  if (strategy === 'me-paginated') {
    const projects = await collectPages(allMyProjectsPaginated(api, { per_page: 201 }));
    const tasks = await collectPages(allMyTasks(api, { include_not_active: true, per_page: 1000 }));
    return { projects: projects.length, tasks: tasks.length };
  }
  const me = await api.getMe();
  const projects = await collectPages(
    allWorkspaceProjects(api, me.default_workspace_id, { active: 'both', per_page: 200 }),
  );
  const tasks = await collectPages(allWorkspaceTasks(api, me.default_workspace_id, { active: 'both', per_page: 200 }));
  return { projects: projects.length, tasks: tasks.length };
}

/** Child mode: load once, sampling memory, and print one JSON line. */
async function measureStrategy(strategy: Strategy, baseUrl: string): Promise<void> {
  const api = new TogglApi({ baseUrl, credentials: { token: DEMO.apiToken }, minIntervalMs: 0, timeoutMs: 300_000 });
  const { result: counts, seconds, peakRssMb, peakHeapMb } = await measure(() => load(strategy, api));
  const requests = api.quota.snapshot().reduce((sum, bucket) => sum + bucket.sentLastHour, 0);
  await api.close();
  const figures: Figures = {
    strategy,
    requests,
    seconds,
    peakRssMb,
    peakHeapMb,
    ...counts,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

function run(args: string[], onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        onLine(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
      }
    });
    child.once('exit', (code, signal) =>
      code === 0 || signal === 'SIGTERM' ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`)),
    );
  });
}

async function orchestrate(): Promise<void> {
  const machine = await probeMachine();
  process.stdout.write(`bench:api: ${PROJECTS} projects, ${TASKS} tasks, sandbox on loopback (quotas off)\n`);
  process.stdout.write(`${formatMachine(machine)}\n`);
  const sandbox = await startSandboxProcess(['--large', `${PROJECTS},${TASKS}`, '--no-quotas']);
  const results: Figures[] = [];
  try {
    for (const strategy of STRATEGIES) {
      await run([self, strategy, sandbox.apiUrl], (line) => results.push(JSON.parse(line) as Figures));
    }
  } finally {
    sandbox.stop();
  }
  const rows = results.map((figures) => [
    figures.strategy.padEnd(22),
    String(figures.requests).padStart(8),
    figures.seconds.toFixed(2).padStart(8),
    `${Math.ceil(figures.requests)} s`.padStart(12),
    figures.peakRssMb.toFixed(0).padStart(9),
    figures.peakHeapMb.toFixed(0).padStart(10),
    `${figures.projects}/${figures.tasks}`.padStart(14),
  ]);
  process.stdout.write(
    `${['strategy'.padEnd(22), 'requests'.padStart(8), 'seconds'.padStart(8), 'paced 1/s'.padStart(12), 'peak RSS'.padStart(9), 'peak heap'.padStart(10), 'projects/tasks'.padStart(14)].join(' ')}\n`,
  );
  for (const row of rows) process.stdout.write(`${row.join(' ')}\n`);
  process.stdout.write(
    '(memory in MiB, of the loading process only; "paced 1/s" is the least wall time at Toggl\'s rate limit)\n',
  );
  const round = (value: number) => Number(value.toFixed(2));
  const json: Record<string, unknown> = {};
  for (const { strategy: name, requests, seconds, peakRssMb } of results) {
    const key = name.replaceAll('-', '_');
    json[`${key}_requests`] = requests;
    json[`${key}_s`] = round(seconds);
    json[`${key}_peak_rss_mb`] = round(peakRssMb);
  }
  process.stdout.write(`${JSON.stringify({ ...json, machine: machineJson(machine) })}\n`);
}

const [strategy, url] = process.argv.slice(2);
const task = strategy && url ? measureStrategy(strategy as Strategy, url) : orchestrate();
task.catch((error: unknown) => {
  process.stderr.write(
    `bench:api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
