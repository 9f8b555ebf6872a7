import { spawn } from 'node:child_process';
import path from 'node:path';

export interface SandboxProcess {
  apiUrl: string;
  stop(): void;
}

/**
 * Starts `npm run sandbox` in its own process (benchmarks, so its work is not measured with
 * the client's) on a free port, and resolves with its API URL once it prints it.
 */
export function startSandboxProcess(args: string[]): Promise<SandboxProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.resolve('tools/sandbox/cli.ts'), '--port', '0', ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Toggl sandbox: (\S+)$/m.exec(output);
      if (match?.[1]) resolve({ apiUrl: match[1], stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) =>
      reject(new Error(`the sandbox exited (${String(code)}) before printing its URL:\n${output}`)),
    );
  });
}
