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
}

/** The computer that holds the vault (Electron, or the browser host on loopback). */
export function deskSeat(): Seat {
  return { deviceId: 'desk', name: os.hostname() || 'desk' };
}

/** The consentvault command line on the computer that holds the vault. */
export function commandLineSeat(): Seat {
  return { deviceId: 'cli', name: `${os.hostname() || 'desk'} (command line)` };
}
