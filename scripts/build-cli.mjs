// Bundles the command-line tool, the browser host / clinic server entry and their job worker into dist/cli as
// ES modules, so `consentvault` runs from built JavaScript with production dependencies only (no tsx).
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist', 'cli');

// Every package stays outside the bundle and is loaded from node_modules at run time: the native modules
// (better-sqlite3-multiple-ciphers, @node-rs/argon2) must, pdfkit reads its own font data files next to its code,
// and keeping the rest out too means an `npm install --omit=dev` installs exactly what the bundle loads.
// Native ES modules keep import.meta.dirname, which fonts.ts (resources/) and jobs/runner.ts (the worker) rely on.
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    consentvault: 'electron/cli/main.ts',
    'browser-host': 'electron/browser-host/main.ts',
    // Found next to the entry at run time by electron/jobs/runner.ts.
    'jobs-worker': 'electron/jobs/worker.ts',
  },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  packages: 'external',
  platform: 'node',
  target: 'node22',
  format: 'esm',
  sourcemap: false,
  metafile: true,
  logLevel: 'warning',
}).catch(() => {
  // esbuild has already printed each error with its source line; its stack trace adds nothing.
  process.exit(1);
});

// A package the bundle imports but package.json lists only under devDependencies would be missing after
// `npm install --omit=dev`: refuse to build rather than ship a CLI that fails on its first run.
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const builtins = new Set(builtinModules);
const packageOf = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
const imported = new Set();
for (const output of Object.values(result.metafile.outputs)) {
  for (const imp of output.imports) {
    if (!imp.external || imp.path.startsWith('node:') || imp.path.startsWith('.') || builtins.has(imp.path)) continue;
    imported.add(packageOf(imp.path));
  }
}
const missing = [...imported].filter((name) => !(pkg.dependencies ?? {})[name]).sort();
if (missing.length > 0) {
  console.error(`dist/cli loads ${missing.join(', ')} at run time, but package.json does not list them under "dependencies".`);
  process.exit(1);
}
console.log(`Built dist/cli/consentvault.mjs, browser-host.mjs and jobs-worker.mjs (runtime packages: ${[...imported].sort().join(', ')})`);
