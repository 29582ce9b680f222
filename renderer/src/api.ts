import { useCallback, useEffect, useState } from 'react';
import { api, type ChannelName, type In, type Out } from '../../shared/api';
import type { ApiError, ApiResult } from '../../shared/errors';
import { getBridge, hasOtherSeats, TRANSPORT_ERROR } from './bridge';
import { isUnreachable, reportReach, SERVER_UNAVAILABLE, serverReach } from './connection';

/**
 * Something every screen must react to, whichever call noticed it. 'unpaired': the clinic server no longer
 * knows this device (never paired, or revoked), so it must be paired again before anything else.
 */
export type SessionSignal = 'locked' | 'signedOut' | 'unpaired';
type Listener = (signal: SessionSignal) => void;
const listeners = new Set<Listener>();

export function onSessionSignal(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function isSessionChannel(channel: ChannelName): boolean {
  return api[channel].access !== 'public';
}

/**
 * Calls one channel of the contract. Input and output types come from shared/api.ts, so a renamed field
 * fails the build. A session channel answering `locked` locks the screen; `unauthenticated` ends the session.
 * (On public channels, and with errors.lockedOut, `locked` means a password lock-out, shown on the form.)
 */
export async function callApi<C extends ChannelName>(channel: C, input: In<C>): Promise<ApiResult<Out<C>>> {
  const bridge = getBridge();
  if (!bridge) return { ok: false, error: TRANSPORT_ERROR };
  let result: ApiResult<Out<C>>;
  try {
    result = await bridge.call(channel, input);
  } catch {
    result = { ok: false, error: TRANSPORT_ERROR };
  }
  reportReach(result);
  // A seat of the clinic server says which server it cannot reach; the form keeps what was typed.
  if (!result.ok && hasOtherSeats() && isUnreachable(result.error)) return { ok: false, error: SERVER_UNAVAILABLE };
  if (!result.ok) {
    const signal = sessionSignalOf(result.error, isSessionChannel(channel));
    if (signal) for (const l of [...listeners]) l(signal);
  }
  return result;
}

/** What a failed call means for the whole window, if anything. */
export function sessionSignalOf(error: ApiError, sessionChannel: boolean): SessionSignal | null {
  const { code, messageKey } = error;
  if (messageKey === 'seats.errors.notPaired' || messageKey === 'seats.errors.deviceRevoked') return 'unpaired';
  if (!sessionChannel || isUnreachable(error)) return null;
  // `locked` + errors.lockedOut is a password lock-out (too many wrong tries): shown on the form only.
  if (code === 'locked' && messageKey !== 'errors.lockedOut') return 'locked';
  return code === 'unauthenticated' ? 'signedOut' : null;
}

export type Loadable<T> =
  | { state: 'loading'; value?: undefined; error?: undefined }
  | { state: 'ok'; value: T; error?: undefined }
  | { state: 'error'; value?: undefined; error: ApiError };

/**
 * Loads one channel when the component mounts, again on `reload()`, whenever the input changes (compared by
 * value), and when the clinic's server is back after this load could not reach it. While reloading, the previous
 * value stays on screen.
 */
export function useApi<C extends ChannelName>(channel: C, input: In<C>): Loadable<Out<C>> & { reload: () => void } {
  const [data, setData] = useState<Loadable<Out<C>>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const inputJson = JSON.stringify(input);

  useEffect(() => {
    let live = true;
    void callApi(channel, JSON.parse(inputJson) as In<C>).then((r) => {
      if (!live) return;
      setData(r.ok ? { state: 'ok', value: r.value } : { state: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [channel, inputJson, generation]);

  // A load that failed only because the server could not be reached is tried again as soon as it answers.
  const waitingForServer = data.state === 'error' && isUnreachable(data.error);
  useEffect(() => {
    if (!waitingForServer) return;
    return serverReach.subscribe((reach) => {
      if (reach.state === 'reachable') setGeneration((g) => g + 1);
    });
  }, [waitingForServer]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...data, reload };
}
