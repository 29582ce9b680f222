import { createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { AuditEvent } from '../../shared/schemas/audit';
import type { PackProblem, PackProblemCode, PackVerification } from '../../shared/schemas/evidence';
import { signatureBinding, withdrawalBinding } from '../services/consent-rules';
import { auditEventHash } from '../store/audit';
import {
  BAG_INFO,
  bagInfoValue,
  DECLARATION,
  isSafeRelativePath,
  isValidDeclaration,
  MANIFEST,
  parseBagInfo,
  parseManifest,
  payloadOxum,
  PUBLIC_KEY,
  sha256Hex,
  TAG_MANIFEST,
  TAG_MANIFEST_SIGNATURE,
  type BagInfo,
} from './bagit';
import { readZip, UnreadableZip, type ZipEntryRead } from './zip-reader';

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

export async function verifyPack(source: { path: string } | { buffer: Buffer; name?: string }): Promise<PackVerification> {
  const problems: PackProblem[] = [];
  const problem = (file: string, code: PackProblemCode, detail = '') => problems.push({ file, code, detail });
  const info: PackVerification['info'] = { packId: null, kind: null, clinic: null, patient: null, scope: null, baggingDate: null, keyFingerprint: null, auditChainHead: null };
  const checked = { payloadFiles: 0, tagFiles: 0, consents: 0, signatures: 0, auditEvents: 0 };
  const label = 'path' in source ? path.basename(source.path) : (source.name ?? 'pack.zip');

  let entries: ZipEntryRead[];
  try {
    entries = await readZip('path' in source ? { path: source.path } : { buffer: source.buffer }, keepWhole);
  } catch (e) {
    if (e instanceof UnreadableZip || (e as NodeJS.ErrnoException).code) {
      return { ok: false, readable: false, info, checked, problems: [{ file: label, code: 'unreadable', detail: e instanceof Error ? e.message : String(e) }] };
    }
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
      if (rel.startsWith('data/') || /^tagmanifest-[a-z0-9]+\.txt$/.test(rel) || rel === TAG_MANIFEST_SIGNATURE) continue;
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
    if (key && stated && stated !== info.keyFingerprint) problem(PUBLIC_KEY, 'bad_public_key', `bag-info.txt names ${stated}`);
    if (key && signature && tagManifestBytes && !verifySignature(null, tagManifestBytes, key, signature)) problem(TAG_MANIFEST_SIGNATURE, 'bad_signature');
  }

  checkRecords(files, problem, checked);
  checkAudit(files, bagInfo, problem, checked);
  return { ok: problems.length === 0, readable: true, info, checked, problems };
}

type ProblemFn = (file: string, code: PackProblemCode, detail?: string) => void;

/** Consent PDFs against their recorded hashes, and each signature's files and binding hash. */
function checkRecords(files: Map<string, BagFile>, problem: ProblemFn, checked: PackVerification['checked']): void {
  const recordsFile = files.get('data/records.json');
  if (!recordsFile?.bytes) return;
  let parsed: z.infer<typeof RecordsShape>;
  try {
    const r = RecordsShape.safeParse(JSON.parse(recordsFile.bytes.toString('utf8')));
    if (!r.success) return void problem('data/records.json', 'records_invalid', r.error.issues[0]?.path.join('.') ?? '');
    parsed = r.data;
  } catch (e) {
    return void problem('data/records.json', 'records_invalid', e instanceof Error ? e.message : '');
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
}

/** Each audit event against its own hash, in order, linked to the one before wherever the two are consecutive. */
function checkAudit(files: Map<string, BagFile>, bagInfo: BagInfo | null, problem: ProblemFn, checked: PackVerification['checked']): void {
  const file = 'data/audit.jsonl';
  const bytes = files.get(file)?.bytes;
  if (!bytes) return;
  const head = bagInfo ? /^(\d+) ([0-9a-f]{64})$/.exec(bagInfoValue(bagInfo, 'Audit-Chain-Head') ?? '') : null;
  let prev: AuditEvent | null = null;
  const lines = bytes.toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    let event: AuditEvent;
    try {
      const r = AuditEvent.safeParse(JSON.parse(line));
      if (!r.success) return void problem(file, 'audit_hash_mismatch', `line ${i + 1}: not an audit event`);
      event = r.data;
    } catch {
      return void problem(file, 'audit_hash_mismatch', `line ${i + 1}: not JSON`);
    }
    checked.auditEvents++;
    const { hash, prevHash, ...body } = event;
    if (auditEventHash(prevHash, body) !== hash) problem(file, 'audit_hash_mismatch', `#${event.seq}`);
    if (prev && event.seq <= prev.seq) problem(file, 'audit_order', `#${prev.seq} → #${event.seq}`);
    if (prev && event.seq === prev.seq + 1 && event.prevHash !== prev.hash) problem(file, 'audit_link_broken', `#${prev.seq} → #${event.seq}`);
    if (head && Number(head[1]) === event.seq && head[2] !== hash) problem(file, 'audit_head_mismatch', `#${event.seq}`);
    prev = event;
  });
}
