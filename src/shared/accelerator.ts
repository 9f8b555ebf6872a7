/** An Electron accelerator as the keyboard says it: CommandOrControl is Cmd on macOS, Ctrl elsewhere. */
export function readableKeys(accelerator: string, platform: string): string {
  return accelerator.replace(/CommandOrControl|CmdOrCtrl/gi, platform === 'darwin' ? 'Cmd' : 'Ctrl');
}
