import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { APP_START } from './timeouts';

export interface RunningWebShell {
  url: string;
  origin: string;
  /** Everything the shell wrote to stdout and stderr so far. */
  logs(): string;
  /**
   * One line to its test hooks on stdin (started with TOGGL_TRAY_TEST_HOOKS=1: the machine's idle
   * time, sleep and lock, and the pinned hotkeys, src/main/web/test-commands.ts); resolves once
   * the shell has answered it.
   */
  command(line: string): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `src/main/web/cli.ts` in its own Node process on a free port, as `npm run web` does. */
export async function startWebShellProcess(env: Record<string, string>): Promise<RunningWebShell> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.resolve('src/main/web/cli.ts')], {
    env: { ...process.env, TOGGL_TRAY_PORT: '0', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    // Not a wait on time: the shell's own line ends it; this only bounds a shell that hangs.
    const timer = setTimeout(
      () => reject(new Error(`web shell did not print its address in ${APP_START} ms:\n${output}`)),
      APP_START,
    );
    const onData = (): void => {
      const match = /^Toggl Tray web shell: (\S+)$/m.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web shell exited with ${String(code)}:\n${output}`));
    });
  });

  let commands = 0;
  const answers = (): string[] => output.match(/^test hook (?:done|failed): .*$/gm) ?? [];
  return {
    url,
    origin: new URL(url).origin,
    logs: () => output,
    command: (line) =>
      new Promise((resolve, reject) => {
        const expected = ++commands;
        // Not a wait on time: the shell's answer ends it; the exit only ends a shell that is gone.
        const onData = (): void => {
          const answer = answers()[expected - 1];
          if (answer === undefined) return;
          child.stdout?.off('data', onData);
          if (answer.startsWith('test hook failed: ')) reject(new Error(answer));
          else resolve();
        };
        child.stdout?.on('data', onData);
        child.once('exit', () => reject(new Error(`web shell exited before answering "${line}"`)));
        child.stdin?.write(`${line}\n`);
      }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
