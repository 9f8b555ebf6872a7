/**
 * `npm run bench:cli`: what the command line and status.json cost. `toggl-tray status --json`
 * (the built out/main/cli.js, as panel bars run it) beside a bare `node -e ""` start measured
 * in the same run (the floor), and how soon status.json shows a timer after it starts (the
 * real services against the sandbox). The machine's costs come first; the last line is JSON.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { statusFilePath } from '../src/main/services/control/status-file';
import { createSyncWorld } from '../test/support/sync-world';
import { formatMachine, machineJson, probeMachine } from './machine';

const RUNS = 15;
const cli = path.resolve('out/main/cli.js');

function timesOf(args: string[], env: NodeJS.ProcessEnv): number[] {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const began = performance.now();
    const result = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
    times.push(performance.now() - began);
    if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return times.sort((a, b) => a - b);
}
const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const machine = await probeMachine();
  process.stdout.write(`${formatMachine(machine)}\n`);
  execFileSync('npx', ['electron-vite', 'build'], { stdio: 'ignore' });

  const world = await createSyncWorld();
  const app = await world.launch();
  const view = await app.call('data.view');
  const project = view.projects.find((item) => item.active);
  if (!project) throw new Error('the demo account has projects');
  // How soon the file shows a timer after it starts (the file is written on the change, not polled).
  const began = performance.now();
  await app.call('timer.start', { wid: project.wid, pid: project.id, tid: null, description: 'Bench' });
  let fileMs = NaN;
  for (;;) {
    const text = await readFile(statusFilePath(world.dataDir), 'utf8').catch(() => '');
    if (text.includes('"Bench"')) {
      fileMs = performance.now() - began;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const env = { ...process.env, TOGGL_TRAY_DATA_DIR: world.dataDir };
  const status = timesOf([cli, 'status', '--json'], env);
  const answer = JSON.parse(
    spawnSync(process.execPath, [cli, 'status', '--json'], { env, encoding: 'utf8' }).stdout,
  ) as {
    running: { description: string } | null;
  };
  if (answer.running?.description !== 'Bench') throw new Error('status --json did not read the running timer');
  const floor = timesOf(['-e', ''], env);
  await world.cleanup();

  const figures = {
    status_json_p50_ms: +at(status, 0.5).toFixed(1),
    status_json_p95_ms: +at(status, 0.95).toFixed(1),
    node_start_floor_p50_ms: +at(floor, 0.5).toFixed(1),
    status_json_over_floor_ms: +(at(status, 0.5) - at(floor, 0.5)).toFixed(1),
    status_file_after_change_ms: +fileMs.toFixed(1),
  };
  process.stdout.write(
    `status --json: p50 ${figures.status_json_p50_ms} ms, p95 ${figures.status_json_p95_ms} ms (node start alone: ${figures.node_start_floor_p50_ms} ms; ours on top: ${figures.status_json_over_floor_ms} ms; target 100 ms)\n` +
      `status.json shows a new timer ${figures.status_file_after_change_ms} ms after it starts (target 1,000 ms)\n`,
  );
  process.stdout.write(`${JSON.stringify({ ...figures, machine: machineJson(machine) })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
