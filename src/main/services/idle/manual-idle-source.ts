import type { Clock } from '../clock';
import type { IdleSource, PowerEvent } from './idle-source';

const POWER_EVENTS: readonly PowerEvent[] = ['suspend', 'resume', 'lock', 'unlock'];

/**
 * A machine told by hand when its user last did something and when it sleeps or locks: the
 * browser shell's source (Node has no OS idle time: it stays "active", and a sleep shows only as
 * the clock jumping) and the one tests drive. Its idle time grows with the clock, as the OS's does.
 */
export class ManualIdleSource implements IdleSource {
  private lastInput: number;
  private readonly listeners = new Set<(event: PowerEvent) => void>();

  constructor(private readonly clock: Pick<Clock, 'now'>) {
    this.lastInput = clock.now();
  }

  idleSeconds(): number {
    return Math.max(0, Math.floor((this.clock.now() - this.lastInput) / 1000));
  }

  subscribe(listener: (event: PowerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The last input was `seconds` ago (0: the user just did something). */
  setIdle(seconds: number): void {
    this.lastInput = this.clock.now() - seconds * 1000;
  }

  emit(event: PowerEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /**
   * One line of the test hooks' language: "idle <seconds>", "suspend", "resume", "lock",
   * "unlock". Throws on anything else.
   */
  command(line: string): void {
    const [word, argument, ...rest] = line.trim().split(/\s+/);
    const seconds = Number(argument);
    if (word === 'idle' && argument !== undefined && Number.isInteger(seconds) && seconds >= 0 && rest.length === 0)
      return this.setIdle(seconds);
    const event = POWER_EVENTS.find((name) => name === word);
    if (event && argument === undefined) return this.emit(event);
    throw new Error(`not an idle command: "${line}" (idle <seconds>, ${POWER_EVENTS.join(', ')})`);
  }
}
