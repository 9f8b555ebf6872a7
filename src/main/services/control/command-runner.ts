import type { AppServices } from '../app-services';
import { UserFacingError } from '../errors';
import { parseCommandLine, USAGE, type Command, type CommandAnswer } from './command-line';
import { statusAnswer, statusText } from './status-text';
import { runningEntry } from '../../../shared/running-entry';

/** What only the shell can do for a command: its window. Each answers a line for the terminal. */
export interface CommandShell {
  open(): string;
  toggle(): string;
  version: string;
}

/** Where a typed line goes (description, project, task) or why it cannot: the quick-add rules. */
export type TextCommands = {
  start(text: string): { ok: string } | { refused: string };
  /** `start`: a timer on what it makes too. */
  add(text: string, start: boolean): { ok: string } | { refused: string };
};

const done = (out: string): CommandAnswer => ({ code: 0, out });
const refused = (out: string): CommandAnswer => ({ code: 1, out });

/**
 * Carries out `toggl-tray` commands in the running app, through the same commands, rights and
 * queue as the popover (so offline too). Refusals come back in the words the popover shows.
 */
export class CommandRunner {
  constructor(
    private readonly services: AppServices,
    private readonly shell: CommandShell,
    private readonly text: TextCommands,
  ) {}

  run(args: readonly string[]): CommandAnswer {
    const parsed = parseCommandLine(args);
    if ('usageError' in parsed) return { code: 2, out: `${parsed.usageError}\n\n${USAGE}` };
    if ('none' in parsed) return done(this.shell.open());
    try {
      return this.carryOut(parsed.command);
    } catch (error) {
      if (error instanceof UserFacingError) return refused(error.message);
      throw error;
    }
  }

  private signedIn(): boolean {
    return this.services.session.current().status === 'signed-in';
  }

  private carryOut(command: Command): CommandAnswer {
    const { data } = this.services;
    switch (command.kind) {
      case 'help':
        return done(USAGE);
      case 'version':
        return done(this.shell.version);
      case 'open':
        return done(this.shell.open());
      case 'toggle':
        return done(this.shell.toggle());
      case 'link': {
        // Shown whatever the link says: what it asks for, or why it cannot be done, waits there.
        const receipt = this.services.links.receive(command.url);
        this.shell.open();
        return receipt.code === 0 ? done(receipt.out) : refused(receipt.out);
      }
      case 'status': {
        const answer = statusAnswer(this.services.status.snapshot(), true, Date.now());
        return done(command.json ? JSON.stringify(answer, null, 2) : statusText(answer));
      }
    }
    if (!this.signedIn()) return refused('Not signed in: open Toggl Tray (toggl-tray open) and sign in.');
    const view = data.currentView();
    const running = runningEntry(view.entries);
    switch (command.kind) {
      case 'stop': {
        if (!running) return done('No timer is running.');
        data.timer.stop();
        return done(`Stopped “${running.description || 'No description'}”.`);
      }
      case 'continue': {
        const latest = view.entries.find((entry) => entry.stop !== null);
        if (!latest) return refused('There is no earlier entry to continue.');
        data.timer.continue(latest.id);
        return done(`Continued “${latest.description || 'No description'}”.`);
      }
      case 'start':
      case 'add': {
        const result =
          command.kind === 'start' ? this.text.start(command.text) : this.text.add(command.text, command.start);
        return 'ok' in result ? done(result.ok) : refused(result.refused);
      }
    }
  }
}
