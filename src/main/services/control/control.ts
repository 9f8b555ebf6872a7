import type { AppServices } from '../app-services';
import type { Logger } from '../logger';
import type { CommandAnswer } from './command-line';
import { CommandRunner, type CommandShell, type TextCommands } from './command-runner';
import { ControlServer, controlSocketPath } from './control-socket';

/**
 * Opens the app's local socket for `toggl-tray` commands (both shells). A socket that cannot
 * be opened is logged: the app works without its command line.
 */
export async function startControl(options: {
  services: AppServices;
  dataDir: string;
  shell: CommandShell;
  text: TextCommands;
  log: Logger;
}): Promise<{ runner: CommandRunner; server: ControlServer | undefined }> {
  const { services, dataDir, shell, text, log } = options;
  const runner = new CommandRunner(services, shell, text);
  try {
    // A throw is a rejection: the socket answers it as a failure.
    const handle = (args: string[]) => new Promise<CommandAnswer>((resolve) => resolve(runner.run(args)));
    const server = await ControlServer.listen(controlSocketPath(dataDir), handle, log);
    log.info('control: listening for toggl-tray commands', { path: server.path });
    return { runner, server };
  } catch (error) {
    log.warn('control: the toggl-tray command socket did not open', { error });
    return { runner, server: undefined };
  }
}
