import { describe, expect, it } from 'vitest';
import { sessionSignalOf } from '../../renderer/src/api';
import { createReachWatch, retryDelayMs, SERVER_UNAVAILABLE } from '../../renderer/src/connection';
import { createLiveFeed, REFETCH_DELAY_MS, type ChangeStream } from '../../renderer/src/live';
import { patientSideOpen } from '../../renderer/src/screens/consents/SendToTablet';
import { groupedCode, timeLeft } from '../../renderer/src/screens/seats/PairingCodeCard';
import { serverAddress } from '../../renderer/src/screens/setup/ConnectChoice';

/** A clock whose timers run only when the test moves it on. */
function manualTimers() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => {
      const id = nextId++;
      pending.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id: unknown) => {
      pending.delete(id as number);
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...pending.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = until;
    },
  };
}

/** What EventSource does, driven by the test: opens, named events, a refusal (closed) or a drop (connecting). */
class FakeStream implements ChangeStream {
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  private listeners: ((e: MessageEvent<string>) => void)[] = [];
  addEventListener(type: 'change' | 'message', listener: (event: MessageEvent<string>) => void): void {
    if (type === 'change') this.listeners.push(listener);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  change(topic: string, channel = `${topic}.save`): void {
    for (const l of this.listeners) l({ data: JSON.stringify({ topic, channel, at: '2026-01-01T00:00:00.000Z' }) } as MessageEvent<string>);
  }
  refuse(): void {
    this.readyState = 2;
    this.onerror?.();
  }
}

describe('live screens: one event stream per page', () => {
  it('refetches only the screens showing the changed topic, once per burst, shortly after', () => {
    const timers = manualTimers();
    const streams: FakeStream[] = [];
    const feed = createLiveFeed(() => {
      const s = new FakeStream();
      streams.push(s);
      return s;
    }, timers);
    const calls = { home: 0, complaints: 0 };
    feed.listen(['consents', 'followUps'], () => calls.home++);
    feed.listen(['complaints'], () => calls.complaints++);
    expect(streams).toHaveLength(1);
    streams[0]!.open();
    streams[0]!.change('consents');
    streams[0]!.change('consents');
    streams[0]!.change('followUps');
    expect(calls.home).toBe(0);
    timers.advance(REFETCH_DELAY_MS);
    expect(calls).toEqual({ home: 1, complaints: 0 });
    streams[0]!.change('patients');
    timers.advance(2000);
    expect(calls).toEqual({ home: 1, complaints: 0 });
    // Well inside the 2 seconds the issue asks for.
    expect(REFETCH_DELAY_MS).toBeLessThan(1000);
  });

  it('asks again after the server refused the stream, and refetches everything when it is back', () => {
    const timers = manualTimers();
    const streams: FakeStream[] = [];
    const feed = createLiveFeed(() => {
      const s = new FakeStream();
      streams.push(s);
      return s;
    }, timers);
    let fetched = 0;
    feed.listen(['consents'], () => fetched++);
    streams[0]!.open();
    streams[0]!.refuse();
    expect(streams).toHaveLength(1);
    timers.advance(5000);
    expect(streams).toHaveLength(2);
    streams[1]!.open();
    timers.advance(REFETCH_DELAY_MS);
    expect(fetched).toBe(1);
  });

  it('keeps the stream across a change of screen and closes it once no screen listens', () => {
    const timers = manualTimers();
    const streams: FakeStream[] = [];
    const feed = createLiveFeed(() => {
      const s = new FakeStream();
      streams.push(s);
      return s;
    }, timers);
    const stop = feed.listen(['consents'], () => undefined);
    stop();
    const stopNext = feed.listen(['complaints'], () => undefined);
    timers.advance(10_000);
    expect(streams).toHaveLength(1);
    expect(streams[0]!.closed).toBe(false);
    stopNext();
    timers.advance(10_000);
    expect(streams[0]!.closed).toBe(true);
    expect(feed.size()).toBe(0);
  });
});

describe('server unavailable: the seat waits, asks again with a growing pause, and goes on', () => {
  it('backs off 1, 2, 4, 8 s and then every 15 s', () => {
    expect([0, 1, 2, 3, 4, 9].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 15_000, 15_000]);
  });

  it('marks the server unavailable on a transport failure and reachable once the probe answers', async () => {
    const timers = manualTimers();
    let up = false;
    let probes = 0;
    const watch = createReachWatch(async () => {
      probes++;
      return up;
    }, timers);
    const seen: string[] = [];
    watch.subscribe((r) => seen.push(r.state));
    watch.report({ ok: false, error: { code: 'internal', messageKey: 'errors.transport' } });
    expect(watch.current()).toMatchObject({ state: 'unavailable', attempt: 0, nextTryAt: 1000 });
    timers.advance(1000);
    await Promise.resolve();
    await Promise.resolve();
    expect(probes).toBe(1);
    expect(watch.current()).toMatchObject({ state: 'unavailable', attempt: 1, nextTryAt: 3000 });
    up = true;
    timers.advance(2000);
    await Promise.resolve();
    await Promise.resolve();
    expect(watch.current()).toEqual({ state: 'reachable' });
    expect(seen.at(-1)).toBe('reachable');
  });

  it('counts a refusal (an answer from the server) as reachable, not as a lost server', () => {
    const timers = manualTimers();
    const watch = createReachWatch(async () => true, timers);
    watch.report({ ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } });
    expect(watch.current()).toEqual({ state: 'reachable' });
    watch.report({ ok: false, error: SERVER_UNAVAILABLE });
    expect(watch.current().state).toBe('unavailable');
    watch.report({ ok: true, value: null });
    expect(watch.current()).toEqual({ state: 'reachable' });
  });
});

describe('what a refusal means for the whole window', () => {
  it('sends an unpaired or revoked device to pairing, and a lost server signs nobody out', () => {
    expect(sessionSignalOf({ code: 'unauthenticated', messageKey: 'seats.errors.notPaired' }, false)).toBe('unpaired');
    expect(sessionSignalOf({ code: 'unauthenticated', messageKey: 'seats.errors.deviceRevoked' }, true)).toBe('unpaired');
    expect(sessionSignalOf({ code: 'unauthenticated', messageKey: 'seats.errors.serverUnavailable' }, true)).toBeNull();
    expect(sessionSignalOf({ code: 'unauthenticated', messageKey: 'errors.unauthenticated' }, true)).toBe('signedOut');
    expect(sessionSignalOf({ code: 'locked', messageKey: 'errors.locked' }, true)).toBe('locked');
    expect(sessionSignalOf({ code: 'locked', messageKey: 'errors.lockedOut' }, true)).toBeNull();
  });
});

describe('seats screens: small rules', () => {
  it('shows a pairing code as XXXXX-XXXXX and its time left as m:ss, none once expired', () => {
    expect(groupedCode('ABCDE23456')).toBe('ABCDE-23456');
    expect(timeLeft('2026-01-01T00:10:00.000Z', Date.parse('2026-01-01T00:00:30.500Z'))).toBe('9:30');
    expect(timeLeft('2026-01-01T00:10:00.000Z', Date.parse('2026-01-01T00:10:00.000Z'))).toBeNull();
  });

  it('accepts only https server addresses, adding the scheme when it is left out', () => {
    expect(serverAddress('192.168.1.20:8443')).toBe('https://192.168.1.20:8443');
    expect(serverAddress('https://clinic-server.local:8443/some/path')).toBe('https://clinic-server.local:8443');
    expect(serverAddress('http://192.168.1.20:8443')).toBeNull();
    expect(serverAddress('https://user:pw@host')).toBeNull();
    expect(serverAddress('  ')).toBeNull();
  });

  it('offers sending to a tablet only while a patient-side box of an issued consent is empty', () => {
    const required = [
      { form: 'procedure' as const, role: 'patient' as const, signed: false, signerName: 'A' },
      { form: 'procedure' as const, role: 'physician' as const, signed: false, signerName: 'B' },
    ];
    const signature = (role: 'patient' | 'physician') => ({ form: 'procedure', role, signerName: 'x', signedAt: '2026-01-01T00:00:00.000Z' }) as never;
    expect(patientSideOpen({ status: 'issued', required, signatures: [] })).toBe(true);
    expect(patientSideOpen({ status: 'issued', required, signatures: [signature('patient')] })).toBe(false);
    expect(patientSideOpen({ status: 'patient_signed', required, signatures: [] })).toBe(false);
  });
});
