import { hkdfSync, randomBytes, randomUUID } from 'node:crypto';
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
/**
 * The unattended-start key (issue 14): the master key wrapped under a random 256-bit secret that is kept only in a
 * key file on the server's own disk (unattended-key.ts). The secret is random, not typed, so HKDF is enough to make
 * the wrapping key (Argon2's cost defends guessable passwords; it adds nothing against 2^256). At most one.
 */
const UnattendedSlot = z
  .object({
    id: z.uuid(),
    kind: z.literal('unattended'),
    /** The administrator who turned unattended start on: a start with this key is recorded as theirs. Bound in the AAD. */
    createdBy: z.uuid(),
    kdf: z.object({ alg: z.literal('hkdf-sha256'), salt: z.base64().refine((s) => Buffer.from(s, 'base64').length >= 16) }).strict(),
    wrap: WrappedKey,
    createdAt: z.string(),
    pending: z.uuid().optional(),
    retiredBy: z.uuid().optional(),
  })
  .strict()
  .refine((s) => !(s.pending && s.retiredBy));
export const KeySlot = z.discriminatedUnion('kind', [StaffSlot, RecoverySlot, UnattendedSlot]);
export type KeySlot = z.infer<typeof KeySlot>;
export type StaffKeySlot = z.infer<typeof StaffSlot>;
export type UnattendedKeySlot = z.infer<typeof UnattendedSlot>;
export type RecoveryKeySlot = z.infer<typeof RecoverySlot>;
/** Slots that change inside a transaction (flagged while in flight): a person's, or the unattended-start key. */
type ChangingSlot = StaffKeySlot | UnattendedKeySlot;
const isChanging = (s: KeySlot): s is ChangingSlot => s.kind === 'staff' || s.kind === 'unattended';

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
function slotAad(vaultId: string, slot: { id: string; kind: string; staffId?: string; createdBy?: string }): string {
  return `consentvault-keyslot:v1:${vaultId}:${slot.id}:${slot.kind}:${slot.staffId ?? slot.createdBy ?? ''}`;
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
  // And at most one unattended-start key, the same way.
  const unattendedIf = (committed: boolean) => parsed.data.slots.filter((s) => s.kind === 'unattended' && !(committed ? s.retiredBy : s.pending)).length;
  if (ids.size !== parsed.data.slots.length || !unique(staffIdsIf(true)) || !unique(staffIdsIf(false))) fail('conflict', 'errors.keyslotsCorrupt');
  if (unattendedIf(true) > 1 || unattendedIf(false) > 1) fail('conflict', 'errors.keyslotsCorrupt');
  return parsed.data;
}

/** How one slot fared when the changes in flight were settled. */
export interface SettledSlot {
  slotId: string;
  /** The person the slot is for; for the unattended-start key, the administrator who made it. */
  staffId: string;
  /** Only for the unattended-start key (a person's slot has no kind here, as before it existed). */
  kind?: 'unattended';
  outcome: 'kept' | 'removed';
  reason: 'change_committed' | 'change_not_committed' | 'replaced_by_committed_change' | 'no_staff_record' | 'staff_inactive' | 'creator_not_admin';
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
    const changeId = isChanging(s) ? (s.pending ?? s.retiredBy) : undefined;
    const decided = changeId ? committed(changeId) : null;
    if (!isChanging(s) || decided === null) {
      slots.push(s);
      continue;
    }
    const keep = s.pending ? decided : !decided;
    const reason = !decided ? 'change_not_committed' : s.pending ? 'change_committed' : 'replaced_by_committed_change';
    const who = s.kind === 'staff' ? { staffId: s.staffId } : { staffId: s.createdBy, kind: 'unattended' as const };
    settled.push({ slotId: s.id, ...who, outcome: keep ? 'kept' : 'removed', reason });
    if (keep) {
      const plain: ChangingSlot = { ...s };
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

export async function makeRecoverySlot(vaultId: string, masterKey: Buffer, recoveryCode: string): Promise<RecoveryKeySlot> {
  const kdf = newKdfParams();
  const id = randomUUID();
  const kek = await deriveKey(recoveryCode, kdf);
  try {
    return { id, kind: 'recovery', kdf, wrap: wrapKey(masterKey, kek, slotAad(vaultId, { id, kind: 'recovery' })), createdAt: new Date().toISOString() };
  } finally {
    kek.fill(0);
  }
}

/** The wrapping key of an unattended-start slot: HKDF-SHA-256 of the key file's random secret. */
function unattendedKek(secret: Buffer, salt: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.from(salt, 'base64'), 'consentvault unattended key v1', 32));
}

/** A new unattended-start slot and its secret (32 random bytes, for the key file only; the caller zeroes it). */
export function makeUnattendedSlot(vaultId: string, masterKey: Buffer, createdBy: string): { slot: UnattendedKeySlot; secret: Buffer } {
  const id = randomUUID();
  const secret = randomBytes(32);
  const salt = randomBytes(16).toString('base64');
  const kek = unattendedKek(secret, salt);
  try {
    const wrap = wrapKey(masterKey, kek, slotAad(vaultId, { id, kind: 'unattended', createdBy }));
    return { slot: { id, kind: 'unattended', createdBy, kdf: { alg: 'hkdf-sha256', salt }, wrap, createdAt: new Date().toISOString() }, secret };
  } finally {
    kek.fill(0);
  }
}

/** Unwraps the master key with a key file's secret; null when the secret (or the slot's binding) is wrong. */
export function openUnattendedSlot(vaultId: string, slot: UnattendedKeySlot, secret: Buffer): Buffer | null {
  const kek = unattendedKek(secret, slot.kdf.salt);
  try {
    return unwrapKey(slot.wrap, kek, slotAad(vaultId, slot));
  } finally {
    kek.fill(0);
  }
}

/** Derives the slot's key from the secret and unwraps the master key; null when the secret is wrong. */
export async function openSlot(vaultId: string, slot: KeySlot, secret: string): Promise<Buffer | null> {
  // The unattended-start key opens with its key file's secret only (openUnattendedSlot), never with typed text.
  if (slot.kind === 'unattended') return null;
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
