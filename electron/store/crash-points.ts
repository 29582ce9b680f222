/**
 * Fault injection, used by tests only. Each named point sits between two writes that a crash could separate
 * (a key-slot file and a database commit, the steps of set-up, an export's partial file). When the environment
 * variable CONSENTVAULT_CRASH_AT equals the point's name, the process kills itself with SIGKILL right there:
 * no finally blocks, no exit handlers, exactly like a power cut or `kill -9`. The process-level tests run the
 * real CLI with each name in turn and then check that the vault opens and tells the truth.
 *
 * In-process tests may instead register an observer that sees each point as it is passed (to copy the folder
 * as a crash would leave it). Nothing in the app sets either.
 */
export const CRASH_AT_ENV = 'CONSENTVAULT_CRASH_AT';

let observer: ((name: string) => void) | null = null;

export function crashPoint(name: string): void {
  observer?.(name);
  if (process.env[CRASH_AT_ENV] === name) process.kill(process.pid, 'SIGKILL');
}

/** Tests only: called at every crash point passed (null to stop). */
export function observeCrashPointsForTests(fn: ((name: string) => void) | null): void {
  observer = fn;
}
