import { vi } from 'vitest';
import { runCli } from '../../electron/cli/main';

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process with the given environment; returns exit code and what it printed. A variable given as
 * undefined is unset for the run; every variable is put back afterwards. (tests/support/cli-process.ts runs it in
 * a process of its own instead, for crash points.)
 */
export async function runCliInProcess(args: string[], env: Record<string, string | undefined> = {}): Promise<CliOutcome> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  try {
    const code = await runCli(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
