// `npm test`: type-check, lint, unit + integration (vitest), build the renderer, e2e (Playwright in Chromium).
// Ends with one summary line, "N passed, N failed", counted from the runners' JSON reports.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const stages = [
  ['type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '.']],
  ['unit + integration', 'npx', ['vitest', 'run']],
  ['build renderer + electron', 'npm', ['run', 'build', '--silent']],
  ['e2e + electron', 'npx', ['playwright', 'test']],
];

fs.rmSync('test-results/vitest.json', { force: true });
fs.rmSync('test-results/playwright.json', { force: true });
let failedStage = null;
for (const [name, cmd, args] of stages) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    failedStage = name;
    break;
  }
}

function counts() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  try {
    const v = JSON.parse(fs.readFileSync('test-results/vitest.json', 'utf8'));
    passed += v.numPassedTests;
    failed += v.numFailedTests;
    skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  } catch {
    /* vitest did not run */
  }
  try {
    const p = JSON.parse(fs.readFileSync('test-results/playwright.json', 'utf8'));
    passed += p.stats.expected + (p.stats.flaky ?? 0);
    failed += p.stats.unexpected;
    skipped += p.stats.skipped;
  } catch {
    /* playwright did not run */
  }
  return { passed, failed, skipped };
}

const c = counts();
if (failedStage) console.log(`\nStage failed: ${failedStage}`);
console.log(`\nTotal: ${c.passed} passed, ${c.failed + (failedStage && c.failed === 0 ? 1 : 0)} failed, ${c.skipped} skipped`);
process.exit(failedStage ? 1 : 0);
