// `npm start`: build, then launch the Electron window. Where Electron cannot show one (its binary was not
// installed, or a Linux machine without a desktop session), start the browser host instead: the same app and
// vault served on 127.0.0.1, its address printed and, where there is a desktop, opened in the browser.
//   npm start -- --browser            always the browser host
//   npm start -- --config-dir DIR     the browser host's data folder (default .consentvault-dev)
//   npm start -- --port N             the browser host's port (default 5178; 0 picks a free one)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { electronBinary } from './electron-binary.mjs';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    browser: { type: 'boolean', default: false },
    'config-dir': { type: 'string', default: '.consentvault-dev' },
    port: { type: 'string', default: '5178' },
  },
});

/** The child doing the work right now (a build, Electron or the browser host): a stop signal goes to it. */
let current = null;
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    if (current && current.exitCode === null) current.kill(signal);
    else process.exit(0);
  });
}

/** Runs a command to its end; resolves with its exit code (a signal counts as failure). */
function run(command, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', ...opts });
    current = child;
    child.once('error', (e) => {
      console.error(`${command}: ${e.message}`);
      resolve(1);
    });
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

/** The newest modification time of the files under `dirs` (recursively). */
function newestMs(dirs) {
  let newest = 0;
  const walk = (p) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (!st.isDirectory()) newest = Math.max(newest, st.mtimeMs);
    else for (const name of fs.readdirSync(p)) walk(path.join(p, name));
  };
  for (const dir of dirs) walk(path.join(root, dir));
  return newest;
}

/** A build output is current when it exists and nothing it is built from changed after it. */
function isCurrent(output, sources) {
  const st = fs.statSync(path.join(root, output), { throwIfNoEntry: false });
  return st !== undefined && st.mtimeMs >= newestMs(sources);
}

async function buildIfNeeded(script, output, sources) {
  if (isCurrent(output, sources)) return;
  const code = await run('npm', ['run', script, '--silent']);
  if (code !== 0) process.exit(stopping ? 0 : code);
}

const desktopSession = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const bin = values.browser ? null : electronBinary();

if (bin && desktopSession) {
  const built = await run('npm', ['run', 'build']);
  if (built !== 0) process.exit(stopping ? 0 : built);
  const code = await run(bin, ['.'], { shell: false });
  process.exit(code);
}

if (!values.browser) {
  console.log(
    bin
      ? 'No desktop session here (neither DISPLAY nor WAYLAND_DISPLAY is set), so ConsentVault starts its browser host instead of the Electron window.'
      : 'The Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1, or no network at install time; "npm rebuild electron" fetches it), so ConsentVault starts its browser host instead of the desktop window.',
  );
}
await buildIfNeeded('build:renderer', 'dist/renderer/index.html', ['renderer', 'shared', 'vite.config.ts']);
await buildIfNeeded('build:cli', 'dist/cli/browser-host.mjs', ['electron', 'shared', 'scripts/build-cli.mjs']);
// The built browser host (no tsx); it prints the address with its token and opens it where there is a desktop.
const code = await run(
  process.execPath,
  ['dist/cli/browser-host.mjs', '--config-dir', path.resolve(values['config-dir']), '--renderer-dir', 'dist/renderer', '--port', values.port, '--open'],
  { shell: false },
);
process.exit(stopping ? 0 : code);
