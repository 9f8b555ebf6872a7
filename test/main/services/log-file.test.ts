import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import log from 'electron-log/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLogger, LOG_FILE_NAME } from '../../../src/main/services/logger';
import { Redactor } from '../../../src/main/services/redact';
import { DEMO } from '../../../tools/sandbox/fixture';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'toggl-tray-logs-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

function logger(maxBytes?: number) {
  const redactor = new Redactor();
  redactor.remember(DEMO.apiToken);
  const engine = log.create({ logId: `test-${path.basename(folder)}` });
  engine.transports.console.level = false;
  return createFileLogger(engine, { scope: 'main', folder, redactor, ...(maxBytes ? { maxBytes } : {}) });
}

describe('the log file a user can send', () => {
  it('is written in the given folder, one line per entry, with the token redacted however it is echoed', async () => {
    const log = logger();
    const basic = Buffer.from(`${DEMO.apiToken}:api_token`).toString('base64');
    log.info('session: signed in', { token: DEMO.apiToken });
    log.warn('toggl: refused', { headers: { Authorization: `Basic ${basic}` }, echo: DEMO.apiToken.toUpperCase() });
    log.error('odd answer', { body: `{"api_token":"${DEMO.apiToken}"}` });
    expect(log.file).toBe(path.join(folder, LOG_FILE_NAME));
    const text = await readFile(log.file, 'utf8');
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z info \[main\] session: signed in token="\[redacted\]"$/);
    expect(lines[1]).toContain('warn [main] toggl: refused');
    for (const secret of [DEMO.apiToken, basic]) expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
  });

  it('rotates past its size: the old file is kept as toggl-tray.old.log, the new one starts small', async () => {
    const log = logger(4_000);
    for (let index = 0; index < 200; index++) log.info(`sync: line ${index} of a busy day`, { at: index });
    const files = (await readdir(folder)).sort();
    expect(files).toEqual(['toggl-tray.log', 'toggl-tray.old.log']);
    const current = await readFile(path.join(folder, 'toggl-tray.log'), 'utf8');
    expect(current.length).toBeLessThanOrEqual(4_000);
    expect(current).toContain('line 199 of a busy day');
  });
});
