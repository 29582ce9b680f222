import type { StaffMember } from '../../shared/schemas/staff';
import type { Session } from './registry';

/**
 * The signed-in person as their staff row stands now, or null once deactivated (or gone): not the copy taken at
 * sign-in, so a deactivation or a role change made at another seat (or by another server process) counts from
 * this seat's next call. The router, uploads and seat files all ask this.
 */
export function currentStaff(staff: { get(id: string): StaffMember | null }, session: Session): StaffMember | null {
  const row = staff.get(session.staff.id);
  return row?.active ? row : null;
}

/** How long the session has been idle, if past the clinic's lock time; null while it is within it. */
export function idlePastLockMs(session: Session, idleLockMinutes: number, now: Date): number | null {
  const idleMs = now.getTime() - session.lastActivity.getTime();
  return idleMs >= idleLockMinutes * 60_000 ? idleMs : null;
}
