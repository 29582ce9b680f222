import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Out } from '../../shared/api';
import type { ApiResult } from '../../shared/errors';
import { PAGE } from '../../electron/pdf/writer';
import { stampLayout } from '../../electron/pdf/stamps';
import type { SignatureBoxRecord } from '../../electron/store/consents/repository';
import type { ManualClock, TestApp } from '../support/app';
import { afterCoolingOff, disclosedConsultation, ink, MINOR } from '../support/consent-flow';
import { CONSULTANT, PHYSICIAN } from '../support/staff';
import { staffedClinic } from '../support/staffed-clinic';

/**
 * Issue 12, items 4, 10 and 15: the signatures are drawn in their boxes by the final PDF's incremental update
 * (checked by rendering the pages with pdftoppm against the blank issued pages), each signer adopts a signature
 * once and applies it box by box, the guardian's identity document is recorded, and the patient's copy.
 */
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const DPI = 144;
const SCALE = DPI / 72;

function err<T>(r: ApiResult<T>) {
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

/** One page rendered by pdftoppm as 8-bit grey (PGM). */
function renderGrey(t: TestApp, pdf: Buffer, page: number, name: string): { width: number; height: number; px: Buffer } {
  const file = path.join(t.root, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  const out = path.join(t.root, `${name}-p${page}`);
  execFileSync('/usr/bin/pdftoppm', ['-r', String(DPI), '-f', String(page), '-l', String(page), '-gray', '-singlefile', file, out]);
  // Also a PNG of the same page, to look at (test-results/signature-boxes).
  const shots = path.resolve('test-results/signature-boxes');
  fs.mkdirSync(shots, { recursive: true });
  execFileSync('/usr/bin/pdftoppm', ['-r', '100', '-f', String(page), '-l', String(page), '-png', '-singlefile', file, path.join(shots, `${name}-p${page}`)]);
  const pgm = fs.readFileSync(`${out}.pgm`);
  const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const header = m[0].length;
  return { width: Number(m[1]), height: Number(m[2]), px: pgm.subarray(header) };
}

/** Pixels that differ clearly between two renders, inside or outside a set of top-left rectangles (points). */
function differing(a: ReturnType<typeof renderGrey>, b: ReturnType<typeof renderGrey>, rects: { x: number; y: number; width: number; height: number }[], inside: boolean): number {
  const within = (x: number, y: number) => rects.some((r) => x >= r.x * SCALE && x < (r.x + r.width) * SCALE && y >= r.y * SCALE && y < (r.y + r.height) * SCALE);
  let n = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      if (within(x, y) !== inside) continue;
      const i = y * a.width + x;
      if (Math.abs(a.px[i]! - b.px[i]!) > 48) n++;
    }
  }
  return n;
}

/** A box's rectangle from the top left (as pdftoppm's pixels run), from its PDF user-space record. */
const topLeft = (b: SignatureBoxRecord) => ({ x: b.x, y: PAGE.height - b.y - b.height, width: b.width, height: b.height });

describe('signatures in their boxes, adopted once per signer', () => {
  let t: TestApp, clock: ManualClock, physicianId: string;
  beforeEach(async () => {
    ({ t, clock, physicianId } = await staffedClinic());
  });
  afterEach(() => t.dispose());

  const boxes = (consentId: string) => t.app.vault!.consents.boxes(consentId);
  const audit = (action: string) => t.app.vault!.audit.recent(500).filter((e) => e.action === action);

  async function minorConsent(): Promise<{ v: Out<'consents.get'>; c: Out<'consultations.get'> }> {
    const c = await disclosedConsultation(t, physicianId, { patient: MINOR, procedureCode: 'ha_filler' });
    const v = await t.ok('consents.issue', { consultationId: c.consultation.id });
    return { v, c };
  }

  it('records each box’s page and rectangle at issue, inside the page and inside the issued document', async () => {
    const { v } = await minorConsent();
    expect(v.forms).toEqual(['procedure', 'anaesthesia']);
    expect(v.roles).toEqual(['patient', 'guardian', 'physician']);
    const b = boxes(v.id);
    expect(b.map((x) => `${x.form}.${x.role}`).sort()).toEqual(['anaesthesia.guardian', 'anaesthesia.patient', 'anaesthesia.physician', 'procedure.guardian', 'procedure.patient', 'procedure.physician']);
    for (const box of b) {
      expect(box.page).toBeGreaterThanOrEqual(1);
      expect(box.page).toBeLessThanOrEqual(v.pageCount);
      expect(box.x + box.width).toBeLessThanOrEqual(PAGE.width);
      expect(box.y + box.height).toBeLessThanOrEqual(PAGE.height);
    }
    // The boxes are fixed with the issued bytes: none can be added or changed afterwards.
    expect(() => t.app.vault!.db.prepare('UPDATE consent_signature_boxes SET x = 1 WHERE consent_id = ?').run(v.id)).toThrow(/never changes/);
    expect(() => t.app.vault!.consents.addBoxes(v.id, [{ ...b[0]!, role: 'witness' }])).toThrow(/recorded when the consent is issued/);
  });

  it('a minor’s two forms: three drawings, six taps; the signed PDF shows each signature in its box, the issued bytes a prefix', async () => {
    const { v, c } = await minorConsent();
    await afterCoolingOff(t, clock, c);
    const issued = Buffer.from((await t.ok('consents.document', { consentId: v.id })).dataBase64, 'base64');
    const base = { consentId: v.id, documentSha256: v.documentSha256 };

    // The guardian's identity document: required, checked for its kind, matched with the record.
    expect(err(await t.call('consents.adoptSignature', { ...base, role: 'guardian', ink: ink() }))).toMatchObject({ code: 'invalid_input', messageKey: 'signaturePlacement.errors.identityRequired' });
    const badCheck = err(await t.call('consents.adoptSignature', { ...base, role: 'guardian', ink: ink(), identityDocument: { kind: 'national_id', number: 'A123456788' } }));
    expect(badCheck.issues?.[0]).toMatchObject({ path: ['identityDocument', 'number'], messageKey: 'validation.taiwanId' });
    const passport = err(await t.call('consents.adoptSignature', { ...base, role: 'guardian', ink: ink(), identityDocument: { kind: 'passport', number: '31-2345' } }));
    expect(passport.issues?.[0]).toMatchObject({ path: ['identityDocument', 'number'], messageKey: 'validation.invalidFormat' });
    const other = err(await t.call('consents.adoptSignature', { ...base, role: 'guardian', ink: ink(), identityDocument: { kind: 'national_id', number: 'B120863158' } }));
    expect(other.messageKey).toBe('signaturePlacement.errors.identityMismatch');
    expect(err(await t.call('consents.adoptSignature', { ...base, role: 'patient', ink: ink(), identityDocument: { kind: 'passport', number: '312345678' } })).messageKey).toBe('signaturePlacement.errors.identityNotAllowed');
    expect(audit('consent.signature_adopted')).toHaveLength(0);

    // Full-width digits are the same number.
    const guardian = await t.ok('consents.adoptSignature', { ...base, role: 'guardian', ink: ink(), identityDocument: { kind: 'national_id', number: 'ａ１２３４５６７８９' } });
    const patient = await t.ok('consents.adoptSignature', { ...base, role: 'patient', ink: ink() });
    expect(err(await t.call('consents.applySignature', { ...base, form: 'procedure', role: 'guardian', adoptionId: patient.id })).messageKey).toBe('signaturePlacement.errors.adoptionMismatch');
    for (const form of ['procedure', 'anaesthesia'] as const) {
      await t.ok('consents.applySignature', { ...base, form, role: 'patient', adoptionId: patient.id });
      clock.advance(5_000);
      await t.ok('consents.applySignature', { ...base, form, role: 'guardian', adoptionId: guardian.id });
      clock.advance(5_000);
    }
    expect(err(await t.call('consents.applySignature', { ...base, form: 'procedure', role: 'patient', adoptionId: patient.id }))).toMatchObject({ code: 'conflict', messageKey: 'consent.errors.alreadySigned' });
    expect(err(await t.call('consents.adoptSignature', { ...base, role: 'physician', ink: ink(), physicianId, password: 'Wrong-Pass-2026' })).messageKey).toBe('consent.errors.physicianPasswordWrong');
    const physician = await t.ok('consents.adoptSignature', { ...base, role: 'physician', ink: ink(), physicianId, password: PHYSICIAN.password });
    await t.ok('consents.applySignature', { ...base, form: 'procedure', role: 'physician', adoptionId: physician.id });
    clock.advance(5_000);
    const done = await t.ok('consents.applySignature', { ...base, form: 'anaesthesia', role: 'physician', adoptionId: physician.id });
    expect(done.status).toBe('fully_signed');

    // Six signature rows from three adoptions, each its own row, time and binding; each tap its own audit event.
    const rows = t.app.vault!.consents.signatures(v.id);
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.adoptionId)).size).toBe(3);
    expect(new Set(rows.map((r) => r.signedAt)).size).toBe(6);
    expect(new Set(rows.map((r) => r.bindingSha256)).size).toBe(6);
    for (const r of rows) expect(r.strokesSha256).toBe(t.app.vault!.consents.adoption(r.adoptionId!)!.strokesSha256);
    const signedEvents = audit('consent.signed');
    expect(signedEvents).toHaveLength(6);
    expect(signedEvents.every((e) => typeof e.details.adoptionId === 'string')).toBe(true);
    const adopted = audit('consent.signature_adopted');
    expect(adopted).toHaveLength(3);
    const guardianEvent = adopted.find((e) => e.details.role === 'guardian')!;
    expect(guardianEvent.details).toMatchObject({ identityKind: 'national_id', identityNumberHash: t.app.vault!.typedTextHash('A123456789') });
    expect(JSON.stringify(adopted)).not.toContain('A123456789');
    expect(t.app.vault!.consents.adoption(guardian.id)).toMatchObject({ identityKind: 'national_id', identityNumber: 'A123456789' });
    expect(await t.ok('consents.verify', { consentId: v.id })).toMatchObject({ ok: true });

    // The final PDF: the issued bytes untouched, then one update with the stamps and the certificate.
    const finalDoc = await t.ok('consents.finalDocument', { consentId: v.id });
    const final = Buffer.from(finalDoc.dataBase64, 'base64');
    expect(final.subarray(0, issued.length).equals(issued)).toBe(true);
    expect(sha(final)).toBe(done.finalSha256);
    const tail = final.subarray(issued.length).toString('latin1');
    expect(tail.match(/%%EOF/g)).toHaveLength(1);
    expect(tail).toMatch(/\/Prev \d+/);
    expect(finalDoc.fileName).toMatch(new RegExp(`^${MINOR.nameZh}_[^_]+_\\d{4}-\\d{2}-\\d{2}_同意書簽署版\\.pdf$`));

    // Each box page, rendered: the signature region changed from the blank issued page, nothing else did.
    const all = boxes(v.id);
    for (const page of [...new Set(all.map((b) => b.page))]) {
      const onPage = all.filter((b) => b.page === page);
      const blank = renderGrey(t, issued, page, 'issued');
      const signed = renderGrey(t, final, page, 'final');
      for (const box of onPage) {
        const l = stampLayout(box);
        expect(differing(blank, signed, [l.image], true), `${box.form}.${box.role} signature on page ${page}`).toBeGreaterThan(150);
        expect(differing(blank, signed, [l.time], true), `${box.form}.${box.role} time on page ${page}`).toBeGreaterThan(20);
      }
      expect(differing(blank, signed, onPage.map(topLeft), false), `outside the boxes on page ${page}`).toBe(0);
    }
    // A page without a box is untouched; the signed times are on the page as text.
    const boxPages = new Set(all.map((b) => b.page));
    const plain = [...Array(v.pageCount).keys()].map((i) => i + 1).find((p) => !boxPages.has(p))!;
    expect(differing(renderGrey(t, issued, plain, 'issued'), renderGrey(t, final, plain, 'final'), [], false)).toBe(0);
    const file = path.join(t.root, 'final.pdf');
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    expect(text.match(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Asia\/Taipei\) 簽署/g)?.length).toBe(6);

    // The patient's copy: signatures in their boxes, a plain summary instead of the certificate's hashes.
    const copy = await t.ok('consents.patientCopy', { consentId: v.id });
    const copyBytes = Buffer.from(copy.dataBase64, 'base64');
    expect(copyBytes.subarray(0, issued.length).equals(issued)).toBe(true);
    expect(copy.fileName).toMatch(new RegExp(`^${MINOR.nameZh}_[^_]+_\\d{4}-\\d{2}-\\d{2}_病人收執聯\\.pdf$`));
    fs.writeFileSync(path.join(t.root, 'copy.pdf'), copyBytes);
    const copyText = execFileSync('pdftotext', ['-raw', path.join(t.root, 'copy.pdf'), '-'], { encoding: 'utf8' });
    expect(copyText).toContain('病人收執聯：簽署摘要');
    for (const detail of ['strokes SHA-256', 'image SHA-256', 'binding SHA-256']) expect(copyText).not.toContain(detail);
    expect(text).toContain('binding SHA-256');
    const page = all[0]!.page;
    expect(differing(renderGrey(t, final, page, 'final'), renderGrey(t, copyBytes, page, 'copy'), [], false)).toBe(0);
    expect(audit('consent.patient_copy_viewed')[0]?.details).toMatchObject({ sha256: copy.sha256, finalSha256: done.finalSha256 });
  });

  it('an adopted signature is applied only in the signing session it was adopted in, within 30 minutes', async () => {
    const { v, c } = await minorConsent();
    await afterCoolingOff(t, clock, c);
    const base = { consentId: v.id, documentSha256: v.documentSha256 };
    const patient = await t.ok('consents.adoptSignature', { ...base, role: 'patient', ink: ink() });
    expect(patient.usableUntil).toBe(new Date(Date.parse(patient.adoptedAt) + 30 * 60_000).toISOString());
    clock.advance(30 * 60_000 + 1);
    await t.call('session.heartbeat', {});
    await t.call('session.unlock', { password: CONSULTANT.password });
    expect(err(await t.call('consents.applySignature', { ...base, form: 'procedure', role: 'patient', adoptionId: patient.id })).messageKey).toBe('signaturePlacement.errors.adoptionOtherSession');
    const again = await t.ok('consents.adoptSignature', { ...base, role: 'patient', ink: ink() });
    await t.signOut();
    expect((await t.signIn(CONSULTANT.name, CONSULTANT.password)).ok).toBe(true);
    expect(err(await t.call('consents.applySignature', { ...base, form: 'procedure', role: 'patient', adoptionId: again.id })).messageKey).toBe('signaturePlacement.errors.adoptionOtherSession');
    expect(t.app.vault!.consents.signatures(v.id)).toHaveLength(0);
    // An unknown adoption, or one of another consent's signer, changes nothing.
    expect(err(await t.call('consents.applySignature', { ...base, form: 'procedure', role: 'patient', adoptionId: '00000000-0000-4000-8000-000000000000' })).code).toBe('not_found');
  });
});
