import { useEffect, useState } from 'react';
import type { ApiError, ApiResult } from '../../shared/errors';
import { getBridge, hasOtherSeats } from './bridge';

/**
 * Whether the clinic's server answers this seat (issue 14). A call that cannot reach it marks it unavailable:
 * the screens stay mounted (unsaved forms keep what was typed), a banner says so, and the server is asked again
 * with a growing pause until it answers; then the banner goes and live screens fetch what they show again.
 * Nothing is re-sent on its own: a write that may or may not have arrived is the user's to repeat.
 */
export type ServerReach = { state: 'reachable' } | { state: 'unavailable'; attempt: number; nextTryAt: number };

export const SERVER_UNAVAILABLE: ApiError = { code: 'internal', messageKey: 'seats.errors.serverUnavailable' };

/** 1 s, 2 s, 4 s, 8 s, then every 15 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(15_000, 1000 * 2 ** Math.max(0, attempt));
}

/** A failure that says nothing about the call, only that the server (or the way to it) is not there. */
export function isUnreachable(error: ApiError): boolean {
  return error.messageKey === 'errors.transport' || error.messageKey === 'seats.errors.serverUnavailable';
}

type Listener = (reach: ServerReach) => void;

export interface ReachWatch {
  current(): ServerReach;
  /** Every call's outcome; a failure to reach the server starts the retries. */
  report(result: ApiResult<unknown>): void;
  /** Ask now instead of waiting for the next retry (the banner's button). */
  retryNow(): void;
  subscribe(listener: Listener): () => void;
}

/**
 * The watcher itself, with its probe and timers given (tests drive them); `probe` answers whether the server
 * replied at all (any well-formed answer, even a refusal, means it is there).
 */
export function createReachWatch(probe: () => Promise<boolean>, timers: { now: () => number; setTimeout: (fn: () => void, ms: number) => unknown; clearTimeout: (id: unknown) => void }): ReachWatch {
  let reach: ServerReach = { state: 'reachable' };
  let timer: unknown = null;
  let probing = false;
  const listeners = new Set<Listener>();
  const set = (next: ServerReach) => {
    reach = next;
    for (const l of [...listeners]) l(reach);
  };
  const schedule = (attempt: number) => {
    if (timer !== null) timers.clearTimeout(timer);
    const delay = retryDelayMs(attempt);
    set({ state: 'unavailable', attempt, nextTryAt: timers.now() + delay });
    timer = timers.setTimeout(() => {
      timer = null;
      void tryOnce(attempt);
    }, delay);
  };
  const tryOnce = async (attempt: number) => {
    if (probing) return;
    probing = true;
    const back = await probe().catch(() => false);
    probing = false;
    if (reach.state === 'reachable') return;
    if (back) {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      set({ state: 'reachable' });
    } else schedule(attempt + 1);
  };
  return {
    current: () => reach,
    report(result) {
      if (result.ok || !isUnreachable(result.error)) {
        if (reach.state === 'unavailable') {
          if (timer !== null) timers.clearTimeout(timer);
          timer = null;
          set({ state: 'reachable' });
        }
        return;
      }
      if (reach.state === 'reachable') schedule(0);
    },
    retryNow() {
      if (reach.state === 'unavailable') void tryOnce(reach.attempt);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

async function probeServer(): Promise<boolean> {
  const bridge = getBridge();
  if (!bridge) return false;
  try {
    const r = await bridge.call('app.status', {});
    return r.ok || !isUnreachable(r.error);
  } catch {
    return false;
  }
}

export const serverReach: ReachWatch = createReachWatch(probeServer, {
  now: () => Date.now(),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (id) => window.clearTimeout(id as number),
});

/**
 * What callApi reports. Only a seat of the clinic server (or a desktop client whose main process says the
 * server is gone) watches: the desk and the loopback host have no server to lose.
 */
export function reportReach(result: ApiResult<unknown>): void {
  if (hasOtherSeats() || (!result.ok && result.error.messageKey === 'seats.errors.serverUnavailable') || serverReach.current().state === 'unavailable') {
    serverReach.report(result);
  }
}

export function useServerReach(): ServerReach {
  const [reach, setReach] = useState<ServerReach>(() => serverReach.current());
  useEffect(() => serverReach.subscribe(setReach), []);
  return reach;
}
