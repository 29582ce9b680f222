import type { LiveChange, LiveSignal } from '../../shared/api';
import type { AppCore } from '../app-core';
import { type ClinicClient, ClinicClientError } from './client';

type Listener = (signal: LiveSignal) => void;

/** 1 s, 2 s, 4 s, 8 s, then every 15 s: a server that is gone is asked again, not hammered. */
export const reconnectDelayMs = (attempt: number): number => Math.min(15_000, 1000 * 2 ** Math.max(0, attempt));

export interface DeskLive {
  /** The window's listener; answers a function that removes it. */
  subscribe(listener: Listener): () => void;
  /**
   * Follows what this desktop is now: the computer that keeps the vault (`seat` null: the core's own events) or a
   * seat of the clinic server (its stream, for the session the seat holds). The bridge calls it after every call,
   * so a sign-in, a sign-out or "Connect to the clinic's server" takes effect at once.
   */
  follow(seat: ClinicClient | null): void;
  /** Stops every stream and timer (app quit, tests). */
  close(): void;
}

/** One stream from the clinic server, for one session of this seat. */
interface SeatStream {
  seat: ClinicClient;
  sessionId: string;
  stop: (() => void) | null;
  timer: NodeJS.Timeout | null;
  attempt: number;
  /** It was open once and dropped: when it opens again, what changed meanwhile was not heard. */
  dropped: boolean;
}

const changeOnly = (c: LiveChange): LiveSignal => ({ kind: 'change', change: { topic: c.topic, channel: c.channel, at: c.at } });

/**
 * Live screens on the desktop (issue 14): what other seats change, for the main process to send to its window.
 * On the PC that keeps the vault (and shares it) the core's own live events, less the desk's own writes; on a
 * desktop that is a seat of the clinic server, the server's event stream for the seat's session (the server
 * already leaves out this seat's own writes), opened again after a drop. Plain Node: main.ts only forwards.
 */
export function createDeskLive(app: AppCore, seatNow: () => ClinicClient | null): DeskLive {
  const listeners = new Set<Listener>();
  let local: (() => void) | null = null;
  let stream: SeatStream | null = null;
  let closed = false;

  const tell = (signal: LiveSignal) => {
    for (const l of [...listeners]) {
      try {
        l(signal);
      } catch (e) {
        console.error('[live] the window listener failed:', e);
      }
    }
  };

  const startLocal = () => {
    if (local) return;
    const desk = app.deskCaller.seat.deviceId;
    local = app.liveEvents.subscribe((e) => {
      // The desk's own writes are already on its screen; nobody signed in here has no screen to refresh.
      if (e.fromDeviceId === desk || !app.session) return;
      tell(changeOnly(e));
    });
  };
  const stopLocal = () => {
    local?.();
    local = null;
  };

  const stopStream = () => {
    const s = stream;
    stream = null;
    if (!s) return;
    if (s.timer) clearTimeout(s.timer);
    s.stop?.();
  };

  const retry = (s: SeatStream) => {
    if (stream !== s || s.timer) return;
    s.timer = setTimeout(() => {
      s.timer = null;
      open(s);
    }, reconnectDelayMs(s.attempt++));
    s.timer.unref();
  };

  const open = (s: SeatStream) => {
    if (stream !== s) return;
    s.seat
      .listen(
        (change) => {
          if (stream === s) tell(changeOnly(change));
        },
        () => {
          if (stream !== s) return;
          s.stop = null;
          s.dropped = true;
          retry(s);
        },
      )
      .then(
        (stop) => {
          if (stream !== s) return stop();
          s.stop = stop;
          s.attempt = 0;
          if (s.dropped) tell({ kind: 'resumed' });
        },
        (e: unknown) => {
          if (stream !== s) return;
          // A refusal (signed out there, the session ended, another certificate) is an answer the server audits:
          // asked again only for another session. Anything else is the way to the server: try again later.
          if (!(e instanceof ClinicClientError)) retry(s);
        },
      );
  };

  const follow = (seat: ClinicClient | null) => {
    if (closed || listeners.size === 0) {
      stopLocal();
      stopStream();
      return;
    }
    if (!seat) {
      stopStream();
      return startLocal();
    }
    stopLocal();
    const sessionId = seat.sessionId;
    if (stream && stream.seat === seat && stream.sessionId === sessionId) return;
    stopStream();
    if (!sessionId) return;
    stream = { seat, sessionId, stop: null, timer: null, attempt: 0, dropped: false };
    open(stream);
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      follow(seatNow());
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) follow(null);
      };
    },
    follow,
    close() {
      closed = true;
      listeners.clear();
      follow(null);
    },
  };
}
