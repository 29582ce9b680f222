import fs from 'node:fs';
import { afterAll, afterEach } from 'vitest';
import { observeCrashPointsForTests } from '../../electron/store/crash-points';
import { makeTestApp, tempDir, type TestApp } from './app';

/**
 * What every crash test file needs: fresh folders and app cores that are cleaned up after each test, and the
 * crash-point observer reset. Call once at the top level of the test file.
 */
export function crashTestScope(prefix: string) {
  const cleanup: string[] = [];
  const apps: TestApp[] = [];
  afterEach(() => {
    observeCrashPointsForTests(null);
    for (const t of apps.splice(0)) t.dispose();
  });
  afterAll(() => {
    for (const d of cleanup.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  return {
    newDir(): string {
      const d = tempDir(prefix);
      cleanup.push(d);
      return d;
    },
    app(opts: Parameters<typeof makeTestApp>[0] = {}): TestApp {
      const t = makeTestApp(opts);
      apps.push(t);
      return t;
    },
  };
}
