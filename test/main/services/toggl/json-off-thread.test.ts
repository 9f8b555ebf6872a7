import { describe, expect, it } from 'vitest';
import { JsonOffThread } from '../../../../src/main/services/toggl/json-off-thread';

/** `bytes`, whole, through the worker (handed over, not copied). */
function parseJsonOffThread(bytes: ArrayBuffer): Promise<unknown> {
  const parser = new JsonOffThread();
  parser.push(bytes);
  return parser.finish();
}

const bytesOf = (text: string): ArrayBuffer => {
  const encoded = new TextEncoder().encode(text);
  return encoded.buffer.slice(encoded.byteOffset, encoded.byteOffset + encoded.byteLength);
};

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
    const bytes = new TextEncoder().encode(JSON.stringify({ tasks: list }));
    const parser = new JsonOffThread();
    // Cuts of 1 to 997 bytes: many fall inside "Ü", "–" or "🎉", whose bytes must be joined again.
    for (let at = 0, step = 1; at < bytes.length; at += step, step = (step * 7) % 997 || 1) {
      parser.push(bytes.slice(at, at + step).buffer);
    }
    expect(await parser.finish()).toEqual({ tasks: list });
  });

  it('hands the bytes over rather than copying them', async () => {
    const bytes = bytesOf('{"a":1}');
    await parseJsonOffThread(bytes);
    expect(bytes.byteLength).toBe(0);
  });
});
