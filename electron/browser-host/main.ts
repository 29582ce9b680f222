import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBrowserHost } from './server';

/** `npm run start:browser`: the app in a browser, for tests and machines without the Electron binary. */
const { values } = parseArgs({
  options: {
    'config-dir': { type: 'string', default: '.consentvault-dev' },
    'renderer-dir': { type: 'string', default: 'dist/renderer' },
    port: { type: 'string', default: '5178' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, got "${values.port}"`);
  process.exit(2);
}

try {
  const host = await startBrowserHost({ configDir: path.resolve(values['config-dir']), rendererDir: values['renderer-dir'], port });
  console.log(`ConsentVault browser host: ${host.url}`);
  console.log('Open that address in Chromium or Chrome (the #token part is required). Press Ctrl+C to stop.');
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
