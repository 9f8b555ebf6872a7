import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readJson, writeJsonAtomic } from '../../../src/main/services/files';
import nodeLog from 'electron-log/node';
import { createFileLogger } from '../../../src/main/services/logger';
import { Redactor } from '../../../src/main/services/redact';
import { asList } from '../../../src/main/services/toggl/api-support';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-small-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the log’s console side', () => {
  it('writes one line per entry to stderr (stdout stays the shell’s), with its fields, errors with their stack', () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((text) => (lines.push(String(text)), true));
    const engine = nodeLog.create({ logId: 'small-parts' });
    engine.transports.file.level = false;
    const log = createFileLogger(engine, { scope: 'test', folder: dir, redactor: new Redactor() });
    log.info('started', { port: 4010 });
    log.warn('odd', {});
    log.error('failed', { error: new Error('boom') });
    spy.mockRestore();
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z info \[test\] started port=4010\n$/);
    expect(lines[1]).toMatch(/ warn \[test\] odd\n$/);
    expect(lines[2]).toMatch(/ error \[test\] failed error=Error: boom\n/);
  });
});

describe('list answers', () => {
  it('takes a bare array or the seed pages’ {items}, and anything else as empty', () => {
    expect(asList([1, 2])).toEqual([1, 2]);
    expect(asList({ items: [3] })).toEqual([3]);
    expect(asList(null)).toEqual([]);
    expect(asList({ data: [4] })).toEqual([]);
  });
});

describe('JSON files', () => {
  it('write atomically, read back, and read a missing file as undefined', async () => {
    const file = path.join(dir, 'nested', 'value.json');
    await writeJsonAtomic(file, { a: 1 });
    expect(await readJson(file)).toEqual({ a: 1 });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ a: 1 });
    expect(await readJson(path.join(dir, 'missing.json'))).toBeUndefined();
  });

  it('a failed rename leaves no temp file behind; a directory in the way is an error', async () => {
    const blocked = path.join(dir, 'blocked.json');
    await mkdir(path.join(blocked, 'inside'), { recursive: true });
    await expect(writeJsonAtomic(blocked, { a: 1 })).rejects.toThrow();
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await expect(readJson(blocked)).rejects.toThrow();
    await writeFile(path.join(dir, 'bad.json'), '{ nope');
    await expect(readJson(path.join(dir, 'bad.json'))).rejects.toThrow();
  });
});
