import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/errors';
import { verifyInApp, type TestApp } from '../support/app';
import { exportPack, waitForEnd } from '../support/evidence-export';
import { evidenceFixture, type EvidenceFixture } from '../support/evidence-fixture';
import { readPack, sha, type PackFiles } from '../support/pack-files';
import { NURSE } from '../support/staff';

function err<T>(r: ApiResult<T>) {
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

const RECORD_KEYS = ['patient', 'consultations', 'communications', 'consents', 'treatments', 'followUps', 'complaints', 'photos'];

describe('evidence packs: export', () => {
  let f: EvidenceFixture;
  let t: TestApp;
  let out: string;
  let packPath: string;
  let pack: PackFiles;

  beforeAll(async () => {
    f = await evidenceFixture();
    t = f.t;
    out = path.join(t.root, 'out');
    fs.mkdirSync(out);
    packPath = path.join(out, '黃詩涵-證據包.zip');
    const { status, seen } = await exportPack(t, { patientId: f.patientId, scope: { type: 'patient' }, kind: 'lawyer', destination: packPath });
    expect(status).toMatchObject({ state: 'done', phase: 'done', errorKey: null });
    // The progress was real: it moved through phases with growing byte counts.
    expect(new Set(seen.map((s) => s.phase)).size).toBeGreaterThanOrEqual(1);
    pack = await readPack(packPath);
  }, 180_000);
  afterAll(() => t.dispose());

  it('writes one BagIt folder with the payload, the tag files and the signature, and it verifies', async () => {
    expect(pack.root).toBe('evidence-CV-0001');
    const names = [...pack.files.keys()];
    for (const n of ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt', 'tagmanifest-sha256.txt.sig', 'clinic-public-key.pem', 'VERIFYING.md', 'chain-checkpoint.json', 'data/evidence.pdf', 'data/records.json', 'data/audit.jsonl']) {
      expect(names, n).toContain(n);
    }
    expect(pack.files.get('bagit.txt')!.toString()).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    expect(names.filter((n) => n.startsWith('data/photos/'))).toHaveLength(2);
    expect(names.filter((n) => n.startsWith('data/signatures/') && n.endsWith('.png'))).toHaveLength(2);
    expect(names.filter((n) => n.startsWith('data/signatures/') && n.endsWith('.strokes.json'))).toHaveLength(2);
    expect(names.filter((n) => n.startsWith('data/attachments/'))).toHaveLength(1);

    const payload = names.filter((n) => n.startsWith('data/'));
    const octets = payload.reduce((s, n) => s + pack.files.get(n)!.length, 0);
    expect(pack.files.get('bag-info.txt')!.toString()).toContain(`Payload-Oxum: ${octets}.${payload.length}\n`);
    // Every payload file listed with its hash, two spaces between (what sha256sum -c reads).
    const manifest = pack.files.get('manifest-sha256.txt')!.toString();
    for (const n of payload) expect(manifest).toContain(`${sha(pack.files.get(n)!)}  ${n}\n`);

    const v = await verifyInApp(t, { path: packPath });
    expect(v).toMatchObject({ ok: true, readable: true, problems: [], signedByThisVault: true, verdict: 'verified', signer: { confirmation: 'this_clinic', matches: true } });
    expect(v.checked).toMatchObject({ payloadFiles: payload.length, tagFiles: 6, consents: 2, signatures: 2 });
    // The pack carries the clinic's signed checkpoint of the chain head it names, which is also the vault's newest.
    const checkpoint = JSON.parse(pack.files.get('chain-checkpoint.json')!.toString()) as { statement: { headSeq: number; headHash: string; reason: string } };
    expect(pack.files.get('bag-info.txt')!.toString()).toContain(`Audit-Chain-Head: ${checkpoint.statement.headSeq} ${checkpoint.statement.headHash}\n`);
    expect(checkpoint.statement.reason).toBe('export');
    expect(v.info.patient).toBe(`黃詩涵 (${f.chartNo})`);
  });

  it('records.json holds every record with IDs and times; the consent PDFs are the vault’s bytes exactly', async () => {
    const records = JSON.parse(pack.files.get('data/records.json')!.toString()) as Record<'consultations' | 'communications' | 'treatments' | 'followUps' | 'complaints', unknown[]> & {
      patient: { id: string; revisions: unknown[] };
    };
    expect(Object.keys(records)).toEqual(RECORD_KEYS);
    expect(records.patient.id).toBe(f.patientId);
    expect(records.patient.revisions).toHaveLength(1);
    expect(records.consultations).toHaveLength(2);
    expect(records.communications).toHaveLength(2);
    // Issue 6's records: the treatment with its follow-up visits, the complaint with its timeline.
    expect(records.treatments.map((x) => (x as { id: string }).id)).toEqual([f.treatmentId]);
    expect(records.followUps.length).toBeGreaterThan(0);
    expect(records.followUps.every((v) => (v as { treatmentId: string }).treatmentId === f.treatmentId)).toBe(true);
    expect(records.complaints).toHaveLength(1);
    expect(records.complaints[0]).toMatchObject({ id: f.complaintId, patientSays: '術後第三天眼皮仍下垂。' });
    expect((records.complaints[0] as { timeline: { summary: string }[] }).timeline.map((e) => e.summary)).toContain('已致電病人並安排回診。');

    const signed = await t.ok('consents.finalDocument', { consentId: f.consentId });
    const issued = await t.ok('consents.document', { consentId: f.consentId });
    expect(pack.files.get(`data/consents/${f.consentId}-signed.pdf`)!.equals(Buffer.from(signed.dataBase64, 'base64'))).toBe(true);
    expect(pack.files.get(`data/consents/${f.consentId}-issued.pdf`)!.equals(Buffer.from(issued.dataBase64, 'base64'))).toBe(true);
  });

  it('audit.jsonl has the scope’s events with their hashes, the export’s start among them; the export is audited with the tag-manifest hash', async () => {
    const events = pack.files
      .get('data/audit.jsonl')!
      .toString()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number; action: string; hash: string; prevHash: string; subjectId: string | null });
    expect(events.length).toBeGreaterThan(20);
    expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.hash) && /^[0-9a-f]{64}$/.test(e.prevHash))).toBe(true);
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['patient.created', 'consent.issued', 'consent.signed', 'patient.updated', 'evidence.export_started']));
    // Nothing about other records: the staff set-up is not in a patient's pack.
    expect(events.map((e) => e.action)).not.toContain('staff.added');

    const recent = t.app.vault!.audit.recent(20);
    const done = recent.find((e) => e.action === 'evidence.exported')!;
    expect(done.details).toMatchObject({ patientId: f.patientId, kind: 'lawyer', scope: { type: 'patient' }, packNo: 1, tagManifestSha256: sha(pack.files.get('tagmanifest-sha256.txt')!) });
    expect(recent.find((e) => e.action === 'evidence.export_started')).toBeDefined();
    expect(t.app.vault!.audit.verifyChain().ok).toBe(true);
    const row = t.app.vault!.evidence.getExport(done.subjectId!);
    expect(row).toMatchObject({ status: 'done', packNo: 1, tagManifestSha256: done.details.tagManifestSha256 });
  });

  it('evidence.pdf: Bates number and "page N of M" on every page, the Chinese name, every section, records.json attached', () => {
    const file = path.join(out, 'evidence.pdf');
    fs.writeFileSync(file, pack.files.get('data/evidence.pdf')!);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(10);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const perPage = text.split('\f').slice(0, pages);
    perPage.forEach((pageText, i) => {
      expect(pageText, `page ${i + 1}`).toContain(`CV-0001-${String(i + 1).padStart(6, '0')}`);
      expect(pageText, `page ${i + 1}`).toContain(`第 ${i + 1} 頁，共 ${pages} 頁`);
    });
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('黃詩涵');
    for (const h of ['病人資料與修改紀錄', '術前諮詢', '溝通紀錄', '同意書', '治療紀錄', '術後追蹤', '客訴與處理經過', '照片', '稽核紀錄', '目錄']) expect(flat, h).toContain(h);
    // The signed consent's own pages are in it (its certificate page too).
    expect(flat).toContain('簽名證明頁');
    // Treatment, follow-up and complaint records with their tables.
    const raw = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['額頭五點注射，過程順利。', 'LOT123', '術後第三天眼皮仍下垂。', '已致電病人並安排回診。']) expect(raw, s).toContain(s);
    expect(execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8' })).toContain('records.json');
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/\+NotoSansHant-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
  });

  it('a patient copy is the same bag without the audit detail', async () => {
    const dest = path.join(out, 'patient-copy.zip');
    const { status } = await exportPack(t, { patientId: f.patientId, scope: { type: 'patient' }, kind: 'patient', destination: dest });
    expect(status.state).toBe('done');
    const copy = await readPack(dest);
    expect(copy.files.has('data/audit.jsonl')).toBe(false);
    expect(Object.keys(JSON.parse(copy.files.get('data/records.json')!.toString()) as object)).toEqual(RECORD_KEYS);
    const file = path.join(out, 'copy.pdf');
    fs.writeFileSync(file, copy.files.get('data/evidence.pdf')!);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('病人病歷資料複本');
    expect(text).not.toContain('稽核紀錄');
    expect((await verifyInApp(t, { path: dest })).ok).toBe(true);
  });

  it('one consultation: only that consultation, its consent and its records', async () => {
    const dest = path.join(out, 'one.zip');
    const { status } = await exportPack(t, { patientId: f.patientId, scope: { type: 'consultation', consultationId: f.signed.consultation.id }, kind: 'lawyer', destination: dest });
    expect(status.state).toBe('done');
    const one = await readPack(dest);
    const records = JSON.parse(one.files.get('data/records.json')!.toString()) as { consultations: { id: string }[]; consents: { id: string }[]; communications: unknown[]; photos: unknown[] };
    expect(records.consultations.map((c) => c.id)).toEqual([f.signed.consultation.id]);
    expect(records.consents.map((c) => c.id)).toEqual([f.consentId]);
    expect(records.communications).toHaveLength(1);
    expect(records.photos).toHaveLength(1);
    expect((records as unknown as { treatments: unknown[]; complaints: unknown[] }).treatments).toHaveLength(1);
    expect((records as unknown as { complaints: unknown[] }).complaints).toHaveLength(1);
    expect([...one.files.keys()].filter((n) => n.startsWith('data/consents/'))).toHaveLength(2);
    expect((await verifyInApp(t, { path: dest })).ok).toBe(true);
  });

  it('a date range: records whose time falls on those days', async () => {
    const dest = path.join(out, 'range.zip');
    const { status } = await exportPack(t, { patientId: f.patientId, scope: { type: 'dateRange', from: '2000-01-01', to: '2000-01-31' }, kind: 'lawyer', destination: dest });
    expect(status.state).toBe('done');
    const empty = await readPack(dest);
    const records = JSON.parse(empty.files.get('data/records.json')!.toString()) as { consultations: unknown[]; communications: unknown[] };
    expect(records.consultations).toEqual([]);
    expect(records.communications).toEqual([]);
    expect((await verifyInApp(t, { path: dest })).ok).toBe(true);
    expect(err(await t.call('evidence.preview', { patientId: f.patientId, scope: { type: 'dateRange', from: '2026-02-01', to: '2026-01-01' }, kind: 'lawyer' })).code).toBe('invalid_input');
  });

  it('a cancelled export leaves no file, not even a partial one, and is audited', async () => {
    const dest = path.join(out, 'cancelled.zip');
    const { jobId } = await t.ok('evidence.startExport', { patientId: f.patientId, scope: { type: 'patient' }, kind: 'lawyer', destination: dest });
    const cancelled = await t.ok('evidence.cancel', { jobId });
    expect(['running', 'cancelled']).toContain(cancelled.state);
    expect((await waitForEnd(t, jobId)).state).toBe('cancelled');
    expect(fs.existsSync(dest)).toBe(false);
    expect(fs.readdirSync(out).filter((n) => n.includes('cancelled'))).toEqual([]);
    expect(t.app.vault!.audit.recent(5).map((e) => e.action)).toContain('evidence.export_cancelled');
  });

  it('a failed export leaves the chosen name alone: a file that appears meanwhile is not replaced', async () => {
    const dest = path.join(out, 'raced.zip');
    const { jobId } = await t.ok('evidence.startExport', { patientId: f.patientId, scope: { type: 'patient' }, kind: 'lawyer', destination: dest });
    fs.writeFileSync(dest, 'someone else’s file');
    expect(await waitForEnd(t, jobId)).toMatchObject({ state: 'failed', errorKey: 'evidence.errors.fileExists' });
    expect(fs.readFileSync(dest, 'utf8')).toBe('someone else’s file');
    expect(fs.readdirSync(out).filter((n) => n.endsWith('.partial'))).toEqual([]);
    expect(t.app.vault!.audit.recent(5).map((e) => e.action)).toContain('evidence.export_failed');
  });

  it('refuses a taken name, a missing folder and the vault folder; only administrators export, everyone verifies', async () => {
    const base = { patientId: f.patientId, scope: { type: 'patient' as const }, kind: 'lawyer' as const };
    expect(err(await t.call('evidence.startExport', { ...base, destination: packPath })).issues?.[0]).toMatchObject({ path: ['destination'], messageKey: 'evidence.errors.fileExists' });
    expect(err(await t.call('evidence.startExport', { ...base, destination: path.join(out, 'nope', 'x.zip') })).issues?.[0]?.messageKey).toBe('evidence.errors.folderMissing');
    expect(err(await t.call('evidence.startExport', { ...base, destination: path.join(t.vaultDir, 'x.zip') })).issues?.[0]?.messageKey).toBe('evidence.errors.insideVault');
    expect(err(await t.call('evidence.startExport', { ...base, destination: path.join(out, 'x.txt') })).code).toBe('invalid_input');

    await t.ok('session.signOut', {});
    await t.ok('session.signIn', { loginId: NURSE.name, password: NURSE.password });
    expect(err(await t.call('evidence.startExport', { ...base, destination: path.join(out, 'nurse.zip') }))).toEqual({ code: 'forbidden', messageKey: 'errors.forbidden' });
    expect(err(await t.call('evidence.preview', base)).code).toBe('forbidden');
    const v = await verifyInApp(t, { fileName: 'pack.zip', dataBase64: fs.readFileSync(packPath).toString('base64') });
    expect(v.ok).toBe(true);
    expect(t.app.vault!.audit.recent(1)[0]).toMatchObject({ action: 'evidence.verified', actorRole: 'nurse', details: { ok: true, source: 'upload' } });
  });
});
