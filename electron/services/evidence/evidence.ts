import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Out, Parsed } from '../../../shared/api';
import { canonicalJson } from '../../../shared/canonical-json';
import { VERIFY_UPLOAD_MAX_BYTES, type EvidenceKind, type EvidenceScope } from '../../../shared/schemas/evidence';
import { collectScope } from '../../evidence/collect';
import { destinationProblem, temporaryFiles } from '../../evidence/export';
import { cancelJob, findJob, jobStatus, runningJob, startJob, type ExportJob } from '../../evidence/jobs';
import type { PackSnapshot } from '../../evidence/records';
import type { ExpectedSigner } from '../../evidence/verify';
import { DEFAULT_ZIP_LIMITS, timeBudgetMs } from '../../evidence/zip-reader';
import type { JobInput } from '../../jobs/kinds';
import { whenVaultIdle } from '../../jobs/vault-idle';
import { DomainError, fail, failField } from '../../domain/errors';
import type { Vault } from '../../store/vault';
import type { ServiceContext } from '../context';
import { refuseIfDestroyed } from '../retention/records';
import { isPairedSeat, SEAT_EXPORTS_DIR, seatFilesOf, seatFolder } from './seat-files';

function suggestedFileName(chartNo: string, kind: EvidenceKind, prefix: string, packNo: number): string {
  return `${prefix}-${String(packNo).padStart(4, '0')}-${chartNo}-${kind === 'lawyer' ? 'evidence' : 'patient-copy'}.zip`;
}

export function previewExport(ctx: ServiceContext, input: Parsed<'evidence.preview'>): Out<'evidence.preview'> {
  const vault = ctx.vault();
  refuseIfDestroyed(ctx, input.patientId, 'retention.errors.packOfDestroyedPatient');
  const { records, files, audit } = collectScope(vault, ctx.clock.now(), input.patientId, input.scope, input.kind === 'lawyer');
  const all = vault.consultations.forPatient(input.patientId);
  const settings = vault.clinicSettings();
  const attachmentFiles = new Set(records.communications.map((c) => c.attachmentFile).filter((f): f is string => f !== null));
  return {
    patient: { id: records.patient.id, chartNo: records.patient.chartNo, nameZh: records.patient.nameZh, nameEn: records.patient.nameEn },
    kind: input.kind,
    consultations: all.map((c) => ({ id: c.id, procedureName: c.procedureName, procedureNameEn: c.procedureNameEn, status: c.status, createdAt: c.createdAt })),
    counts: {
      consultations: records.consultations.length,
      consents: records.consents.length,
      signatures: records.consents.reduce((n, c) => n + c.signatures.length, 0),
      communications: records.communications.length,
      attachments: attachmentFiles.size,
      photos: records.photos.length,
      treatments: records.treatments.length,
      followUps: records.followUps.length,
      complaints: records.complaints.length,
      auditEvents: audit.length,
    },
    payloadBytes: files.reduce((n, f) => n + f.size, 0),
    suggestedFileName: suggestedFileName(records.patient.chartNo, input.kind, settings.batesPrefix, vault.evidence.nextPackNo()),
    batesPrefix: settings.batesPrefix,
  };
}

/** A paired seat's pack: in the vault folder's seat-exports/, under the suggested name (the pack number makes it new). */
function seatExportFile(vault: Vault, input: Parsed<'evidence.startExport'>): string {
  const patient = vault.patients.get(input.patientId) ?? fail('not_found', 'errors.patientNotFound');
  const name = suggestedFileName(patient.chartNo, input.kind, vault.clinicSettings().batesPrefix, vault.evidence.nextPackNo());
  const file = path.join(seatFolder(vault.dir, SEAT_EXPORTS_DIR), name);
  // Only a file nothing refers to can hold this name (the sweep just ran): it is ours to replace.
  fs.rmSync(file, { force: true });
  return file;
}

/** Where the pack may be written: an existing folder outside the vault, a file name not taken yet. */
function checkDestination(vault: Vault, destination: string): string {
  const file = path.resolve(destination);
  const problem = destinationProblem(file, vault.dir);
  if (problem) failField(problem.code, 'destination', problem.messageKey);
  return file;
}

function recordOutcome(vault: Vault, job: ExportJob, outcome: 'done' | 'failed' | 'cancelled'): void {
  const s = job.pack;
  const actor = { actorId: s.exporter.id, actorName: s.exporter.name, actorRole: s.exporter.role };
  const subject = { subjectType: 'evidence_pack', subjectId: s.packId, seat: job.seat };
  const at = new Date().toISOString();
  const base = { patientId: s.patientId, packNo: s.packNo, kind: s.kind, scope: s.scope };
  vault.evidence.finishExport({
    id: s.packId,
    status: outcome,
    tagManifestSha256: job.result?.tagManifestSha256 ?? null,
    bytes: job.result?.bytes ?? null,
    pages: job.result?.pages ?? null,
    finishedAt: at,
  });
  if (outcome === 'done' && job.result) {
    const r = job.result;
    vault.appendAudit({ ...actor, ...subject, at, action: 'evidence.exported', details: { ...base, tagManifestSha256: r.tagManifestSha256, bytes: r.bytes, pages: r.pages, files: r.files, batesFirst: r.batesFirst, batesLast: r.batesLast, fileNameHash: vault.typedTextHash(path.basename(r.path)) } });
  } else if (outcome === 'cancelled') {
    vault.appendAudit({ ...actor, ...subject, at, action: 'evidence.export_cancelled', details: base });
  } else {
    vault.appendAudit({ ...actor, ...subject, at, action: 'evidence.export_failed', details: { ...base, error: job.errorKey } });
  }
}

/**
 * Starts an export: the records of the scope are read now, in this call's transaction, with the audit event of
 * the start (so the pack's own audit trail ends with it); the pack is written in the background once committed.
 * Its outcome (with the signed tag manifest's hash) is recorded as a second event when it ends.
 */
export function startExport(ctx: ServiceContext, input: Parsed<'evidence.startExport'>): Out<'evidence.startExport'> {
  const atSeat = isPairedSeat(ctx.caller.seat);
  // A server path is the server's to name: a seat's pack waits on the server for that seat to download.
  if (atSeat && input.destination !== undefined) fail('rule_violation', 'evidence.errors.serverPathFromSeat');
  // The desk and the command line must say where (the error a missing field always gave).
  if (!atSeat && input.destination === undefined) throw new DomainError('invalid_input', 'errors.invalid_input', undefined, [{ path: ['destination'], messageKey: 'validation.required' }]);
  const vault = ctx.vault();
  const staff = ctx.session().staff;
  // A destroyed patient has no pack: the error carries the destruction record instead.
  refuseIfDestroyed(ctx, input.patientId, 'retention.errors.packOfDestroyedPatient');
  if (runningJob(ctx.app)) fail('conflict', 'evidence.errors.exportRunning');
  const seatFiles = seatFilesOf(ctx.app);
  if (atSeat) seatFiles.sweep(vault.dir, ctx.clock.now());
  const destination = input.destination !== undefined ? checkDestination(vault, input.destination) : seatExportFile(vault, input);
  const key = vault.settings.signingKey() ?? fail('internal', 'evidence.errors.noSigningKey');
  const settings = vault.clinicSettings();
  const patient = vault.patients.get(input.patientId) ?? fail('not_found', 'errors.patientNotFound');
  if (input.scope.type === 'consultation' && vault.consultations.get(input.scope.consultationId)?.patientId !== patient.id) {
    fail('not_found', 'errors.consultationNotFound');
  }
  const packId = randomUUID();
  const packNo = vault.evidence.nextPackNo();
  const exportedAt = ctx.clock.now().toISOString();
  vault.evidence.insertExport({
    id: packId,
    packNo,
    patientId: patient.id,
    kind: input.kind,
    scope: canonicalJson(input.scope),
    batesPrefix: settings.batesPrefix,
    fileName: path.basename(destination),
    startedAt: exportedAt,
    startedBy: staff.id,
  });
  // Where its partial files will be (patient records), so the next open can remove them if this export is killed.
  vault.evidence.recordTempFiles(packId, temporaryFiles(destination, packId));
  // The file name may be typed in the save dialog (a patient's name, say): only its keyed hash, and whether it is the suggested one.
  const fileName = path.basename(destination);
  ctx.audit('evidence.export_started', { type: 'evidence_pack', id: packId }, {
    patientId: patient.id,
    packNo,
    kind: input.kind,
    scope: input.scope,
    fileNameHash: vault.typedTextHash(fileName),
    fileNameSuggested: fileName === suggestedFileName(patient.chartNo, input.kind, settings.batesPrefix, packNo),
  });
  const { records, files, audit } = collectScope(vault, ctx.clock.now(), patient.id, input.scope as EvidenceScope, input.kind === 'lawyer');
  const snapshot: PackSnapshot = {
    packId,
    packNo,
    kind: input.kind,
    locale: input.locale,
    scope: input.scope,
    exportedAt,
    exporter: { id: staff.id, name: staff.name, role: staff.role },
    clinic: { name: settings.clinicName, timeZone: settings.timeZone, batesPrefix: settings.batesPrefix },
    key: { publicKeyPem: key.publicKeyPem, privateKeyPem: key.privateKeyPem, fingerprint: key.fingerprint },
    chainHead: vault.audit.head(),
    checkpoint: vault.signCheckpoint('export', ctx.clock.now()),
    restoredFrom: vault.backups.restores(),
    records,
    files,
    audit,
  };
  const jobId = randomUUID();
  const app = ctx.app;
  ctx.afterCommit(() => {
    // The export's start is committed: the checkpoint in the pack is now also the vault's newest.
    vault.keepCheckpoint(snapshot.checkpoint);
    const partials = Object.values(temporaryFiles(destination, packId));
    if (atSeat) seatFiles.exportStarted(jobId, { deviceId: ctx.caller.seat.deviceId, staffId: staff.id, fileName }, [destination, ...partials]);
    const job = startJob(app, vault, { id: jobId, staffId: staff.id, seat: ctx.caller.seat, snapshot, destination }, {
      record: (job, outcome) => recordOutcome(vault, job, outcome),
      logError: (e) => console.error('[evidence] export failed:', e),
    });
    if (atSeat) void job.finished.then(() => seatFiles.exportEnded(job, app.clock.now(), [destination, ...partials]));
  });
  return { jobId, packId, packNo };
}

function requireJob(ctx: ServiceContext, jobId: string): ExportJob {
  const job = findJob(ctx.app, jobId);
  if (!job || job.staffId !== ctx.session().staff.id) fail('not_found', 'evidence.errors.jobNotFound');
  return job;
}

/**
 * The export's status as this caller may see it: a paired seat gets its download once the pack is done, and only
 * the pack's file name (its path is on the server, which is not the seat's to know).
 */
function statusFor(ctx: ServiceContext, job: ExportJob): Out<'evidence.progress'> {
  const status = jobStatus(job);
  if (!isPairedSeat(ctx.caller.seat)) return { ...status, download: null };
  const files = seatFilesOf(ctx.app);
  // Also made here, so a poll that sees the job done never misses its download.
  if (job.state !== 'running') files.exportEnded(job, ctx.clock.now(), [job.destination, ...Object.values(temporaryFiles(job.destination, job.pack.packId))]);
  return {
    ...status,
    result: status.result ? { ...status.result, path: path.basename(status.result.path) } : null,
    download: files.downloadOf(job.id, ctx.caller.seat.deviceId),
  };
}

export function exportProgress(ctx: ServiceContext, input: Parsed<'evidence.progress'>): Out<'evidence.progress'> {
  return statusFor(ctx, requireJob(ctx, input.jobId));
}

export function cancelExport(ctx: ServiceContext, input: Parsed<'evidence.cancel'>): Out<'evidence.cancel'> {
  const job = requireJob(ctx, input.jobId);
  cancelJob(ctx.app, job);
  return statusFor(ctx, job);
}

/** The export's end, for callers that wait for it (the CLI). */
export async function waitForExport(app: ServiceContext['app'], jobId: string): Promise<ExportJob | null> {
  const job = findJob(app, jobId);
  if (!job) return null;
  await job.finished;
  return job;
}

/**
 * Starts checking a pack (a path, or the bytes dropped on the screen) in the job runner: the request returns at
 * once with a job id. Inside the app the signer's key is compared with this clinic's own key. The outcome is
 * audited when the job ends.
 */
export function startVerify(ctx: ServiceContext, input: Parsed<'evidence.startVerify'>): Out<'evidence.startVerify'> {
  const vault = ctx.vault();
  const app = ctx.app;
  const staff = ctx.session().staff;
  const seat = ctx.caller.seat;
  const own = vault.settings.signingKey()?.fingerprint ?? null;
  const expected: ExpectedSigner | null = own ? { fingerprint: own, confirmation: 'this_clinic' } : null;
  const atSeat = isPairedSeat(ctx.caller.seat);
  const given = input.source;
  // A path names a file on the server: a seat uploads the pack instead (POST /api/verify-upload).
  if (atSeat && 'path' in given) fail('rule_violation', 'evidence.errors.serverPathFromSeat');
  const sourceKind = 'path' in given ? 'path' : 'uploadId' in given ? 'seat_upload' : 'upload';
  let uploadId: string | null = null;
  let source: JobInput<'evidence.verify'>['source'];
  const transfer: ArrayBuffer[] = [];
  if ('path' in given) source = { path: path.resolve(given.path) };
  else if ('uploadId' in given) {
    const file = atSeat ? seatFilesOf(app).takeUpload(given.uploadId, ctx.caller.seat.deviceId, staff.id, ctx.clock.now()) : null;
    if (!file) fail('not_found', 'evidence.errors.uploadNotFound');
    uploadId = given.uploadId;
    source = { path: file };
  } else {
    const bytes = new Uint8Array(Buffer.from(given.dataBase64, 'base64'));
    transfer.push(bytes.buffer);
    source = { bytes, name: path.basename(given.fileName) || 'pack.zip' };
  }
  const job = app.jobs.start('evidence.verify', { source, expected }, {
    ownerId: staff.id,
    // The verifier stops itself on a budget that grows with the pack's declared size; this only backs it up.
    timeLimitMs: timeBudgetMs(DEFAULT_ZIP_LIMITS.maxTotalBytes) + 60_000,
    transfer,
    onEnd: (j) => {
      // The seat's uploaded pack is removed as soon as it has been read, whatever the outcome.
      if (uploadId) seatFilesOf(app).uploadUsed(uploadId);
      return whenVaultIdle(app, vault, () => {
        const r = j.result;
        vault.appendAudit({
          at: app.clock.now().toISOString(),
          actorId: staff.id,
          actorName: staff.name,
          actorRole: staff.role,
          action: 'evidence.verified',
          subjectType: null,
          subjectId: null,
          seat,
          details: {
            jobId: j.id,
            state: j.state,
            packId: r?.info.packId ?? null,
            verdict: r?.verdict ?? null,
            ok: r?.ok ?? false,
            readable: r?.readable ?? false,
            problems: r?.problems.length ?? null,
            signerFingerprint: r?.signer.fingerprint ?? null,
            signedByThisVault: r?.signer.matches ?? null,
            source: sourceKind,
          },
        });
      });
    },
  });
  return { jobId: job.id };
}

export function hostFileInfo(ctx: ServiceContext): Out<'evidence.hostInfo'> {
  const vault = ctx.vault();
  // A paired seat sees no server folder and no server dialog; its packs are streamed, up to the server's cap.
  if (isPairedSeat(ctx.caller.seat)) return { canChooseFiles: false, defaultDirectory: '', maxUploadBytes: seatFilesOf(ctx.app).uploadMaxBytes };
  const limit = ctx.app.host.maxRequestBytes;
  // base64 is 4/3 of the bytes; keep room for the rest of the request.
  const maxUploadBytes = limit === undefined ? VERIFY_UPLOAD_MAX_BYTES : Math.max(0, Math.min(VERIFY_UPLOAD_MAX_BYTES, Math.floor(((limit - 4096) * 3) / 4)));
  return { canChooseFiles: Boolean(ctx.app.host.chooseSaveFile && ctx.app.host.chooseOpenFile), defaultDirectory: path.dirname(path.resolve(vault.dir)), maxUploadBytes };
}

export async function chooseDestination(ctx: ServiceContext, input: Parsed<'evidence.chooseDestination'>): Promise<Out<'evidence.chooseDestination'>> {
  const choose = ctx.app.host.chooseSaveFile;
  return { path: choose ? await choose(input.suggestedName) : null };
}

export async function choosePack(ctx: ServiceContext): Promise<Out<'evidence.choosePack'>> {
  const choose = ctx.app.host.chooseOpenFile;
  return { path: choose ? await choose() : null };
}
