#!/usr/bin/env node
// `consentvault …`: runs the built CLI (dist/cli/consentvault.mjs, `npm run build:cli`) when it exists and is no
// older than the sources; in a development checkout whose sources changed since the last build, runs the
// TypeScript CLI through tsx (a dev dependency) instead. An installed package has no sources, only the build.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'dist', 'cli', 'consentvault.mjs');
const source = path.join(root, 'electron', 'cli', 'main.ts');

/** The newest modification time of the TypeScript the CLI is built from (electron/ and shared/). */
function newestSourceMs() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of ['electron', 'shared']) {
    const full = path.join(root, dir);
    if (fs.existsSync(full)) walk(full);
  }
  return newest;
}

function useBuilt() {
  if (!fs.existsSync(built)) return false;
  if (!fs.existsSync(source)) return true;
  return fs.statSync(built).mtimeMs >= newestSourceMs();
}

const runBuilt = useBuilt();
let cli;
if (runBuilt) {
  cli = await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(pathToFileURL(source).href);
}
// Which of the two ran, for someone wondering whether a fix they just made is in effect.
if (process.env.CONSENTVAULT_DEBUG) process.stderr.write(`consentvault: running ${runBuilt ? built : `${source} through tsx`}\n`);
// `consentvault … | head -1`: a reader that stops early is not an error.
cli.quietOnClosedPipes();
process.exitCode = await cli.runCli(process.argv.slice(2));
