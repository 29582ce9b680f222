import os from 'node:os';

/**
 * Where a call comes from: the desk that holds the vault, the command line, or a paired device (a tablet, a PC
 * at the nurses' station). Every audit event names the seat as well as the person.
 */
export interface Seat {
  /** Stable for a paired device (its credential's id); 'desk' and 'cli' for the local transports. */
  deviceId: string;
  /** What staff call it: the computer's name, or the name an administrator gave the paired device. */
  name: string;
  /** The desk and the command line are local; a paired device is a staff PC, a signing tablet or a browser. */
  kind: SeatKind;
}

export type SeatKind = 'desk' | 'cli' | 'desktop' | 'tablet' | 'browser';

/** The computer that holds the vault (Electron, or the browser host on loopback). */
export function deskSeat(): Seat {
  return { deviceId: 'desk', name: os.hostname() || 'desk', kind: 'desk' };
}

/** The consentvault command line on the computer that holds the vault. */
export function commandLineSeat(): Seat {
  return { deviceId: 'cli', name: `${os.hostname() || 'desk'} (command line)`, kind: 'cli' };
}
