/**
 * Saves at the edit version a record has now (issue 14), for tests about what a save does rather than about two
 * seats saving at once (tests/integration/edit-conflicts*.test.ts prove the refusals).
 */
import type { In, Out } from '../../shared/api';
import type { TestApp } from './app';

type Ok = Pick<TestApp, 'ok'>;

/** settings.update over the settings as they are now. */
export async function saveSettings(t: Ok, fields: Omit<In<'settings.update'>, 'expectedVersion'>): Promise<Out<'settings.update'>> {
  const { version } = await t.ok('settings.get', {});
  return t.ok('settings.update', { expectedVersion: version, ...fields });
}

/** The edit version of a staff member now (staff.list, which administrators read). */
export async function staffVersion(t: Ok, staffId: string): Promise<number> {
  const member = (await t.ok('staff.list', { includeInactive: true })).find((m) => m.id === staffId);
  if (!member) throw new Error(`no staff member ${staffId}`);
  return member.version;
}

/** The edit version of the backup settings now. */
export async function backupSettingsVersion(t: Ok): Promise<number> {
  return (await t.ok('backups.overview', {})).settings.version;
}

/** The edit version of a follow-up visit now, read from the vault (followUps.get would audit a view). */
export function visitVersion(t: Pick<TestApp, 'app'>, visitId: string): number {
  const v = t.app.vault?.followUps.visit(visitId);
  if (!v) throw new Error(`no follow-up visit ${visitId}`);
  return v.version;
}

/** The edit version of a complaint now, read from the vault (complaints.get would audit a view). */
export function complaintVersion(t: Pick<TestApp, 'app'>, complaintId: string): number {
  const c = t.app.vault?.complaints.get(complaintId);
  if (!c) throw new Error(`no complaint ${complaintId}`);
  return c.version;
}
