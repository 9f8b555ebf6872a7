import { createHash } from 'node:crypto';
import { chmod, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from '../logger';
import type { CommandAnswer } from './command-line';

/**
 * The running app's own local socket for `toggl-tray` commands: a Unix socket in the data
 * folder (owner-only, as the folder is), or on Windows a named pipe named after the data
 * folder. One JSON line each way: `{"args": [...]}`, then `{"code": 0, "out": "..."}`.
 */
export function controlSocketPath(dataDir: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') {
    const tag = createHash('sha256').update(path.resolve(dataDir).toLowerCase()).digest('hex').slice(0, 16);
    return `\\\\.\\pipe\\toggl-tray-${tag}`;
  }
  return path.join(dataDir, 'control.sock');
}

/** A request larger than this is no command line: the connection is closed. */
const MAX_REQUEST_BYTES = 64 * 1024;
/** A client that says nothing for this long is let go. */
const IDLE_MS = 10_000;

export type CommandHandler = (args: string[]) => Promise<CommandAnswer>;

function readLine(socket: net.Socket, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end >= 0) resolve(text.slice(0, end));
      else if (text.length > limit) reject(new Error('request too long'));
    });
    socket.on('end', () => reject(new Error('closed before a whole line')));
    socket.on('error', reject);
  });
}

function argsOf(line: string): string[] | undefined {
  try {
    const value = JSON.parse(line) as unknown;
    if (typeof value !== 'object' || value === null || !('args' in value)) return undefined;
    const { args } = value;
    return Array.isArray(args) && args.every((item) => typeof item === 'string') ? args : undefined;
  } catch {
    return undefined;
  }
}

export class ControlServer {
  private constructor(
    private readonly server: net.Server,
    readonly path: string,
  ) {}

  /** Listens at `socketPath`; a socket file left by an app that crashed is replaced. */
  static async listen(socketPath: string, handle: CommandHandler, log: Logger): Promise<ControlServer> {
    const server = net.createServer((socket) => {
      socket.setTimeout(IDLE_MS, () => socket.destroy());
      socket.on('error', () => undefined);
      readLine(socket, MAX_REQUEST_BYTES)
        .then(async (line) => {
          const args = argsOf(line);
          const answer: CommandAnswer = args
            ? await handle(args).catch((error: unknown) => {
                log.error('control: a command failed', { error });
                return { code: 1 as const, out: error instanceof Error ? error.message : String(error) };
              })
            : { code: 2, out: 'Not a toggl-tray request.' };
          socket.end(`${JSON.stringify(answer)}\n`);
        })
        .catch(() => socket.destroy());
    });
    try {
      await listenAt(server, socketPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || process.platform === 'win32') throw error;
      // Someone answers there: another app on this data folder. No one: a file left behind.
      if (await answers(socketPath)) throw error;
      await rm(socketPath, { force: true });
      await listenAt(server, socketPath);
    }
    if (process.platform !== 'win32') await chmod(socketPath, 0o600);
    return new ControlServer(server, socketPath);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function listenAt(server: net.Server, socketPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** No app listens there (not running, or a file left behind). */
export class NotRunningError extends Error {}

/** Sends a command line to the running app and waits for its answer. */
export function sendCommand(socketPath: string, args: readonly string[], timeoutMs = 15_000): Promise<CommandAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath, () => socket.write(`${JSON.stringify({ args })}\n`));
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`Toggl Tray did not answer within ${Math.round(timeoutMs / 1000)} s.`));
    }, timeoutMs);
    socket.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const gone = error.code === 'ENOENT' || error.code === 'ECONNREFUSED';
      reject(gone ? new NotRunningError('Toggl Tray is not running.') : error);
    });
    readLine(socket, MAX_REQUEST_BYTES)
      .then((line) => {
        clearTimeout(timer);
        const value = JSON.parse(line) as Partial<CommandAnswer>;
        const code = value.code === 0 || value.code === 1 || value.code === 2 || value.code === 3 ? value.code : 1;
        resolve({ code, out: typeof value.out === 'string' ? value.out : '' });
      })
      .catch((error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      });
  });
}
