import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { deriveKey, KdfParams, newKdfParams, unwrapKey, wrapKey, WrappedKey } from './crypto';
import { fail } from '../domain/errors';
import { writeFileAtomic } from './files';

export const KEYSLOTS_FILE = 'keyslots.json';

const StaffSlot = z
  .object({
    id: z.uuid(),
    kind: z.literal('staff'),
    staffId: z.uuid(),
    /**
     * The normalised login id (nameKey of it): needed to find the slot before anything is decrypted. The field
     * keeps its name from when people signed in by their name; migration 0160 made each existing person's
     * login id that name, so slots written before it are found by what those people still type.
     */
    nameKey: z.string().min(1).max(256),
    kdf: KdfParams,
    wrap: WrappedKey,
    createdAt: z.string(),
    /** Written before its database transaction commits: takes effect only if change `pending` committed. */
    pending: z.uuid().optional(),
    /** Replaced or removed by change `retiredBy`: goes once that change committed, stays if it did not. */
    retiredBy: z.uuid().optional(),
  })
  .strict()
  .refine((s) => !(s.pending && s.retiredBy));
const RecoverySlot = z
  .object({ id: z.uuid(), kind: z.literal('recovery'), kdf: KdfParams, wrap: WrappedKey, createdAt: z.string() })
  .strict();
export const KeySlot = z.discriminatedUnion('kind', [StaffSlot, RecoverySlot]);
export type KeySlot = z.infer<typeof KeySlot>;
export type StaffKeySlot = z.infer<typeof StaffSlot>;

export const KeySlotsFile = z
  .object({
    format: z.literal('consentvault-keyslots'),
    version: z.literal(1),
    vaultId: z.uuid(),
    cipher: z.literal('sqlcipher-v4'),
    slots: z.array(KeySlot).max(10_000),
  })
  .strict();
export type KeySlotsFile = z.infer<typeof KeySlotsFile>;

/** How a login id is compared (the staff table's unique login_key, the slots' nameKey): 'Amy' and 'ａｍｙ' are one account. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

/** Binds a wrapped key to its vault, slot and owner: a slot copied onto another person fails to open. */
function slotAad(vaultId: string, slot: { id: string; kind: string; staffId?: string }): string {
  return `consentvault-keyslot:v1:${vaultId}:${slot.id}:${slot.kind}:${slot.staffId ?? ''}`;
}

export function readKeySlots(dir: string): KeySlotsFile {
  const file = path.join(dir, KEYSLOTS_FILE);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') fail('conflict', 'errors.notAVault');
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    fail('conflict', 'errors.keyslotsCorrupt');
  }
  const parsed = KeySlotsFile.safeParse(json);
  if (!parsed.success) fail('conflict', 'errors.keyslotsCorrupt');
  const ids = new Set(parsed.data.slots.map((s) => s.id));
  // One slot per person whichever way a change in flight ends (its old slot and its new one may both be listed).
  const staffIdsIf = (committed: boolean) =>
    parsed.data.slots.flatMap((s) => (s.kind === 'staff' && !(committed ? s.retiredBy : s.pending) ? [s.staffId] : []));
  const unique = (xs: string[]) => new Set(xs).size === xs.length;
  if (ids.size !== parsed.data.slots.length || !unique(staffIdsIf(true)) || !unique(staffIdsIf(false))) fail('conflict', 'errors.keyslotsCorrupt');
  return parsed.data;
}

/** How one slot fared when the changes in flight were settled. */
export interface SettledSlot {
  slotId: string;
  staffId: string;
  outcome: 'kept' | 'removed';
  reason: 'change_committed' | 'change_not_committed' | 'replaced_by_committed_change' | 'no_staff_record' | 'staff_inactive';
}

/**
 * The file as it stands once the changes in flight are decided: a pending slot stays (unmarked) if its change
 * committed and goes if not; a retired slot goes if the change committed and stays (unmarked) if not. A change
 * `committed` answers null for (the one whose transaction is still open) is left as it is.
 */
export function settleSlots(file: KeySlotsFile, committed: (changeId: string) => boolean | null): { file: KeySlotsFile; settled: SettledSlot[] } {
  const settled: SettledSlot[] = [];
  const slots: KeySlot[] = [];
  for (const s of file.slots) {
    const changeId = s.kind === 'staff' ? (s.pending ?? s.retiredBy) : undefined;
    const decided = changeId ? committed(changeId) : null;
    if (s.kind !== 'staff' || decided === null) {
      slots.push(s);
      continue;
    }
    const keep = s.pending ? decided : !decided;
    const reason = !decided ? 'change_not_committed' : s.pending ? 'change_committed' : 'replaced_by_committed_change';
    settled.push({ slotId: s.id, staffId: s.staffId, outcome: keep ? 'kept' : 'removed', reason });
    if (keep) {
      const plain: StaffKeySlot = { ...s };
      delete plain.pending;
      delete plain.retiredBy;
      slots.push(plain);
    }
  }
  return { file: { ...file, slots }, settled };
}

/**
 * Tries the slots for a login id. Normally there is one; while a change is in flight (or after a crash
 * in one) the old and the new slot are both listed, and whichever the password opens is returned, to be
 * checked once the database says which of them is current. No slot: the same Argon2 work, then null.
 */
export async function openStaffSlot(file: KeySlotsFile, key: string, password: string): Promise<{ slot: StaffKeySlot | null; masterKey: Buffer | null }> {
  const candidates = file.slots.filter((s): s is StaffKeySlot => s.kind === 'staff' && s.nameKey === key);
  if (candidates.length === 0) {
    await spendDecoyWork(password);
    return { slot: null, masterKey: null };
  }
  for (const slot of candidates) {
    const masterKey = await openSlot(file.vaultId, slot, password);
    if (masterKey) return { slot, masterKey };
  }
  return { slot: candidates[0]!, masterKey: null };
}

export function writeKeySlots(dir: string, file: KeySlotsFile): void {
  writeFileAtomic(path.join(dir, KEYSLOTS_FILE), JSON.stringify(KeySlotsFile.parse(file), null, 2) + '\n');
}

export async function makeStaffSlot(vaultId: string, masterKey: Buffer, staffId: string, loginId: string, password: string): Promise<StaffKeySlot> {
  const kdf = newKdfParams();
  const id = randomUUID();
  const kek = await deriveKey(password, kdf);
  try {
    const wrap = wrapKey(masterKey, kek, slotAad(vaultId, { id, kind: 'staff', staffId }));
    return { id, kind: 'staff', staffId, nameKey: nameKey(loginId), kdf, wrap, createdAt: new Date().toISOString() };
  } finally {
    kek.fill(0);
  }
}

export async function makeRecoverySlot(vaultId: string, masterKey: Buffer, recoveryCode: string): Promise<KeySlot> {
  const kdf = newKdfParams();
  const id = randomUUID();
  const kek = await deriveKey(recoveryCode, kdf);
  try {
    return { id, kind: 'recovery', kdf, wrap: wrapKey(masterKey, kek, slotAad(vaultId, { id, kind: 'recovery' })), createdAt: new Date().toISOString() };
  } finally {
    kek.fill(0);
  }
}

/** Derives the slot's key from the secret and unwraps the master key; null when the secret is wrong. */
export async function openSlot(vaultId: string, slot: KeySlot, secret: string): Promise<Buffer | null> {
  const kek = await deriveKey(secret, slot.kdf);
  try {
    return unwrapKey(slot.wrap, kek, slotAad(vaultId, slot));
  } finally {
    kek.fill(0);
  }
}

/** Spends the same Argon2 work as a real slot so an unknown name is not told apart by timing. */
export async function spendDecoyWork(secret: string): Promise<void> {
  (await deriveKey(secret, newKdfParams())).fill(0);
}
