import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBrowserHost } from './server';

/**
 * `npm run start:browser`, and `npm start` where the Electron binary is absent: the app in a browser, for tests and
 * machines without the Electron binary. Built to dist/cli/browser-host.mjs (scripts/build-cli.mjs).
 */
const { values } = parseArgs({
  options: {
    'config-dir': { type: 'string', default: '.consentvault-dev' },
    'renderer-dir': { type: 'string', default: 'dist/renderer' },
    port: { type: 'string', default: '5178' },
    // Open the address in the desktop's browser too, where there is a desktop (never fails the start).
    open: { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, got "${values.port}"`);
  process.exit(2);
}

/** A desktop browser can be shown: always on macOS and Windows; elsewhere only inside an X11 or Wayland session. */
function hasDesktop(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Best effort: the address is printed either way, so a browser that cannot be started is only mentioned. */
async function openInBrowser(url: string): Promise<void> {
  const explain = (e: unknown) => console.log(`(Could not open a browser: ${e instanceof Error ? e.message : String(e)}. Open the address yourself.)`);
  try {
    const { default: open } = await import('open');
    const opener = await open(url);
    opener.once('error', explain);
  } catch (e) {
    explain(e);
  }
}

try {
  const host = await startBrowserHost({ configDir: path.resolve(values['config-dir']), rendererDir: values['renderer-dir'], port });
  console.log(`ConsentVault browser host: ${host.url}`);
  console.log('Open that address in Chromium or Chrome (the #token part is required). Press Ctrl+C to stop.');
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (values.open && hasDesktop()) await openInBrowser(host.url);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
