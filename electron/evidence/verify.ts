import { createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import { sha256Hex } from '../domain/hash';
import path from 'node:path';
import { z } from 'zod';
import { JsonTooDeep, parseBoundedJson } from '../../shared/canonical-json';
import { AuditEvent } from '../../shared/schemas/audit';
import type { PackProblem, PackProblemCode, PackSigner, PackVerdict, PackVerification, SignerConfirmation } from '../../shared/schemas/evidence';
import { signatureBinding, withdrawalBinding } from '../domain/consent-binding';
import { auditEventHash } from '../store/audit/repository';
import { checkpointSignatureValid, parseCheckpoint } from '../store/audit/checkpoint';
import {
  BAG_INFO,
  CHAIN_CHECKPOINT,
  bagInfoValue,
  DECLARATION,
  isSafeRelativePath,
  isValidDeclaration,
  MANIFEST,
  parseBagInfo,
  parseManifest,
  payloadOxum,
  PUBLIC_KEY,
  TAG_MANIFEST,
  TAG_MANIFEST_SIGNATURE,
  type BagInfo,
} from './bagit';
import { DEFAULT_ZIP_LIMITS, readZip, UnreadableZip, ZipReadStopped, type ZipEntryRead, type ZipLimits } from './zip-reader';

/**
 * Checks an evidence pack offline, with nothing but the pack: the ZIP holds one folder that is a complete and
 * valid BagIt bag (every payload and tag file listed, present and matching its SHA-256; Payload-Oxum), the
 * clinic's Ed25519 signature over the tag manifest, every consent PDF against the hashes its signatures are
 * bound to, and the hash links of the audit events inside. Each problem names the file it is about.
 */

const Sha = z.string().regex(/^[0-9a-f]{64}$/);
const FilePair = z.object({ png: z.string(), strokes: z.string() }).loose();
const RecordsShape = z
  .object({
    patient: z.object({ id: z.string(), chartNo: z.string(), nameZh: z.string() }).loose(),
    consultations: z.array(z.unknown()),
    communications: z.array(z.unknown()),
    consents: z.array(
      z
        .object({
          id: z.string(),
          documentSha256: Sha,
          finalSha256: Sha.nullable(),
          files: z.object({ issued: z.string(), signed: z.string().nullable() }).loose(),
          signatures: z.array(
            z
              .object({
                form: z.string(),
                role: z.string(),
                signerName: z.string(),
                staffId: z.string().nullable(),
                documentSha256: Sha,
                strokesSha256: Sha,
                pngSha256: Sha,
                bindingSha256: Sha,
                signedAt: z.string(),
                files: FilePair,
              })
              .loose(),
          ),
          withdrawal: z
            .object({
              reason: z.string(),
              signerRole: z.enum(['patient', 'guardian']),
              signerName: z.string(),
              at: z.string(),
              strokesSha256: Sha,
              pngSha256: Sha,
              bindingSha256: Sha,
              files: FilePair,
            })
            .loose()
            .nullable(),
        })
        .loose(),
    ),
    treatments: z.array(z.unknown()),
    followUps: z.array(z.unknown()),
    complaints: z.array(z.unknown()),
    photos: z.array(z.unknown()),
  })
  .loose();

/** Files the verifier reads whole (everything else is only hashed as it streams by). */
function keepWhole(name: string): boolean {
  const rel = name.slice(name.indexOf('/') + 1);
  if (!rel.startsWith('data/')) return true;
  return rel === 'data/records.json' || rel === 'data/audit.jsonl' || rel.startsWith('data/consents/') || rel.startsWith('data/signatures/');
}

interface BagFile {
  sha256: string;
  size: number;
  bytes: Buffer | null;
}

/** The key the signer's key is compared with: one given by whoever asks (--fingerprint) or the clinic's own. */
export interface ExpectedSigner {
  fingerprint: string;
  confirmation: Exclude<SignerConfirmation, 'not_confirmed'>;
}

export interface VerifyOptions {
  expected?: ExpectedSigner | null;
  /** The requester went away (a cancelled job, a closed connection): stop reading. */
  cancelled?: () => boolean;
  progress?: (doneBytes: number, totalBytes: number) => void;
  /** Tests make the limits small; the defaults sit well above a real heavy pack. */
  limits?: Partial<ZipLimits>;
}

export class VerificationCancelled extends Error {}

/** A fingerprint as people write it: with colons or spaces, in either case. */
export function normaliseFingerprint(text: string): string {
  return text.replace(/[\s:]/g, '').toLowerCase();
}

function verdictOf(ok: boolean, readable: boolean, signer: PackSigner, problems: PackProblem[] = []): PackVerdict {
  if (!readable) return 'unreadable';
  if (signer.matches === false || problems.some((p) => p.code === 'signed_by_other_key')) return 'signed_by_other_key';
  if (!ok) return 'invalid';
  return signer.confirmation === 'not_confirmed' ? 'intact_signer_unconfirmed' : 'verified';
}

export async function verifyPack(source: { path: string } | { buffer: Buffer; name?: string }, options: VerifyOptions = {}): Promise<PackVerification> {
  const problems: PackProblem[] = [];
  const problem = (file: string, code: PackProblemCode, detail = '') => problems.push({ file, code, detail });
  const info: PackVerification['info'] = { packId: null, kind: null, clinic: null, patient: null, scope: null, baggingDate: null, keyFingerprint: null, auditChainHead: null };
  const checked = { payloadFiles: 0, tagFiles: 0, consents: 0, signatures: 0, auditEvents: 0 };
  const label = 'path' in source ? path.basename(source.path) : (source.name ?? 'pack.zip');
  const expected = options.expected ? { ...options.expected, fingerprint: normaliseFingerprint(options.expected.fingerprint) } : null;
  const unconfirmed: PackSigner = { fingerprint: null, confirmation: expected?.confirmation ?? 'not_confirmed', expectedFingerprint: expected?.fingerprint ?? null, matches: null };
  const unreadable = (code: PackProblemCode, detail: string): PackVerification => ({
    ok: false, readable: false, info, checked, problems: [{ file: label, code, detail }], signer: unconfirmed, verdict: 'unreadable',
  });

  let entries: ZipEntryRead[];
  try {
    const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...options.limits, ...(options.cancelled ? { cancelled: options.cancelled } : {}), ...(options.progress ? { progress: options.progress } : {}) };
    entries = await readZip('path' in source ? { path: source.path } : { buffer: source.buffer }, keepWhole, limits);
  } catch (e) {
    if (e instanceof ZipReadStopped) {
      if (e.reason === 'cancelled') throw new VerificationCancelled();
      return unreadable('time_budget_exceeded', e.message);
    }
    if (e instanceof UnreadableZip || (e as NodeJS.ErrnoException).code) return unreadable('unreadable', e instanceof Error ? e.message : String(e));
    throw e;
  }

  // One folder, safe names, no duplicates.
  const files = new Map<string, BagFile>();
  const roots = new Set<string>();
  for (const e of entries) {
    if (e.name === null || !isSafeRelativePath(e.directory ? e.name.slice(0, -1) : e.name)) {
      problem(e.name ?? e.rawName, 'unsafe_path');
      continue;
    }
    const slash = e.name.indexOf('/');
    roots.add(slash < 0 ? '' : e.name.slice(0, slash));
    if (e.directory || slash < 0) {
      if (slash < 0) problem(e.name, 'not_one_folder');
      continue;
    }
    const rel = e.name.slice(slash + 1);
    if (e.error !== null || e.sha256 === null) {
      problem(rel, 'unreadable', e.error ?? '');
      continue;
    }
    if (files.has(rel)) problem(rel, 'duplicate_entry');
    files.set(rel, { sha256: e.sha256, size: e.size, bytes: e.bytes });
  }
  if (roots.size > 1) problem(label, 'not_one_folder', [...roots].join(', '));

  const text = (rel: string) => files.get(rel)?.bytes?.toString('utf8') ?? null;
  for (const required of [DECLARATION, BAG_INFO, MANIFEST, TAG_MANIFEST, TAG_MANIFEST_SIGNATURE, PUBLIC_KEY]) {
    if (!files.has(required)) problem(required, required === TAG_MANIFEST_SIGNATURE || required === PUBLIC_KEY ? 'missing_signature' : 'missing_required');
  }
  const decl = text(DECLARATION);
  if (decl !== null && !isValidDeclaration(decl)) problem(DECLARATION, 'bad_declaration');

  // Payload manifest: every listed file present and matching; every payload file listed.
  const payload = [...files.entries()].filter(([rel]) => rel.startsWith('data/'));
  const manifestText = text(MANIFEST);
  if (manifestText !== null) {
    const { entries: listed, badLines } = parseManifest(manifestText);
    for (const line of badLines) problem(MANIFEST, 'bad_manifest_line', `line ${line}`);
    const seen = new Set<string>();
    for (const l of listed) {
      if (!l.path.startsWith('data/') || !isSafeRelativePath(l.path)) {
        problem(l.path, 'unsafe_path', MANIFEST);
        continue;
      }
      seen.add(l.path);
      const f = files.get(l.path);
      if (!f) problem(l.path, 'missing_file', MANIFEST);
      else if (f.sha256 !== l.sha256) problem(l.path, 'hash_mismatch', `${MANIFEST}: ${l.sha256}, file: ${f.sha256}`);
      else checked.payloadFiles++;
    }
    for (const [rel] of payload) if (!seen.has(rel)) problem(rel, 'unlisted_file', MANIFEST);
  }

  // Tag manifest: every tag file (all but the payload, the tag manifests and the signature) listed and matching.
  const tagManifestBytes = files.get(TAG_MANIFEST)?.bytes ?? null;
  if (tagManifestBytes !== null) {
    const { entries: listed, badLines } = parseManifest(tagManifestBytes.toString('utf8'));
    for (const line of badLines) problem(TAG_MANIFEST, 'bad_manifest_line', `line ${line}`);
    const seen = new Set<string>();
    for (const l of listed) {
      if (l.path.startsWith('data/') || /^tagmanifest-/.test(l.path) || !isSafeRelativePath(l.path)) {
        problem(l.path, 'unsafe_path', TAG_MANIFEST);
        continue;
      }
      seen.add(l.path);
      const f = files.get(l.path);
      if (!f) problem(l.path, 'missing_file', TAG_MANIFEST);
      else if (f.sha256 !== l.sha256) problem(l.path, 'hash_mismatch', `${TAG_MANIFEST}: ${l.sha256}, file: ${f.sha256}`);
      else checked.tagFiles++;
    }
    for (const rel of files.keys()) {
      // Every other file (another manifest, a note, an "addendum") must be covered by the signed tag manifest.
      if (rel.startsWith('data/') || rel === TAG_MANIFEST || rel === TAG_MANIFEST_SIGNATURE) continue;
      if (!seen.has(rel)) problem(rel, 'unlisted_file', TAG_MANIFEST);
    }
  }

  // bag-info.txt and Payload-Oxum.
  const infoText = text(BAG_INFO);
  let bagInfo: BagInfo | null = null;
  if (infoText !== null) {
    bagInfo = parseBagInfo(infoText);
    if (!bagInfo) problem(BAG_INFO, 'bad_bag_info');
    else {
      const oxum = bagInfoValue(bagInfo, 'Payload-Oxum');
      const actual = payloadOxum(payload.map(([, f]) => f.size));
      if (!oxum || !/^\d+\.\d+$/.test(oxum)) problem(BAG_INFO, 'bad_bag_info', 'Payload-Oxum');
      else if (oxum !== actual) problem(BAG_INFO, 'oxum_mismatch', `Payload-Oxum ${oxum}, payload ${actual}`);
      const v = (l: string) => bagInfoValue(bagInfo!, l);
      info.packId = v('External-Identifier');
      info.kind = v('Pack-Kind');
      info.clinic = v('Source-Organization');
      info.patient = v('Patient-Name') && v('Patient-Chart-No') ? `${v('Patient-Name')} (${v('Patient-Chart-No')})` : null;
      info.scope = v('External-Description');
      info.baggingDate = v('Bagging-Date');
      info.auditChainHead = v('Audit-Chain-Head');
    }
  }

  // The clinic's signature over the tag manifest.
  const pem = text(PUBLIC_KEY);
  const signature = files.get(TAG_MANIFEST_SIGNATURE)?.bytes ?? null;
  if (pem !== null) {
    let key: KeyObject | null;
    try {
      key = createPublicKey(pem);
      if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${key.asymmetricKeyType} key`);
      info.keyFingerprint = sha256Hex(key.export({ type: 'spki', format: 'der' }));
    } catch (e) {
      key = null;
      problem(PUBLIC_KEY, 'bad_public_key', e instanceof Error ? e.message : '');
    }
    const stated = bagInfo ? bagInfoValue(bagInfo, 'Signing-Key-Fingerprint') : null;
    if (key && stated && stated !== info.keyFingerprint) problem(PUBLIC_KEY, 'signed_by_other_key', `bag-info.txt names ${stated}; the pack is signed by ${info.keyFingerprint}`);
    if (key && signature && tagManifestBytes && !verifySignature(null, tagManifestBytes, key, signature)) problem(TAG_MANIFEST_SIGNATURE, 'bad_signature');
  }

  // Whose key it is can only be told by comparing it with one known to be the clinic's.
  const signer: PackSigner = { ...unconfirmed, fingerprint: info.keyFingerprint };
  if (expected && info.keyFingerprint) {
    signer.matches = info.keyFingerprint === expected.fingerprint;
    if (!signer.matches) problem(PUBLIC_KEY, 'signed_by_other_key', `signed by ${info.keyFingerprint}, expected ${expected.fingerprint}`);
  }

  const pemKey = problems.some((p) => p.file === PUBLIC_KEY || p.file === TAG_MANIFEST_SIGNATURE) ? null : pem;
  const consents = guardDepth(problem, () => checkRecords(files, problem, checked));
  const events = guardDepth(problem, () => checkAudit(files, bagInfo, problem, checked));
  if (consents && events) checkAuditAgainstRecords(consents, events, problem);
  checkCheckpoint(files, bagInfo, pemKey, problem);
  const ok = problems.length === 0;
  return { ok, readable: true, info, checked, problems, signer, verdict: verdictOf(ok, true, signer, problems) };
}

/** Nesting beyond MAX_JSON_DEPTH anywhere in a check is reported, never a stack overflow. */
function guardDepth<T>(problem: ProblemFn, check: () => T): T | null {
  try {
    return check();
  } catch (e) {
    if (e instanceof RangeError) {
      problem('data/records.json', 'json_too_deep', e.message);
      return null;
    }
    throw e;
  }
}

type PackConsent = z.infer<typeof RecordsShape>['consents'][number];

/**
 * The hash-chained audit trail knows every issue, signature, final document and withdrawal: each such event must
 * find its record in records.json with the same hash. A pack made from a vault whose rows were deleted behind the
 * triggers' back (a withdrawal, a signature) still carries the events that name them.
 */
function checkAuditAgainstRecords(consents: PackConsent[], events: AuditEvent[], problem: ProblemFn): void {
  const byId = new Map(consents.map((c) => [c.id, c]));
  const file = 'data/audit.jsonl';
  for (const e of events) {
    if (e.subjectType !== 'consent' || !e.subjectId) continue;
    const d = e.details;
    const c = byId.get(e.subjectId);
    const missing = (what: string) => problem(file, 'audit_record_mismatch', `#${e.seq} ${e.action}: ${what}`);
    if (!['consent.issued', 'consent.signed', 'consent.fully_signed', 'consent.withdrawn'].includes(e.action)) continue;
    if (!c) {
      missing(`consent ${e.subjectId} is not in records.json`);
      continue;
    }
    if (e.action === 'consent.issued' && d.sha256 !== c.documentSha256) missing('issued document hash differs');
    if (e.action === 'consent.signed' && !c.signatures.some((g) => g.bindingSha256 === d.bindingSha256)) missing(`signature ${String(d.form)}/${String(d.role)} missing`);
    if (e.action === 'consent.fully_signed' && d.finalSha256 !== c.finalSha256) missing('final document hash differs');
    if (e.action === 'consent.withdrawn' && c.withdrawal?.bindingSha256 !== d.bindingSha256) missing('withdrawal missing');
  }
}

/**
 * The chain checkpoint travelling in the pack: signed by the pack's key, for the chain head bag-info.txt names,
 * and matching the audit event of that sequence where the pack holds it. (Packs made before checkpoints have none.)
 */
function checkCheckpoint(files: Map<string, BagFile>, bagInfo: BagInfo | null, pem: string | null, problem: ProblemFn): void {
  const file = files.get(CHAIN_CHECKPOINT);
  if (!file) return;
  const checkpoint = file.bytes ? parseCheckpoint(file.bytes.toString('utf8')) : null;
  if (!checkpoint) return void problem(CHAIN_CHECKPOINT, 'checkpoint_invalid', 'not a chain checkpoint');
  if (pem !== null && !checkpointSignatureValid(checkpoint, pem)) problem(CHAIN_CHECKPOINT, 'checkpoint_invalid', 'signature');
  const head = bagInfo ? /^(\d+) ([0-9a-f]{64})$/.exec(bagInfoValue(bagInfo, 'Audit-Chain-Head') ?? '') : null;
  const s = checkpoint.statement;
  if (head && (Number(head[1]) !== s.headSeq || head[2] !== s.headHash)) problem(CHAIN_CHECKPOINT, 'checkpoint_invalid', `checkpoint #${s.headSeq}, bag-info.txt #${head[1]}`);
}

type ProblemFn = (file: string, code: PackProblemCode, detail?: string) => void;

/** Consent PDFs against their recorded hashes, and each signature's files and binding hash. */
function checkRecords(files: Map<string, BagFile>, problem: ProblemFn, checked: PackVerification['checked']): PackConsent[] | null {
  const recordsFile = files.get('data/records.json');
  if (!recordsFile?.bytes) return null;
  let parsed: z.infer<typeof RecordsShape>;
  try {
    const r = RecordsShape.safeParse(parseBoundedJson(recordsFile.bytes.toString('utf8')));
    if (!r.success) {
      problem('data/records.json', 'records_invalid', r.error.issues[0]?.path.join('.') ?? '');
      return null;
    }
    parsed = r.data;
  } catch (e) {
    problem('data/records.json', e instanceof JsonTooDeep ? 'json_too_deep' : 'records_invalid', e instanceof Error ? e.message : '');
    return null;
  }
  const fileHash = (rel: string) => files.get(`data/${rel}`)?.sha256 ?? null;
  for (const c of parsed.consents) {
    checked.consents++;
    const issued = files.get(`data/${c.files.issued}`);
    if (issued && issued.sha256 !== c.documentSha256) problem(`data/${c.files.issued}`, 'consent_document_mismatch', `records.json: ${c.documentSha256}`);
    if (c.files.signed) {
      const signed = files.get(`data/${c.files.signed}`);
      if (signed && signed.sha256 !== c.finalSha256) problem(`data/${c.files.signed}`, 'consent_document_mismatch', `records.json: ${c.finalSha256 ?? 'none'}`);
      if (signed?.bytes && issued?.bytes && !(signed.bytes.length > issued.bytes.length && signed.bytes.subarray(0, issued.bytes.length).equals(issued.bytes))) {
        problem(`data/${c.files.signed}`, 'consent_final_not_extension', `data/${c.files.issued}`);
      }
    }
    for (const g of c.signatures) {
      checked.signatures++;
      if (g.documentSha256 !== c.documentSha256) problem(`data/${g.files.png}`, 'signature_document_mismatch', `${g.form}/${g.role}`);
      const png = fileHash(g.files.png);
      const strokes = fileHash(g.files.strokes);
      if (png !== null && png !== g.pngSha256) problem(`data/${g.files.png}`, 'signature_binding_mismatch', 'PNG');
      if (strokes !== null && strokes !== g.strokesSha256) problem(`data/${g.files.strokes}`, 'signature_binding_mismatch', 'strokes');
      const binding = signatureBinding({
        consentId: c.id,
        documentSha256: g.documentSha256,
        form: g.form as never,
        role: g.role as never,
        signerName: g.signerName,
        staffId: g.staffId,
        signedAt: g.signedAt,
        strokesSha256: g.strokesSha256,
        pngSha256: g.pngSha256,
      });
      if (binding !== g.bindingSha256) problem('data/records.json', 'signature_binding_mismatch', `${c.id} ${g.form}/${g.role}`);
    }
    const w = c.withdrawal;
    if (w) {
      const png = fileHash(w.files.png);
      const strokes = fileHash(w.files.strokes);
      if (png !== null && png !== w.pngSha256) problem(`data/${w.files.png}`, 'signature_binding_mismatch', 'PNG');
      if (strokes !== null && strokes !== w.strokesSha256) problem(`data/${w.files.strokes}`, 'signature_binding_mismatch', 'strokes');
      const binding = withdrawalBinding({
        consentId: c.id,
        documentSha256: c.documentSha256,
        finalSha256: c.finalSha256,
        reason: w.reason,
        signerRole: w.signerRole,
        signerName: w.signerName,
        at: w.at,
        strokesSha256: w.strokesSha256,
        pngSha256: w.pngSha256,
      });
      if (binding !== w.bindingSha256) problem('data/records.json', 'signature_binding_mismatch', `${c.id} withdrawal`);
    }
  }
  return parsed.consents;
}

/** Each audit event against its own hash, in order, linked to the one before wherever the two are consecutive. */
function checkAudit(files: Map<string, BagFile>, bagInfo: BagInfo | null, problem: ProblemFn, checked: PackVerification['checked']): AuditEvent[] | null {
  const file = 'data/audit.jsonl';
  const bytes = files.get(file)?.bytes;
  if (!bytes) return null;
  const events: AuditEvent[] = [];
  const head = bagInfo ? /^(\d+) ([0-9a-f]{64})$/.exec(bagInfoValue(bagInfo, 'Audit-Chain-Head') ?? '') : null;
  let prev: AuditEvent | null = null;
  const lines = bytes.toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    let event: AuditEvent;
    try {
      const r = AuditEvent.safeParse(parseBoundedJson(line));
      if (!r.success) return void problem(file, 'audit_hash_mismatch', `line ${i + 1}: not an audit event`);
      event = r.data;
    } catch (e) {
      return void problem(file, e instanceof JsonTooDeep ? 'json_too_deep' : 'audit_hash_mismatch', `line ${i + 1}: ${e instanceof JsonTooDeep ? e.message : 'not JSON'}`);
    }
    checked.auditEvents++;
    events.push(event);
    const { hash, prevHash, ...body } = event;
    if (auditEventHash(prevHash, body) !== hash) problem(file, 'audit_hash_mismatch', `#${event.seq}`);
    if (prev && event.seq <= prev.seq) problem(file, 'audit_order', `#${prev.seq} → #${event.seq}`);
    if (prev && event.seq === prev.seq + 1 && event.prevHash !== prev.hash) problem(file, 'audit_link_broken', `#${prev.seq} → #${event.seq}`);
    if (head && Number(head[1]) === event.seq && head[2] !== hash) problem(file, 'audit_head_mismatch', `#${event.seq}`);
    prev = event;
  });
  return events;
}
