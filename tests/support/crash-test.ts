import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';
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

/**
 * An in-process "crash image": at crash point `point` the vault folder is copied into `image` as a kill there
 * would leave it (the database file and its WAL, keyslots.json); `action` then finishes in the original, and the
 * copy can be opened as the next start would open it.
 */
export async function copyAtCrashPoint(t: TestApp, point: string, action: () => Promise<unknown>, image: string): Promise<string> {
  observeCrashPointsForTests((name) => {
    if (name !== point || fs.existsSync(image)) return;
    fs.mkdirSync(image);
    for (const f of fs.readdirSync(t.vaultDir)) if (!f.endsWith('-shm')) fs.cpSync(path.join(t.vaultDir, f), path.join(image, f), { recursive: true });
  });
  try {
    await action();
  } finally {
    observeCrashPointsForTests(null);
  }
  expect(fs.existsSync(image), `crash point ${point} was passed`).toBe(true);
  return image;
}
