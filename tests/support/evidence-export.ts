import type { In, Out } from '../../shared/api';
import type { TestApp } from './app';

/** Starts an export through the channels and polls its progress until it ends; returns the last status and what it saw. */
export async function exportPack(t: TestApp, input: In<'evidence.startExport'>): Promise<{ status: Out<'evidence.progress'>; seen: Out<'evidence.progress'>[]; jobId: string }> {
  const { jobId } = await t.ok('evidence.startExport', input);
  const seen: Out<'evidence.progress'>[] = [];
  for (;;) {
    const status = await t.ok('evidence.progress', { jobId });
    seen.push(status);
    if (status.state !== 'running') return { status, seen, jobId };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Polls an export until it ends (with a timer between polls: the export's file I/O needs the event loop). */
export async function waitForEnd(t: TestApp, jobId: string): Promise<Out<'evidence.progress'>> {
  for (;;) {
    const status = await t.ok('evidence.progress', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
