import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { APP_START } from './timeouts';

export interface RunningWebShell {
  url: string;
  origin: string;
  /** Everything the shell wrote to stdout and stderr so far. */
  logs(): string;
  stop(): Promise<void>;
}

/** Starts `src/main/web/cli.ts` in its own Node process on a free port, as `npm run web` does. */
export async function startWebShellProcess(env: Record<string, string>): Promise<RunningWebShell> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.resolve('src/main/web/cli.ts')], {
    env: { ...process.env, TOGGL_TRAY_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
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

  return {
    url,
    origin: new URL(url).origin,
    logs: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
