/**
 * `npm run lint:electron`: Electronegativity over src/ with the app's own Electron version.
 * Fails on any high or medium finding except PRELOAD_JS_CHECK, the review reminder every app
 * with a preload gets (reviewed: README, Security). The check that downloads Electron's
 * release list is left out: it needs the network, which CI here does not have.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

interface Level {
  value: number;
  name?: string;
}
interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: Level;
  confidence: Level;
  description: string;
}
type Run = (
  options: Record<string, unknown>,
) => Promise<{ issues: Issue[]; errors: { file: string; message: string }[] }>;

const REVIEWED = new Set(['PRELOAD_JS_CHECK']);
const require = createRequire(import.meta.url);
const electronVersion = (require('electron/package.json') as { version: string }).version;
const run = require('@doyensec/electronegativity') as Run;
const severityOf = (issue: Issue): string =>
  ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'][issue.severity.value] ?? String(issue.severity.value);

const root = path.resolve('src');
const { issues, errors } = await run({
  input: root,
  isRelative: true,
  electronVersionOverride: electronVersion,
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  parserPlugins: [],
});
for (const error of errors)
  process.stdout.write(`electronegativity: could not parse ${error.file}: ${error.message}\n`);
let failing = 0;
for (const issue of issues) {
  const level = severityOf(issue);
  const blocking = (level === 'HIGH' || level === 'MEDIUM') && !REVIEWED.has(issue.id);
  if (blocking) failing++;
  const mark = blocking ? 'FAIL' : REVIEWED.has(issue.id) ? 'reviewed' : 'note';
  process.stdout.write(
    `${mark.padEnd(8)} ${issue.id} ${level} ${issue.file}:${issue.location.line} ${issue.description}\n`,
  );
}
process.stdout.write(
  `electronegativity (Electron ${electronVersion}): ${issues.length} findings, ${failing} high or medium not reviewed\n`,
);
process.exitCode = failing > 0 || errors.length > 0 ? 1 : 0;
