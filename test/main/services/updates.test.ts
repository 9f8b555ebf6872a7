import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src/main/services/logger';
import { UpdateService, type UpdateSource, type UpdateState } from '../../../src/main/services/updates';
import { FakeClock } from '../../support/fake-clock';

const DAY = 24 * 3600_000;

/** A release feed on a fake clock; `latest` is what the project's releases offer. */
function world(options: { enabled?: boolean; lastCheck?: number | null; latest?: string | null } = {}) {
  const clock = new FakeClock(Date.UTC(2026, 10, 27, 9));
  const calls: string[] = [];
  let enabled = options.enabled ?? true;
  let lastCheck = options.lastCheck ?? null;
  let latest = options.latest ?? null;
  let failNext = false;
  const states: UpdateState[] = [];
  const source: UpdateSource = {
    check: () => {
      calls.push('check');
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED'));
      }
      return Promise.resolve(latest);
    },
    download: () => {
      calls.push('download');
      return Promise.resolve();
    },
    install: () => calls.push('install'),
  };
  const updates = new UpdateService({
    source,
    enabled: () => enabled,
    lastCheck: { get: () => lastCheck, set: (at) => (lastCheck = at) },
    clock,
    log: createMemoryLogger(),
    onChange: (state) => states.push(state),
  });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return {
    clock,
    calls,
    states,
    updates,
    settle,
    setEnabled: (value: boolean) => (enabled = value),
    release: (version: string | null) => (latest = version),
    failNextCheck: () => (failNext = true),
    lastCheck: () => lastCheck,
  };
}

describe('update checks', () => {
  it('checks a minute after start, then at most once a day, and downloads nothing on its own', async () => {
    const w = world();
    w.updates.schedule();
    w.clock.advance(59_000);
    expect(w.calls).toEqual([]);
    w.clock.advance(1_000);
    await w.settle();
    expect(w.calls).toEqual(['check']);
    w.clock.advance(DAY - 1_000);
    await w.settle();
    expect(w.calls).toEqual(['check']);
    w.release('0.3.0');
    w.clock.advance(1_000);
    await w.settle();
    expect(w.calls).toEqual(['check', 'check']);
    expect(w.updates.current).toEqual({ kind: 'available', version: '0.3.0' });
    expect(w.updates.menuLine()).toBe('Update to 0.3.0…');
    // Waiting for the user: no more checks, no download, however long it waits.
    w.clock.advance(7 * DAY);
    await w.settle();
    expect(w.calls).toEqual(['check', 'check']);
  });

  it('after the OK it downloads, then offers a restart; installing is the user’s click too', async () => {
    const w = world({ latest: '0.3.0' });
    await w.updates.check();
    expect(w.updates.current.kind).toBe('available');
    w.updates.install();
    expect(w.calls).toEqual(['check']);
    await w.updates.download();
    expect(w.states.map((state) => state.kind)).toEqual(['available', 'downloading', 'ready']);
    expect(w.updates.menuLine()).toBe('Restart to update to 0.3.0');
    w.updates.install();
    expect(w.calls).toEqual(['check', 'download', 'install']);
  });

  it('a restart does not check again within the day: the last check is kept', async () => {
    const w = world({ lastCheck: Date.UTC(2026, 10, 27, 3) });
    w.updates.schedule();
    w.clock.advance(DAY - 6 * 3600_000 - 1_000);
    await w.settle();
    expect(w.calls).toEqual([]);
    w.clock.advance(1_000);
    await w.settle();
    expect(w.calls).toEqual(['check']);
    expect(w.lastCheck()).toBe(w.clock.now());
  });

  it('with the setting off nothing is checked; turning it on plans the next check', async () => {
    const w = world({ enabled: false });
    w.updates.schedule();
    w.clock.advance(2 * DAY);
    await w.updates.check();
    expect(w.calls).toEqual([]);
    w.setEnabled(true);
    w.updates.schedule();
    w.clock.advance(60_000);
    await w.settle();
    expect(w.calls).toEqual(['check']);
    w.setEnabled(false);
    w.updates.schedule();
    w.clock.advance(3 * DAY);
    await w.settle();
    expect(w.calls).toEqual(['check']);
  });

  it('a failed check is quiet and tried again the next day', async () => {
    const w = world({ latest: '0.3.0' });
    w.failNextCheck();
    await w.updates.check();
    expect(w.updates.current.kind).toBe('idle');
    expect(w.states).toEqual([]);
    w.clock.advance(DAY);
    await w.settle();
    expect(w.updates.current).toEqual({ kind: 'available', version: '0.3.0' });
  });

  it('a failed download goes back to "available", so the menu offers it again', async () => {
    const clock = new FakeClock();
    const states: string[] = [];
    const updates = new UpdateService({
      source: {
        check: () => Promise.resolve('0.3.0'),
        download: () => Promise.reject(new Error('socket hang up')),
        install: () => undefined,
      },
      enabled: () => true,
      lastCheck: { get: () => null, set: () => undefined },
      clock,
      log: createMemoryLogger(),
      onChange: (state) => states.push(state.kind),
    });
    await updates.check();
    await updates.download();
    expect(states).toEqual(['available', 'downloading', 'available']);
    expect(updates.menuLine()).toBe('Update to 0.3.0…');
  });

  it('where updates come another way (a deb, a development build) it never checks and says why', async () => {
    const clock = new FakeClock();
    const updates = new UpdateService({
      source: { unsupported: 'Installed from a package: updates come through your package manager.' },
      enabled: () => true,
      lastCheck: { get: () => null, set: () => undefined },
      clock,
      log: createMemoryLogger(),
      onChange: () => undefined,
    });
    updates.schedule();
    expect(clock.waiting).toEqual([]);
    await updates.check();
    expect(updates.current.kind).toBe('idle');
    expect(updates.unsupported).toMatch(/package manager/);
  });
});
