import fs from 'node:fs';
import { createRequire } from 'node:module';

/** The Electron executable, or null when the package was installed without its binary (ELECTRON_SKIP_BINARY_DOWNLOAD). */
export function electronBinary() {
  try {
    const require = createRequire(import.meta.url);
    const bin = require('electron');
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}
