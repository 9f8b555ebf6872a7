import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A real Toggl answer, as test/fixtures/toggl keeps it (see its README). */
export interface Recording {
  file: string;
  /** When Toggl answered, as the HTTP Date header said it. */
  recorded: string;
  /** `body`: the JSON the client sent, where there was one. */
  request: { method: string | null; path: string | null; query: Record<string, string>; body?: unknown };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

/** The repository's copy of ../shared/toggl-recordings, found from this file, not the working directory. */
export const RECORDINGS_DIR = fileURLToPath(new URL('../fixtures/toggl/', import.meta.url));

/** Where the copy comes from: ../shared beside the repository, which a clone does not have. */
export const SHARED_RECORDINGS_DIR = fileURLToPath(new URL('../../../shared/toggl-recordings/', import.meta.url));

export function loadRecordings(): Recording[] {
  return readdirSync(RECORDINGS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map(
      (file) =>
        ({ file, ...(JSON.parse(readFileSync(path.join(RECORDINGS_DIR, file), 'utf8')) as object) }) as Recording,
    );
}

export function loadRecording(name: string): Recording {
  const found = loadRecordings().find((recording) => recording.file === `${name}.json`);
  if (!found) throw new Error(`no recording ${name} in ${RECORDINGS_DIR}`);
  return found;
}

/** The bytes Toggl sent: JSON bodies re-serialised, "" as nothing, anything else (a web page) as text. */
export function wireBody(recording: Recording): string {
  const { body, headers } = recording.response;
  if (body === '') return '';
  const json = (headers['content-type'] ?? '').includes('json');
  return json || typeof body !== 'string' ? JSON.stringify(body) : body;
}

export interface ReplayServer {
  apiUrl: string;
  requests: string[];
  close(): Promise<void>;
}

/**
 * Plays recorded answers over real HTTP on port 0: `pick` chooses the recording for each
 * request (method, path below /api/v9, query), or none for a 404.
 */
export async function replayServer(
  pick: (method: string, path: string, query: URLSearchParams) => Recording | undefined,
): Promise<ReplayServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://replay');
    const apiPath = url.pathname.replace(/^\/api\/v9/, '') || '/';
    requests.push(`${req.method ?? 'GET'} ${apiPath}${url.search}`);
    req.resume();
    req.on('end', () => {
      const recording = pick(req.method ?? 'GET', apiPath, url.searchParams);
      if (!recording) {
        res.writeHead(404).end();
        return;
      }
      const body = wireBody(recording);
      res.writeHead(recording.response.status, {
        ...recording.response.headers,
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/v9`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
