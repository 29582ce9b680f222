// `npm start`: build, then launch Electron; without the Electron binary, say how to use the browser host.
import { spawnSync, spawn } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const bin = electronBinary();
if (!bin) {
  console.log(
    [
      '',
      'ConsentVault cannot open its desktop window here: the Electron binary is not installed (it was skipped with',
      'ELECTRON_SKIP_BINARY_DOWNLOAD=1 or could not be downloaded). Everything else works without it. Run',
      '"npm run start:browser" instead: it builds the interface and serves the same app, with the same encrypted',
      'vault, on http://127.0.0.1:5178 only, and prints the address to open in Chromium or Chrome (the #token part',
      'of the address is required). To get the desktop window, reinstall with network access: "npm rebuild electron".',
      '',
    ].join('\n'),
  );
  process.exit(0);
}
const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (built.status !== 0) process.exit(built.status ?? 1);
const child = spawn(bin, ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
