import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The Electron executable, or null when the package was installed without its binary (ELECTRON_SKIP_BINARY_DOWNLOAD).
 * Reads the install record instead of require('electron'), which tries to download a missing binary.
 */
export function electronBinary() {
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const bin = path.join(dir, 'dist', rel);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}
