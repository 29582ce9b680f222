/**
 * "Something another seat shows has changed": published after a call that wrote, delivered to every other
 * connected seat, which re-reads what its screen shows. The event names only the capability and channel, never
 * a record or a patient, so a seat learns nothing it could not ask for itself.
 */
export interface LiveEvent {
  /** The capability prefix of the channel ('consents', 'follow-ups' style names as in the contract: 'followUps'). */
  topic: string;
  channel: string;
  /** ISO time the write was acknowledged. */
  at: string;
  /** The device whose call it was: its own seat does not need telling. */
  fromDeviceId: string;
}

export type LiveEventListener = (event: LiveEvent) => void;

/**
 * Live events between seats. In memory for one server process; the PostgreSQL engine backs the same interface with
 * LISTEN/NOTIFY when several server processes share one clinic.
 */
export interface LiveEvents {
  publish(event: LiveEvent): void;
  subscribe(listener: LiveEventListener): () => void;
}

export class MemoryLiveEvents implements LiveEvents {
  private readonly listeners = new Set<LiveEventListener>();

  publish(event: LiveEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (e) {
        // One broken connection must not keep the event from the other seats.
        console.error('[live-events] a listener failed:', e);
      }
    }
  }

  subscribe(listener: LiveEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
