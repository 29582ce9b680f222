import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The worker file: the bundled one next to the built code (dist/electron/jobs-worker.cjs for the desktop app,
 * dist/cli/jobs-worker.mjs for the CLI and server), or the TypeScript source run through tsx.
 */
export function workerEntry(): { file: string; execArgv: string[] } {
  // The benchmarks run the sources through tsx but time the built worker, as a clinic runs it.
  const named = process.env.CONSENTVAULT_JOBS_WORKER;
  if (named && fs.existsSync(named)) return { file: named, execArgv: [] };
  for (const name of ['jobs-worker.cjs', 'jobs-worker.mjs']) {
    const bundled = path.join(import.meta.dirname, name);
    if (fs.existsSync(bundled)) return { file: bundled, execArgv: [] };
  }
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { file: path.join(import.meta.dirname, 'worker.ts'), execArgv: ['--import', tsx] };
}

