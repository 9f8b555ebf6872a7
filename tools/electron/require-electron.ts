import { NO_ELECTRON_MESSAGE, findElectronBinary } from './electron-binary';

// Runs before `npm start` and `npm run dev`: one sentence and a non-zero exit instead of
// electron-vite's "Electron uninstall" stack trace.
if (!findElectronBinary()) {
  process.stderr.write(`${NO_ELECTRON_MESSAGE}\n`);
  process.exit(1);
}
