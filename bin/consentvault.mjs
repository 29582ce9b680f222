#!/usr/bin/env node
// `npx consentvault …` from the project root: runs the TypeScript CLI through tsx (a dev dependency).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
