import { describe, expect, it } from 'vitest';
import { JsonOffThread } from '../../../../src/main/services/toggl/json-off-thread';
import { PiecedList, type PiecedJson } from '../../../../src/main/services/toggl/pieced-json';

/** What was pushed to `parser`, parsed and whole, as `TogglHttp.request` reads it. */
const finish = async (parser: JsonOffThread): Promise<unknown> => (await parser.answer()).whole();

/** `bytes`, whole, through the worker. */
function parseJsonOffThread(bytes: Uint8Array): Promise<unknown> {
  const parser = new JsonOffThread();
  parser.push([bytes]);
  return finish(parser);
}

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/** `bytes` cut in pieces of 1 to 997 bytes: many fall inside "Ü", "–" or "🎉", whose bytes must be joined again. */
function cut(bytes: Uint8Array): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let at = 0, step = 1; at < bytes.length; at += step, step = (step * 7) % 997 || 1)
    pieces.push(bytes.slice(at, at + step));
  return pieces;
}

describe('JSON parsed on a worker thread', () => {
  it('gives what JSON.parse gives: large lists come back whole and in order, the rest as it was', async () => {
    const me = {
      id: 1,
      fullname: 'Dana Démo',
      tasks: Array.from({ length: 4_321 }, (_, at) => ({
        id: at,
        name: `Überarbeitung ${at}`,
        estimated_seconds: null,
      })),
      projects: Array.from({ length: 2_500 }, (_, at) => ({ id: at, name: `Project – ${at} 🎉` })),
      clients: [{ id: 1, name: 'ACME' }],
      workspaces: null,
    };
    const text = JSON.stringify(me);
    expect(await parseJsonOffThread(bytesOf(text))).toEqual(JSON.parse(text));
  });

  it('a large list at the top comes back whole', async () => {
    const list = Array.from({ length: 5_001 }, (_, at) => ({ id: at, pid: at % 7 }));
    expect(await parseJsonOffThread(bytesOf(JSON.stringify(list)))).toEqual(list);
  });

  it('text that is not JSON comes back as the text (some endpoints answer "OK")', async () => {
    expect(await parseJsonOffThread(bytesOf('OK, but not JSON'))).toBe('OK, but not JSON');
  });

  it('takes the bytes as they arrive, cut anywhere (inside a letter too), and parses them whole', async () => {
    const list = Array.from({ length: 3_000 }, (_, at) => ({ id: at, name: `Überarbeitung – ${at} 🎉` }));
    const bytes = bytesOf(JSON.stringify({ tasks: list }));
    const parser = new JsonOffThread();
    for (const piece of cut(bytes)) parser.push([piece]);
    expect(await finish(parser)).toEqual({ tasks: list });
  });

  it('reads an answer the same whether it said its length truly, too short or too long', async () => {
    const list = Array.from({ length: 2_000 }, (_, at) => ({ id: at, name: `Überarbeitung – ${at} 🎉` }));
    const bytes = bytesOf(JSON.stringify(list));
    for (const said of [bytes.length, bytes.length - 4_321, bytes.length + 4_321, 1]) {
      const parser = new JsonOffThread(said);
      const pieces = cut(bytes);
      // Several pieces a message, as the network's reads come in a slice.
      for (let at = 0; at < pieces.length; at += 5) parser.push(pieces.slice(at, at + 5));
      expect(await finish(parser)).toEqual(list);
    }
  });

  it('copies only the bytes of each piece, not the rest of a buffer it shares', async () => {
    const text = '["Überarbeitung", 1, null]';
    const shared = bytesOf(`xx${text}yy`);
    const parser = new JsonOffThread();
    parser.push([shared.subarray(2, 12), shared.subarray(12, shared.length - 2)]);
    expect(await finish(parser)).toEqual(JSON.parse(text));
    // The caller's buffer is left as it was (copied, not moved).
    expect(new TextDecoder().decode(shared)).toBe(`xx${text}yy`);
  });
});

describe('an answer whose large lists are read a piece at a time', () => {
  const me = {
    id: 1,
    // Over 8,000 fields each: handed over in pieces.
    projects: Array.from({ length: 9_000 }, (_, at) => ({ id: at, name: `Project – ${at} 🎉` })),
    tasks: Array.from({ length: 4_321 }, (_, at) => ({ id: at, pid: at % 9, name: `Überarbeitung ${at}` })),
    clients: [{ id: 1, name: 'ACME' }],
  };
  const answerOf = (value: unknown, first: readonly string[] = []): Promise<PiecedJson> => {
    const parser = new JsonOffThread();
    parser.push([bytesOf(JSON.stringify(value))]);
    return parser.answer(first);
  };
  const piecesOf = async (list: unknown): Promise<unknown[][]> => {
    expect(list).toBeInstanceOf(PiecedList);
    const pieces: unknown[][] = [];
    for await (const items of list as PiecedList) pieces.push(items);
    return pieces;
  };

  it('hands each large list over in pieces, in the order asked for; small ones come with the root', async () => {
    const answer = await answerOf(me, ['tasks', 'projects']);
    expect(answer.list('clients')).toEqual(me.clients);
    expect(answer.list('id')).toBe(1);
    const tasks = await piecesOf(answer.list('tasks'));
    expect(tasks.length).toBeGreaterThan(1);
    expect(tasks.flat()).toEqual(me.tasks);
    expect((await piecesOf(answer.list('projects'))).flat()).toEqual(me.projects);
    answer.close();
  });

  it('lists read in another order than asked are all there: the pieces in between are kept', async () => {
    const answer = await answerOf(me, ['projects', 'tasks']);
    expect((await piecesOf(answer.list('tasks'))).flat()).toEqual(me.tasks);
    expect((await piecesOf(answer.list('projects'))).flat()).toEqual(me.projects);
    answer.close();
  });

  it('a list at the top comes in pieces too, and whole() joins what was not read', async () => {
    const top = await answerOf(me.tasks);
    expect((await piecesOf(top.list(null))).flat()).toEqual(me.tasks);
    top.close();
    const whole = await answerOf(me);
    expect(await whole.whole()).toEqual(me);
    // Read whole, the answer is closed: its worker is gone.
    expect(() => whole.list('tasks')).toThrow(/closed/);
  });

  it('a list is read once: read again, or after the answer was closed, it is refused, never empty', async () => {
    // An empty list would tell the cache Toggl has none of them.
    const answer = await answerOf(me, ['projects', 'tasks']);
    expect((await piecesOf(answer.list('projects'))).flat()).toHaveLength(9_000);
    expect(() => answer.list('projects')).toThrow(/read once/);
    const tasks = answer.list('tasks') as PiecedList;
    expect((await tasks.joined()).length).toBe(4_321);
    await expect(tasks.joined()).rejects.toThrow(/read once/);
    answer.close();
  });

  it('a list not yet read is refused once the answer is closed', async () => {
    const answer = await answerOf(me, ['projects', 'tasks']);
    answer.close();
    expect(() => answer.list('tasks')).toThrow(/closed/);
  });

  it('closed while a list is read, the reader hears it rather than waiting for ever', async () => {
    const answer = await answerOf(me, ['projects', 'tasks']);
    const reading = (async () => {
      for await (const items of answer.list('projects') as PiecedList) {
        expect(items.length).toBeGreaterThan(0);
        answer.close();
      }
    })();
    await expect(reading).rejects.toThrow(/closed/);
  });

  it('two lists read at once each get their own items, once', async () => {
    const answer = await answerOf(me, ['projects', 'tasks']);
    const [projects, tasks] = await Promise.all([
      (answer.list('projects') as PiecedList).joined(),
      (answer.list('tasks') as PiecedList).joined(),
    ]);
    expect(projects).toEqual(me.projects);
    expect(tasks).toEqual(me.tasks);
    answer.close();
  });

  it('a worker that stops between two pieces fails the read, and nothing is left unhandled', async () => {
    const unhandled: unknown[] = [];
    const note = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', note);
    try {
      const parser = new JsonOffThread();
      parser.push([bytesOf(JSON.stringify(me))]);
      const answer = await parser.answer(['projects']);
      const reading = (async () => {
        for await (const items of answer.list('projects') as PiecedList) {
          expect(items.length).toBeGreaterThan(0);
          // The worker dies as a worker out of memory would, while the next piece is on its way.
          parser.cancel();
        }
      })();
      await expect(reading).rejects.toThrow();
      answer.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', note);
    }
  });

  it('an answer of spaces alone is no answer, as a small one', async () => {
    const parser = new JsonOffThread();
    parser.push([bytesOf(' '.repeat(2_000) + '\n')]);
    expect(await finish(parser)).toBeUndefined();
  });
});
