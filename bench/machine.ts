/**
 * `npm run bench:machine`: what this machine charges for the things the benchmarks' figures
 * are made of, so a figure can be read against the machine it came from. In a few hundred ms:
 *
 * - a minor page fault: the first touch of a 4 KiB page of fresh anonymous memory (a 64 MiB
 *   Buffer is beyond malloc's largest mmap threshold, so it is always a new mapping), counted
 *   by the kernel (/proc/self/stat, field 10) and timed;
 * - a system call: a 1-byte read of /dev/zero, as Node makes it (fs.readSync);
 * - a round trip between two processes: a byte through a pipe to `cat` and back, with blocking
 *   reads and writes (what the kernel charges: two wake-ups, four system calls), and the same
 *   through a child Node's stdin and stdout on both event loops (what Node processes pay);
 * - a fixed piece of JavaScript (sorting 50,000 numbers), for the processor's own speed;
 * - cores, processor model and load average.
 *
 * Every benchmark prints this first and puts the numbers in its JSON line. The other
 * benchmarks import probeMachine(); run alone, it prints the line and the JSON.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface MachineCosts {
  /** µs per minor page fault (first touch of fresh anonymous memory). */
  faultUs: number;
  /** Faults the kernel counted for the pages touched in one repetition (fewer than pages: huge pages). */
  faults: number;
  /** 4 KiB pages touched in one repetition. */
  pages: number;
  /** µs per system call (a 1-byte read of /dev/zero through fs.readSync). */
  syscallUs: number;
  /** µs per round trip of one byte to a child `cat` and back through two pipes, blocking, median. */
  roundtripUs: number;
  /** µs per round trip of one byte to a child Node and back, event loop to event loop, median. */
  nodeRoundtripUs: number;
  /** ms to sort 50,000 numbers in JavaScript, median. */
  cpuMs: number;
  cores: number;
  cpuModel: string;
  /** 1, 5 and 15-minute load averages. */
  load: [number, number, number];
}

/** The process's minor page faults so far (field 10 of /proc/<pid>/stat); NaN where there is no /proc. */
export function minorFaults(pid: number | 'self' = 'self'): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[10 - 3]);
  } catch {
    return NaN;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

const PAGE = 4096;
const TOUCHED = 16 * 2 ** 20;

function faultCost(): { us: number; faults: number; pages: number } {
  const runs: { us: number; faults: number }[] = [];
  for (let run = 0; run < 3; run++) {
    const buffer = Buffer.allocUnsafeSlow(64 * 2 ** 20);
    const before = minorFaults();
    const started = performance.now();
    for (let at = 0; at < TOUCHED; at += PAGE) buffer[at] = 1;
    const ms = performance.now() - started;
    const faults = minorFaults() - before;
    runs.push({ us: (ms * 1000) / Math.max(1, faults), faults });
  }
  return {
    us: median(runs.map((run) => run.us)),
    faults: median(runs.map((run) => run.faults)),
    pages: TOUCHED / PAGE,
  };
}

function syscallCost(): number {
  const fd = openSync('/dev/zero', 'r');
  const byte = Buffer.alloc(1);
  const runs: number[] = [];
  try {
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      for (let call = 0; call < 2000; call++) readSync(fd, byte, 0, 1, null);
      runs.push(((performance.now() - started) * 1000) / 2000);
    }
  } finally {
    closeSync(fd);
  }
  return median(runs);
}

/** A byte to `cat` and back through two named pipes, with blocking calls; NaN where there is no mkfifo. */
async function pipeRoundtripCost(): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-machine-'));
  try {
    const [there, back] = [path.join(dir, 'there'), path.join(dir, 'back')];
    execFileSync('mkfifo', [there, back]);
    // Opened for reading and writing, a FIFO's open does not wait for the other end.
    const to = openSync(there, 'r+');
    const from = openSync(back, 'r+');
    const child = spawn('cat', [], { stdio: [to, from, 'ignore'] });
    try {
      await once(child, 'spawn');
      const byte = Buffer.from('x');
      const times: number[] = [];
      for (let trip = 0; trip < 220; trip++) {
        const started = performance.now();
        writeSync(to, byte);
        if (readSync(from, byte, 0, 1, null) !== 1) return NaN;
        if (trip >= 20) times.push((performance.now() - started) * 1000);
      }
      return median(times);
    } finally {
      child.kill();
      closeSync(to);
      closeSync(from);
    }
  } catch {
    return NaN;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ECHO = "process.stdin.on('data', (chunk) => process.stdout.write(chunk));";

async function nodeRoundtripCost(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ECHO], { stdio: ['pipe', 'pipe', 'inherit'] });
  const times: number[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let sent = 0;
      let started = 0;
      const send = (): void => {
        started = performance.now();
        child.stdin.write('x');
      };
      child.once('error', reject);
      child.stdout.on('data', () => {
        // The first few warm up both processes' code paths.
        if (++sent > 20) times.push((performance.now() - started) * 1000);
        if (sent < 220) send();
        else resolve();
      });
      send();
    });
  } finally {
    child.kill();
  }
  return median(times);
}

function cpuCost(): number {
  const numbers = Float64Array.from({ length: 50_000 }, (_, at) => ((at * 7919) % 50_021) / 3);
  const runs: number[] = [];
  for (let run = 0; run < 3; run++) {
    const copy = Array.from(numbers);
    const started = performance.now();
    copy.sort((a, b) => a - b);
    runs.push(performance.now() - started);
  }
  return median(runs);
}

export async function probeMachine(): Promise<MachineCosts> {
  const fault = faultCost();
  const syscallUs = syscallCost();
  const roundtripUs = await pipeRoundtripCost();
  const nodeRoundtripUs = await nodeRoundtripCost();
  const cpuMs = cpuCost();
  const [one = NaN, five = NaN, fifteen = NaN] = os.loadavg();
  return {
    faultUs: fault.us,
    faults: fault.faults,
    pages: fault.pages,
    syscallUs,
    roundtripUs,
    nodeRoundtripUs,
    cpuMs,
    cores: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    load: [one, five, fifteen],
  };
}

/** The numbers a benchmark's JSON line carries. */
export function machineJson(costs: MachineCosts): Record<string, number> {
  const round = (value: number) => Number(value.toFixed(2));
  return {
    fault_us: round(costs.faultUs),
    syscall_us: round(costs.syscallUs),
    roundtrip_us: round(costs.roundtripUs),
    node_roundtrip_us: round(costs.nodeRoundtripUs),
    cores: costs.cores,
    cpu_ms: round(costs.cpuMs),
    load_1m: round(costs.load[0]),
  };
}

export function formatMachine(costs: MachineCosts): string {
  const huge = costs.faults < costs.pages / 2 ? ', huge pages' : '';
  return (
    `machine: page fault ${costs.faultUs.toFixed(2)} µs (${costs.faults} faults for ${costs.pages} pages${huge}), ` +
    `syscall ${costs.syscallUs.toFixed(2)} µs, process round trip ${costs.roundtripUs.toFixed(0)} µs ` +
    `(Node to Node ${costs.nodeRoundtripUs.toFixed(0)} µs), ` +
    `sort 50k ${costs.cpuMs.toFixed(1)} ms; ${costs.cores} cores, ${costs.cpuModel}, ` +
    `load ${costs.load.map((value) => value.toFixed(2)).join(' ')}`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  probeMachine()
    .then((costs) => {
      process.stdout.write(`${formatMachine(costs)}\n`);
      process.stdout.write(`  (probed in ${(performance.now() - started).toFixed(0)} ms)\n`);
      process.stdout.write(`${JSON.stringify({ machine: machineJson(costs) })}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`bench:machine failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
