import { useEffect, useRef } from 'react';
import type { SessionInfo } from '../../shared/schemas/session';
import { callApi } from './api';

export const HEARTBEAT_INTERVAL_MS = 30_000;
const CHECK_INTERVAL_MS = 1_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Idle lock, renderer side. Activity (pointer, key, wheel, touch) keeps the session alive with
 * `session.heartbeat`, at most once every 30 s. After `idleLockMinutes` without activity the renderer
 * calls `session.lock`. The main process keeps its own clock too; a call answering `locked` also locks.
 */
export type SessionUpdate = (update: (previous: SessionInfo) => SessionInfo) => void;

export function useIdleLock(session: SessionInfo, onSession: SessionUpdate): void {
  const lastActivity = useRef(0);
  const lastHeartbeat = useRef(0);
  const locked = useRef(session.locked);
  const idleMs = useRef(session.idleLockMinutes * 60_000);
  const onSessionRef = useRef(onSession);

  useEffect(() => {
    onSessionRef.current = onSession;
  }, [onSession]);

  useEffect(() => {
    idleMs.current = Math.max(1, session.idleLockMinutes) * 60_000;
  }, [session.idleLockMinutes]);

  useEffect(() => {
    locked.current = session.locked;
    if (!session.locked) {
      lastActivity.current = Date.now();
      lastHeartbeat.current = Date.now();
    }
  }, [session.locked]);

  useEffect(() => {
    const onActivity = () => {
      if (locked.current) return;
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastHeartbeat.current < HEARTBEAT_INTERVAL_MS) return;
      lastHeartbeat.current = now;
      void callApi('session.heartbeat', {}).then((r) => {
        // A late answer must not undo a lock that happened meanwhile.
        if (r.ok && (!locked.current || r.value.locked)) onSessionRef.current(() => r.value);
      });
    };
    const check = () => {
      if (locked.current) return;
      if (Date.now() - lastActivity.current < idleMs.current) return;
      locked.current = true;
      void callApi('session.lock', { reason: 'idle' }).then((r) => {
        // Fail closed: if the main process cannot be reached, the screen locks anyway.
        onSessionRef.current((previous) => (r.ok ? r.value : { ...previous, locked: true }));
      });
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    const timer = window.setInterval(check, CHECK_INTERVAL_MS);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      window.clearInterval(timer);
    };
    // The listeners read everything through refs; they are installed once per signed-in person.
  }, [session.staff.id]);
}
