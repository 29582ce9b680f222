#!/usr/bin/env node
// `npx consentvault …` from the project root: runs the TypeScript CLI through tsx (a dev dependency).
import { register } from 'tsx/esm/api';

register();
const { runCli, quietOnClosedPipes } = await import('../electron/cli/main.ts');
// `consentvault … | head -1`: a reader that stops early is not an error.
quietOnClosedPipes();
process.exitCode = await runCli(process.argv.slice(2));
