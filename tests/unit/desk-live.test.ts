import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveChange, LiveSignal } from '../../shared/api';
import { AppCore, fixedConfigStore } from '../../electron/app-core';
import { ClinicClientError, type ClinicClient } from '../../electron/server/client';
import { createDeskLive } from '../../electron/server/desk-live';
import { createLiveFeed, ipcChangeStream, REFETCH_DELAY_MS } from '../../renderer/src/live';

/** The part of ClinicClient the relay uses, driven by the test: each listen() waits for the test's answer. */
class FakeSeat {
  sessionId: string | null = 'session-1';
  opened: { onChange: (c: LiveChange) => void; onEnd: () => void; answer: (ok: boolean, error?: Error) => void; stopped: boolean }[] = [];
  listen(onChange: (c: LiveChange) => void, onEnd?: () => void): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const entry = {
        onChange,
        onEnd: () => onEnd?.(),
        stopped: false,
        answer: (ok: boolean, error?: Error) => (ok ? resolve(() => void (entry.stopped = true)) : reject(error ?? new Error('ECONNREFUSED'))),
      };
      this.opened.push(entry);
    });
  }
}

const change = (topic: string): LiveChange => ({ topic, channel: `${topic}.save`, at: '2026-01-01T00:00:00.000Z' });
const settle = () => new Promise<void>((r) => queueMicrotask(r)).then(() => Promise.resolve());

describe('the desktop seat’s live stream (main process)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function relay() {
    const app = new AppCore({ config: fixedConfigStore(null), host: { defaultVaultPath: '/tmp/unused' } });
    const seat = new FakeSeat();
    const live = createDeskLive(app, () => seat as unknown as ClinicClient);
    const signals: LiveSignal[] = [];
    live.subscribe((s) => signals.push(s));
    return { seat, live, signals };
  }

  it('forwards the server’s changes, and after a drop opens the stream again and says it resumed', async () => {
    const { seat, live, signals } = relay();
    expect(seat.opened).toHaveLength(1);
    seat.opened[0]!.answer(true);
    await settle();
    seat.opened[0]!.onChange(change('consents'));
    expect(signals).toEqual([{ kind: 'change', change: change('consents') }]);

    seat.opened[0]!.onEnd();
    await vi.advanceTimersByTimeAsync(999);
    expect(seat.opened).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(seat.opened).toHaveLength(2);
    seat.opened[1]!.answer(true);
    await settle();
    expect(signals.at(-1)).toEqual({ kind: 'resumed' });
    live.close();
    expect(seat.opened[1]!.stopped).toBe(true);
  });

  it('keeps asking a server it cannot reach, but not one that refused the session, until the session changes', async () => {
    const { seat, live } = relay();
    seat.opened[0]!.answer(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(seat.opened).toHaveLength(2);
    seat.opened[1]!.answer(false, new ClinicClientError(401, 'errors.unauthenticated'));
    await vi.advanceTimersByTimeAsync(120_000);
    live.follow(seat as unknown as ClinicClient);
    expect(seat.opened).toHaveLength(2);

    seat.sessionId = 'session-2';
    live.follow(seat as unknown as ClinicClient);
    expect(seat.opened).toHaveLength(3);
    // Signed out: nothing is opened, and the last stream is stopped.
    seat.opened[2]!.answer(true);
    await settle();
    seat.sessionId = null;
    live.follow(seat as unknown as ClinicClient);
    expect(seat.opened[2]!.stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(seat.opened).toHaveLength(3);
    live.close();
  });
});

describe('the window’s live feed over IPC (renderer)', () => {
  function preload() {
    const listeners = new Set<(s: LiveSignal) => void>();
    return {
      listeners,
      subscribe: (l: (s: LiveSignal) => void) => (listeners.add(l), () => void listeners.delete(l)),
      send: (s: LiveSignal) => listeners.forEach((l) => l(s)),
    };
  }

  it('refetches the screens of the changed topic, everything when the stream resumed, and lets go when closed', async () => {
    vi.useFakeTimers();
    try {
      const ipc = preload();
      const feed = createLiveFeed(() => ipcChangeStream(ipc.subscribe), { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>) });
      const fetched = { consents: 0, complaints: 0 };
      const stopConsents = feed.listen(['consents'], () => fetched.consents++);
      const stopComplaints = feed.listen(['complaints'], () => fetched.complaints++);
      await settle();
      expect(ipc.listeners.size).toBe(1);

      ipc.send({ kind: 'change', change: change('consents') });
      await vi.advanceTimersByTimeAsync(REFETCH_DELAY_MS);
      expect(fetched).toEqual({ consents: 1, complaints: 0 });

      ipc.send({ kind: 'resumed' });
      await vi.advanceTimersByTimeAsync(REFETCH_DELAY_MS);
      expect(fetched).toEqual({ consents: 2, complaints: 1 });

      stopConsents();
      stopComplaints();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(ipc.listeners.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
