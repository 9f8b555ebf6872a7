import { runCli } from '../services/control/cli-client';

// `toggl-tray` in Node (package.json bin, built to out/main/cli.js): the same commands as the
// installed app's own command line, without Electron.
runCli(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
})
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`toggl-tray: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
