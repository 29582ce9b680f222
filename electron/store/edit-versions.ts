/**
 * Edit versions (migration 0190, issue 14): a record saved in place carries the version every save bumps, and who
 * saved it last and when, so a save over a replaced version is refused naming that person.
 */
export interface LastSave {
  version: number;
  updatedAt: string | null;
  /** Staff id; NULL on rows not saved since migration 0190. */
  updatedBy: string | null;
}

/** A row of `SELECT version, updated_at, updated_by` as a LastSave (null when there is no such record). */
export function lastSaveOf(row: unknown): LastSave | null {
  const r = row as { version: number; updated_at: string | null; updated_by: string | null } | undefined;
  return r ? { version: r.version, updatedAt: r.updated_at, updatedBy: r.updated_by } : null;
}
