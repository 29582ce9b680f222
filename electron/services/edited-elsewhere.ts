import { fail } from '../domain/errors';
import type { LastSave } from '../store/edit-versions';
import type { ServiceContext } from './context';

/**
 * Refuses a save made over a version another seat has since replaced: the message names who saved and when, and
 * the call's transaction rolls back, so nothing of this save is written.
 */
export function failEditedElsewhere(ctx: ServiceContext, last: LastSave): never {
  const by = last.updatedBy ? (ctx.vault().staff.get(last.updatedBy)?.name ?? '') : '';
  return failEditedBy(by, last.updatedAt ?? '');
}

/** The same refusal where the record's history already names the person (a patient's revisions). */
export function failEditedBy(byName: string, at: string): never {
  return fail('conflict', 'errors.editedElsewhere', { by: byName, at });
}

/** The check every in-place save makes first: the version the screen loaded must still be the record's. */
export function requireVersion(ctx: ServiceContext, last: LastSave, expectedVersion: number): void {
  if (last.version !== expectedVersion) failEditedElsewhere(ctx, last);
}
