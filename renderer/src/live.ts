import { useEffect, useRef } from 'react';
import type { LiveChange, LiveSignal } from '../../shared/api';
import { connectionMode, getBridge, hasOtherSeats } from './bridge';
import { serverReach } from './connection';

/**
 * Live screens (issue 14): when another seat changes what a screen shows, the screen fetches it again within
 * moments, without a reload. The clinic server sends `{topic, channel, at}` on GET /api/events (server-sent
 * events, named "change") after each write from another seat; the topic is the capability ('consents',
 * 'riskFlags', ...). In Electron the main process sends the same over IPC (`onLive` of the preload): the PC that
 * shares its vault hears the other seats, a desktop that is a seat hears the server's stream. One stream per
 * page, shared by every screen that listens; the loopback browser host has no other seat and opens nothing.
 */
export type { LiveChange } from '../../shared/api';

/** The part of the browser's EventSource the feed uses (a fake one in tests). */
export interface ChangeStream {
  readonly readyState: number;
  onopen: (() => void) | null;
  onerror: (() => void) | null;
  addEventListener(type: 'change' | 'message', listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

const CLOSED = 2;
/** Several writes in a burst (one save touches several rows) become one fetch. */
export const REFETCH_DELAY_MS = 250;
/** A screen replaced by the next one keeps the stream: the next screen usually listens too. */
const LINGER_MS = 1500;
/** After the server refused the stream (signed out, restarted), it is asked again this long after. */
const REOPEN_MS = 5000;

interface Listening {
  topics: ReadonlySet<string>;
  refetch: () => void;
  timer: unknown;
}

export interface LiveFeed {
  listen(topics: readonly string[], refetch: () => void): () => void;
  /** How many screens listen (tests). */
  size(): number;
}

export function parseChange(data: string): LiveChange | null {
  try {
    const v = JSON.parse(data) as Record<string, unknown>;
    return typeof v.topic === 'string' && typeof v.channel === 'string' ? { topic: v.topic, channel: v.channel, at: typeof v.at === 'string' ? v.at : '' } : null;
  } catch {
    return null;
  }
}

export function createLiveFeed(
  open: () => ChangeStream,
  timers: { setTimeout: (fn: () => void, ms: number) => unknown; clearTimeout: (id: unknown) => void },
): LiveFeed & { refetchAll(): void } {
  const listening = new Set<Listening>();
  let stream: ChangeStream | null = null;
  let wasOpen = false;
  let lingering: unknown = null;
  let reopening: unknown = null;

  const later = (l: Listening) => {
    if (l.timer !== null) return;
    l.timer = timers.setTimeout(() => {
      l.timer = null;
      if (listening.has(l)) l.refetch();
    }, REFETCH_DELAY_MS);
  };
  const refetchAll = () => {
    for (const l of listening) later(l);
  };

  const connect = () => {
    if (stream) return;
    const s = open();
    stream = s;
    s.onopen = () => {
      // Back after a gap (a restart, the network): what changed meanwhile was not heard, so fetch everything.
      if (wasOpen) refetchAll();
      wasOpen = true;
    };
    s.onerror = () => {
      // The browser retries a dropped stream by itself; a refused one (not signed in, ended) it closes for good.
      if (s.readyState !== CLOSED || stream !== s) return;
      stream = null;
      if (listening.size > 0 && reopening === null) {
        reopening = timers.setTimeout(() => {
          reopening = null;
          if (listening.size > 0) connect();
        }, REOPEN_MS);
      }
    };
    const onChange = (event: MessageEvent<string>) => {
      const change = parseChange(event.data);
      if (!change) return;
      for (const l of listening) if (l.topics.has(change.topic)) later(l);
    };
    s.addEventListener('change', onChange);
    s.addEventListener('message', onChange);
  };

  const disconnect = () => {
    stream?.close();
    stream = null;
    wasOpen = false;
    if (reopening !== null) timers.clearTimeout(reopening);
    reopening = null;
  };

  return {
    listen(topics, refetch) {
      const l: Listening = { topics: new Set(topics), refetch, timer: null };
      listening.add(l);
      if (lingering !== null) timers.clearTimeout(lingering);
      lingering = null;
      connect();
      return () => {
        listening.delete(l);
        if (l.timer !== null) timers.clearTimeout(l.timer);
        if (listening.size === 0) {
          lingering = timers.setTimeout(() => {
            lingering = null;
            if (listening.size === 0) disconnect();
          }, LINGER_MS);
        }
      };
    },
    size: () => listening.size,
    refetchAll,
  };
}

/**
 * The main process's signals (Electron) as the stream the feed reads: open at once, as an EventSource says once
 * connected; "resumed" (its own stream back after a gap) is another open, so every screen fetches again.
 */
export function ipcChangeStream(subscribe: (listener: (signal: LiveSignal) => void) => () => void): ChangeStream {
  const listeners: ((event: MessageEvent<string>) => void)[] = [];
  const stream: ChangeStream & { readyState: number } = {
    readyState: 1,
    onopen: null,
    onerror: null,
    addEventListener(type, listener) {
      if (type === 'change') listeners.push(listener);
    },
    close() {
      stop();
      stream.readyState = CLOSED;
    },
  };
  const stop = subscribe((signal) => {
    if (stream.readyState === CLOSED) return;
    if (signal.kind === 'resumed') return stream.onopen?.();
    const event = new MessageEvent<string>('change', { data: JSON.stringify(signal.change) });
    for (const l of listeners) l(event);
  });
  queueMicrotask(() => {
    if (stream.readyState !== CLOSED) stream.onopen?.();
  });
  return stream;
}

let pageFeed: (LiveFeed & { refetchAll(): void }) | null = null;

/** Where this window hears other seats: the preload's IPC in Electron, the server's stream at a clinic-server seat. */
function changeSource(): (() => ChangeStream) | null {
  const bridge = getBridge();
  const onLive = bridge?.onLive;
  if (connectionMode() === 'electron' && bridge && typeof onLive === 'function') return () => ipcChangeStream((listener) => onLive.call(bridge, listener));
  if (hasOtherSeats() && typeof EventSource !== 'undefined') return () => new EventSource('/api/events') as unknown as ChangeStream;
  return null;
}

function feedOfThisPage(): LiveFeed | null {
  if (!pageFeed) {
    const open = changeSource();
    if (!open) return null;
    const feed = createLiveFeed(open, {
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (id) => window.clearTimeout(id as number),
    });
    pageFeed = feed;
    // The server answers again after being unavailable: screens fetch what they show.
    serverReach.subscribe((reach) => {
      if (reach.state === 'reachable') feed.refetchAll();
    });
  }
  return pageFeed;
}

/**
 * Calls `refetch` (shortly, once per burst) whenever another seat changes one of `topics`, and after the server
 * comes back from being unavailable. `topics` are capability names: the part of a channel name before the dot.
 */
export function useLiveUpdates(topics: readonly string[], refetch: () => void): void {
  const latest = useRef(refetch);
  useEffect(() => {
    latest.current = refetch;
  }, [refetch]);
  const key = [...topics].sort().join(',');
  useEffect(() => {
    const feed = feedOfThisPage();
    if (!feed) return;
    return feed.listen(key.split(','), () => latest.current());
  }, [key]);
}
