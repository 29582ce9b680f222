// Bundles the Electron main process and the (sandboxed, so bundled) preload into dist/electron.
import { build } from 'esbuild';

// Native modules and pdfkit stay outside the bundle (pdfkit reads font files at run time); so do yazl and its
// buffer-crc32, whose CRC the ZIP writer replaces with zlib's (one module instance for both, from node_modules).
const external = ['electron', 'better-sqlite3-multiple-ciphers', '@node-rs/argon2', 'pdfkit', 'yazl', 'buffer-crc32'];
// import.meta.dirname (used to find resources/) becomes the bundle's own folder.
// import.meta.url (the job runner resolves tsx from it when run from source) becomes the bundle file's URL.
const common = { define: { 'import.meta.dirname': '__dirname', 'import.meta.url': '__cvImportMetaUrl' }, banner: { js: "const __cvImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" }, bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: false, logLevel: 'warning', external };

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] });
// The job runner's worker thread: found next to main.cjs at run time (electron/jobs/runner.ts).
await build({ ...common, entryPoints: ['electron/jobs/worker.ts'], outfile: 'dist/electron/jobs-worker.cjs' });
console.log('Built dist/electron/main.cjs, preload.cjs and jobs-worker.cjs');
