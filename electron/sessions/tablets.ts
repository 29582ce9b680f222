import type { Seat } from './seat';

/** A tablet counts as switched on while it asks at least this often (it asks every few seconds). */
export const TABLET_ONLINE_MS = 30_000;

/**
 * The signing tablets that are switched on: each asks the server what it was sent, and that question is how it
 * is seen. Kept in memory: a tablet that is off or out of range simply drops off the list.
 */
export class TabletPresence {
  private readonly seen = new Map<string, { seat: Seat; at: Date }>();

  saw(seat: Seat, at: Date): void {
    this.seen.set(seat.deviceId, { seat, at });
  }

  online(now: Date): { seat: Seat; at: Date }[] {
    return [...this.seen.values()].filter((t) => now.getTime() - t.at.getTime() <= TABLET_ONLINE_MS);
  }

  forget(deviceId: string): void {
    this.seen.delete(deviceId);
  }
}
