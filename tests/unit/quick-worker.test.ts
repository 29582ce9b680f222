import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { QuickWorker } from '../../electron/jobs/quick-worker';
import { renderHere } from '../../electron/services/prepared-render';
import { sampleConsentData } from '../support/consent-fixture';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('the warm worker for quick renders', () => {
  let worker: QuickWorker | null = null;
  afterEach(() => worker?.close());

  it('answers several renders asked at once, each by its own id, with the bytes this thread renders', async () => {
    worker = new QuickWorker({ maxHeapMb: 512, idleMs: 60_000, timeLimitMs: 60_000 });
    const zh = sampleConsentData('zh-TW');
    const en = sampleConsentData('en');
    const [a, b] = await Promise.all([worker.run('pdf.consent', zh), worker.run('pdf.consent', en)]);
    expect(sha(a.bytes)).toBe(sha((await renderHere('pdf.consent', zh)).bytes));
    expect(sha(b.bytes)).toBe(sha((await renderHere('pdf.consent', en)).bytes));
    expect(a.boxes).toEqual((await renderHere('pdf.consent', zh)).boxes);
  }, 120_000);

  it('fails a request past its time limit, and the next request gets a fresh worker that answers', async () => {
    worker = new QuickWorker({ maxHeapMb: 512, idleMs: 60_000, timeLimitMs: 60_000 });
    await expect(worker.run('pdf.consent', sampleConsentData('zh-TW'), 1)).rejects.toThrow(/longer than 1 ms/);
    const again = await worker.run('pdf.consent', sampleConsentData('zh-TW'));
    expect(again.pageCount).toBeGreaterThan(0);
  }, 120_000);

  it('fails what is waiting when closed, instead of leaving the call hanging', async () => {
    worker = new QuickWorker({ maxHeapMb: 512, idleMs: 60_000, timeLimitMs: 60_000 });
    const waiting = worker.run('pdf.consent', sampleConsentData('en'));
    worker.close();
    await expect(waiting).rejects.toThrow(/closed/);
  }, 60_000);
});
