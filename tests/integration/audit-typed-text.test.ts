import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { In } from '../../shared/api';
import type { AuditEvent } from '../../shared/schemas/audit';
import { nameKey } from '../../electron/store/keyslots';
import { typedQueryKind } from '../../electron/services/audit/typed-text';
import { normalizeTypedText, typedTextHmac } from '../../electron/store/audit/typed-text';
import { ADMIN, makeTestApp, ManualClock, type TestApp } from '../support/app';
import { actAs, asAdmin } from '../support/aftercare-flow';
import { addStaff, afterCoolingOff, disclosedConsultation, ink, MINOR } from '../support/consent-flow';
import { exportPack } from '../support/evidence-export';
import { NURSE, PHYSICIAN } from '../support/staff';
import { errorOf, GUARD_FILE, leakedTexts } from '../support/vault-files';

/** A password typed into the name field: the case the issue is about. */
const PASSWORD_AS_NAME = 'Hunter2-Secret-Pass!';

function filesIn(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** The texts found in any file of the vault folder, as stored on disk (the DB pages are encrypted). */
function leaksOnDisk(dir: string, texts: readonly string[]): string[] {
  return filesIn(dir).flatMap((f) => leakedTexts(fs.readFileSync(f), texts).map((l) => `${path.basename(f)}: ${l}`));
}

/** The texts found in any row of any table of the decrypted database (text cells and blobs). */
function leaksInDatabase(db: Database, texts: readonly string[]): string[] {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
  const found: string[] = [];
  for (const table of tables) {
    for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) {
        const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.isBuffer(value) ? value : null;
        if (bytes) found.push(...leakedTexts(bytes, texts).map((l) => `${table}.${column}: ${l}`));
      }
    }
  }
  return found;
}

/** Every audit row as stored (details as its canonical JSON), one string per row. */
function auditRowTexts(t: TestApp): string[] {
  return (t.app.vault!.db.prepare('SELECT * FROM audit_events ORDER BY seq').all() as Record<string, unknown>[]).map((r) => JSON.stringify(r));
}

function eventsOf(t: TestApp, action: string): AuditEvent[] {
  return t.app.vault!.audit.recent(10_000).filter((e) => e.action === action);
}

describe('typed text never reaches the append-only audit trail', () => {
  let t: TestApp;
  afterEach(() => t.dispose());

  it('a failed sign-in under an unknown name (a password typed as the name) leaves that text in no file, table or event', async () => {
    const clock = new ManualClock();
    t = makeTestApp({ clock });
    await t.setup();
    expect(errorOf(await t.signIn(PASSWORD_AS_NAME, ADMIN.password)).code).toBe('invalid_credentials');
    expect(errorOf(await t.signIn(`  ${PASSWORD_AS_NAME.toUpperCase()} `, 'whatever')).code).toBe('invalid_credentials');

    const needles = [PASSWORD_AS_NAME, nameKey(PASSWORD_AS_NAME), PASSWORD_AS_NAME.toUpperCase()];
    const guardBytes = fs.readFileSync(path.join(t.vaultDir, GUARD_FILE));
    expect(leakedTexts(guardBytes, needles)).toEqual([]);
    const guard = JSON.parse(guardBytes.toString('utf8')) as { version: number; accounts: Record<string, { failures: number }>; pending: { account: string }[] };
    expect(guard.version).toBe(2);
    expect(guard.accounts).toEqual({ unknown: expect.objectContaining({ failures: 2 }) });
    expect(guard.pending.map((p) => p.account)).toEqual(['unknown', 'unknown']);

    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    const failed = eventsOf(t, 'session.signin_failed');
    expect(failed).toHaveLength(2);
    for (const e of failed) expect(e).toMatchObject({ actorId: null, subjectType: 'sign_in_name', subjectId: null, details: { bucket: 'unknown' } });
    expect(auditRowTexts(t).filter((row) => needles.some((n) => row.includes(n)))).toEqual([]);
    expect(leaksInDatabase(t.app.vault!.db, needles)).toEqual([]);
    await t.signOut();
    expect(leaksOnDisk(t.vaultDir, needles)).toEqual([]);
  });

  it('every unknown name shares one bucket with its own lockout; known names are counted by staff id and stay usable', async () => {
    const clock = new ManualClock();
    t = makeTestApp({ clock });
    await t.setup();
    for (let i = 1; i <= 4; i++) expect(errorOf(await t.signIn(`guess-${i}`, 'Guess-Pass-2026')).code, `guess ${i}`).toBe('invalid_credentials');
    const fifth = errorOf(await t.signIn('guess-5', 'Guess-Pass-2026'));
    expect(fifth).toMatchObject({ code: 'locked', messageKey: 'errors.lockedOut', params: { seconds: 30 } });
    // Another made-up name waits too: guessing names is rate-limited as one.
    expect(errorOf(await t.signIn('yet-another-name', 'Guess-Pass-2026')).code).toBe('locked');
    // A real account is not locked by the guesses, and its own failures are kept under its staff id.
    expect(errorOf(await t.signIn(ADMIN.name, 'Wrong-Password-1')).code).toBe('invalid_credentials');
    const guard = JSON.parse(fs.readFileSync(path.join(t.vaultDir, GUARD_FILE), 'utf8')) as { accounts: Record<string, { failures: number }> };
    expect(Object.keys(guard.accounts).sort()).toEqual([expect.stringMatching(/^staff:[0-9a-f-]{36}$/), 'unknown']);
    clock.advance(30_001);
    expect(errorOf(await t.signIn('guess-6', 'Guess-Pass-2026'))).toMatchObject({ code: 'locked', params: { seconds: 60 } });
    const info = await t.signIn(ADMIN.name, ADMIN.password);
    expect(info.ok).toBe(true);
    const adminId = t.app.session!.staff.id;
    expect(Object.keys(guard.accounts)).toContain(`staff:${adminId}`);

    const chronological = [...t.app.vault!.audit.recent(100)].reverse();
    const unknown = chronological.filter((e) => e.subjectType === 'sign_in_name');
    expect(unknown.filter((e) => e.action === 'session.signin_failed').map((e) => e.details.failures)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(unknown.filter((e) => e.action === 'session.locked_out').map((e) => e.details.failures)).toEqual([5, 6]);
    expect(unknown.every((e) => e.subjectId === null && e.details.bucket === 'unknown')).toBe(true);
    expect(chronological.filter((e) => e.action === 'session.signin_failed' && e.subjectType === 'staff').map((e) => e.subjectId)).toEqual([adminId]);
    expect(auditRowTexts(t).filter((row) => /guess-|yet-another-name/.test(row))).toEqual([]);
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });

  it('a version-1 guard file is rewritten on the next sign-in: known names keep their lockout by staff id, typed unknown names are gone', async () => {
    const clock = new ManualClock();
    t = makeTestApp({ clock });
    await t.setup();
    const at = clock.now().toISOString();
    const lockedUntil = new Date(clock.now().getTime() + 60_000).toISOString();
    const legacy = {
      version: 1,
      accounts: {
        [nameKey(ADMIN.name)]: { failures: 6, lockedUntil, lastFailureAt: at },
        [nameKey(PASSWORD_AS_NAME)]: { failures: 1, lockedUntil: null, lastFailureAt: at },
      },
      pending: [
        { at, action: 'session.signin_failed', nameKey: nameKey(PASSWORD_AS_NAME), failures: 1, lockedUntil: null },
        { at, action: 'session.locked_out', nameKey: nameKey(ADMIN.name), failures: 6, lockedUntil },
      ],
    };
    fs.writeFileSync(path.join(t.vaultDir, GUARD_FILE), JSON.stringify(legacy));
    expect(errorOf(await t.signIn(ADMIN.name, ADMIN.password))).toMatchObject({ code: 'locked', params: { seconds: 60 } });
    const rewritten = fs.readFileSync(path.join(t.vaultDir, GUARD_FILE));
    expect(leakedTexts(rewritten, [PASSWORD_AS_NAME, nameKey(PASSWORD_AS_NAME)])).toEqual([]);
    expect(JSON.parse(rewritten.toString('utf8'))).toMatchObject({ version: 2, accounts: { unknown: { failures: 1 } } });

    clock.advance(60_001);
    expect((await t.signIn(ADMIN.name, ADMIN.password)).ok).toBe(true);
    const adminId = t.app.session!.staff.id;
    expect(eventsOf(t, 'session.signin_failed')).toEqual([expect.objectContaining({ subjectType: 'sign_in_name', subjectId: null, details: { bucket: 'unknown', failures: 1, lockedUntil: null } })]);
    expect(eventsOf(t, 'session.locked_out')).toEqual([expect.objectContaining({ subjectType: 'staff', subjectId: adminId, details: { failures: 6, lockedUntil } })]);
    expect(auditRowTexts(t).filter((row) => row.includes(nameKey(PASSWORD_AS_NAME)))).toEqual([]);
  });

  it('patient searches keep no query text; audit.findTypedText finds them however the ID or phone is typed', async () => {
    t = makeTestApp({ clock: new ManualClock() });
    await t.setup();
    await asAdmin(t);
    const patient = await t.ok('patients.create', { chartNo: 'C-7788', nameZh: '周佳穎', sex: 'female', birthDate: '1991-02-03', nationalId: 'F223456786', phone: '0933-456-789' });
    await t.ok('staff.add', NURSE);
    await actAs(t, NURSE);
    const searches = ['F223456786', '0933456789', '周佳穎', 'c-7788'];
    for (const query of searches) expect((await t.ok('patients.search', { query, limit: 10 })).map((p) => p.id)).toEqual([patient.id]);
    await asAdmin(t);

    const searched = eventsOf(t, 'patient.searched');
    expect(searched.map((e) => e.details.queryKind).reverse()).toEqual(['national_id', 'phone', 'name', 'chart_no']);
    for (const e of searched) {
      expect(e.details).toMatchObject({ queryHash: expect.stringMatching(/^[0-9a-f]{64}$/), resultCount: 1, resultIds: [patient.id] });
      expect(e.details).not.toHaveProperty('query');
    }
    const typed = [...searches, '0933-456-789', 'C-7788'];
    // patient.created keeps the chart number (a record identity); the searches themselves keep none of it.
    expect(auditRowTexts(t).filter((row) => row.includes('"patient.searched"') && typed.some((q) => row.toLowerCase().includes(q.toLowerCase())))).toEqual([]);
    expect(auditRowTexts(t).filter((row) => ['F223456786', '0933456789', '0933-456-789', '周佳穎'].some((q) => row.includes(q)))).toEqual([]);

    const nurseId = (await t.ok('staff.list', { includeInactive: false })).find((s) => s.name === NURSE.name)!.id;
    for (const asTyped of ['F223456786', 'f2234-56786', 'Ｆ２２３４５６７８６', ' F 223 456 786 ']) {
      const found = await t.ok('audit.findTypedText', { text: asTyped });
      expect(found.filter((m) => m.event.action === 'patient.searched'), asTyped).toEqual([
        { field: 'queryHash', event: expect.objectContaining({ actorId: nurseId, details: expect.objectContaining({ queryKind: 'national_id' }) }) },
      ]);
    }
    for (const asTyped of ['0933-456-789', '０９３３４５６７８９', '0933 456 789']) {
      const found = (await t.ok('audit.findTypedText', { text: asTyped })).filter((m) => m.event.action === 'patient.searched');
      expect(found.map((m) => m.event.details.queryKind), asTyped).toEqual(['phone']);
    }
    expect(await t.ok('audit.findTypedText', { text: 'F123456789' })).toEqual([]);
    // The look-up is itself recorded, by the same keyed hash and never the text.
    const lookups = eventsOf(t, 'audit.typed_text_searched');
    expect(lookups.length).toBeGreaterThanOrEqual(8);
    expect(lookups.every((e) => /^[0-9a-f]{64}$/.test(String(e.details.queryHash)) && !JSON.stringify(e).includes('F223456786'))).toBe(true);
    expect(errorOf(await t.call('audit.findTypedText', { text: ' - - ' })).code).toBe('invalid_input');
    await actAs(t, NURSE);
    expect(errorOf(await t.call('audit.findTypedText', { text: 'F223456786' })).code).toBe('forbidden');
  });

  it('every action that held typed text now holds only its keyed hash, which findTypedText resolves', { timeout: 180_000 }, async () => {
    const clock = new ManualClock('2026-11-23T02:00:00.000Z');
    t = makeTestApp({ clock });
    await t.setup();
    const { physicianId } = await addStaff(t);
    const typed = {
      overrideReason: '病人下週出國，已完成術前評估',
      withdrawReason: '家人反對，決定不做了',
      witnessName: '吳見證人',
      chartNoFilter: 'Z9999',
      authority: '新北市政府衛生局',
      noNotificationReason: '全碟加密且已尋回，無外洩之虞',
      fileName: '黃詩涵-自訂名稱-證據包.zip',
    };

    // Cooling-off override (reason) and withdrawal (reason), as the consultant with the physician's password.
    const adult = await disclosedConsultation(t, physicianId);
    await t.ok('consents.overrideCoolingOff', { consultationId: adult.consultation.id, reason: typed.overrideReason, physicianId, password: PHYSICIAN.password });
    const adultConsent = await t.ok('consents.issue', { consultationId: adult.consultation.id });
    await t.ok('consents.withdraw', { consentId: adultConsent.id, reason: typed.withdrawReason, signerRole: 'patient', ink: ink() });

    // A witness (a name typed at the signing) on a minor's consent.
    const minor = await disclosedConsultation(t, physicianId, { patient: MINOR, procedureCode: 'rhinoplasty_implant' });
    const minorConsent = await t.ok('consents.issue', { consultationId: minor.consultation.id });
    await afterCoolingOff(t, clock, minor);
    for (const role of ['guardian', 'patient'] as const) await t.ok('consents.sign', { consentId: minorConsent.id, form: 'procedure', role, documentSha256: minorConsent.documentSha256, ink: ink() });
    await t.ok('consents.sign', { consentId: minorConsent.id, form: 'procedure', role: 'witness', signerName: typed.witnessName, documentSha256: minorConsent.documentSha256, ink: ink() });
    await t.ok('consents.list', { chartNo: typed.chartNoFilter, limit: 10 });

    // A privacy incident notified to an authority, another closed with the reason none was due.
    await asAdmin(t);
    const report: In<'incidents.report'> = { whatHappened: '預約表誤傳', peopleAffected: 3, dataKinds: ['contact'], occurredAt: null, discoveredAt: clock.now().toISOString(), containment: '已收回' };
    const notified = await t.ok('incidents.report', report);
    await t.ok('incidents.recordNotification', { incidentId: notified.id, notifiedAt: clock.now().toISOString(), authority: typed.authority, patientsNotified: true, note: '' });
    const unnotified = await t.ok('incidents.report', report);
    await t.ok('incidents.close', { incidentId: unnotified.id, summary: '結案', noNotificationReason: typed.noNotificationReason });

    // An evidence pack saved under a name typed in the save dialog.
    const out = path.join(t.root, 'out');
    fs.mkdirSync(out);
    const { status } = await exportPack(t, { patientId: adult.consultation.patientId, scope: { type: 'patient' }, kind: 'lawyer', destination: path.join(out, typed.fileName) });
    expect(status.state).toBe('done');

    // action → the details field that held the text before, the one that holds its keyed hash now, and the text.
    // (consent.signed: only the witness's name is typed; the patient's and guardian's come from the records.)
    const table: { action: string; before: string; now: string; text: string; only?: (e: AuditEvent) => boolean }[] = [
      { action: 'consent.cooling_off_overridden', before: 'reason', now: 'reasonHash', text: typed.overrideReason },
      { action: 'consent.withdrawn', before: 'reason', now: 'reasonHash', text: typed.withdrawReason },
      { action: 'consent.signed', before: 'signerName', now: 'signerNameHash', text: typed.witnessName, only: (e) => e.details.role === 'witness' },
      { action: 'consent.listed', before: 'chartNo', now: 'queryHash', text: typed.chartNoFilter },
      { action: 'privacy_incident.notified', before: 'authority', now: 'authorityHash', text: typed.authority },
      { action: 'privacy_incident.closed', before: 'noNotificationReason', now: 'noNotificationReasonHash', text: typed.noNotificationReason },
      { action: 'evidence.export_started', before: 'fileName', now: 'fileNameHash', text: typed.fileName },
      { action: 'evidence.exported', before: 'fileName', now: 'fileNameHash', text: typed.fileName },
    ];
    const rows = auditRowTexts(t);
    for (const row of table) {
      const events = eventsOf(t, row.action);
      const typedIn = events.filter(row.only ?? (() => true));
      expect(typedIn.length, row.action).toBeGreaterThan(0);
      for (const e of events) expect(JSON.stringify(e), row.action).not.toContain(row.text);
      for (const e of typedIn) expect(e.details, row.action).not.toHaveProperty(row.before);
      const hashed = events.filter((e) => typeof e.details[row.now] === 'string');
      expect(hashed.length, row.action).toBeGreaterThan(0);
      const found = await t.ok('audit.findTypedText', { text: row.text, limit: 500 });
      expect(found.filter((m) => m.event.action === row.action).map((m) => m.field), row.action).toEqual(hashed.map(() => row.now));
    }
    // No stored row holds any of the typed texts, whichever event it is (the records themselves keep them, encrypted).
    expect(rows.filter((r) => Object.values(typed).some((text) => r.includes(text)))).toEqual([]);
    const override = eventsOf(t, 'consent.cooling_off_overridden')[0]!;
    expect(override.details).toMatchObject({ overrideId: expect.any(String), reasonLength: [...typed.overrideReason].length });
    expect(eventsOf(t, 'evidence.export_started')[0]!.details).toMatchObject({ fileNameSuggested: false });
    // The keyed hash is of the normalised text, so it is the same for the same text typed another way.
    expect(normalizeTypedText('Ｚ９９９９')).toBe(normalizeTypedText(typed.chartNoFilter));
    expect((await t.ok('audit.verify', {})).ok).toBe(true);
  });
});

describe('the keyed hash of typed text', () => {
  const key = Buffer.alloc(32, 7);

  it('is the same for the same text typed with dashes, spaces, other case or full-width forms, and differs otherwise', () => {
    const same = (a: string, b: string) => expect(typedTextHmac(key, a), `${a} / ${b}`).toBe(typedTextHmac(key, b));
    same('0912-345-678', '0912345678');
    same('０９１２－３４５－６７８', '0912345678');
    same(' A123456789 ', 'a123456789');
    same('Ａ１２３４５６７８９', 'A123456789');
    same('王 小明', '王小明');
    expect(typedTextHmac(key, 'A123456789')).toMatch(/^[0-9a-f]{64}$/);
    expect(typedTextHmac(key, 'A123456789')).not.toBe(typedTextHmac(key, 'A123456780'));
    expect(typedTextHmac(Buffer.alloc(32, 8), 'A123456789')).not.toBe(typedTextHmac(key, 'A123456789'));
  });

  it('tells the kind of a search from its shape: ID, phone, chart number, name or nothing', () => {
    expect(typedQueryKind('A123456789')).toBe('national_id');
    expect(typedQueryKind('ａ８２３４５６７８９')).toBe('national_id');
    expect(typedQueryKind('0912-345-678')).toBe('phone');
    expect(typedQueryKind('02-2345-6789')).toBe('phone');
    expect(typedQueryKind('+886 912 345 678')).toBe('phone');
    expect(typedQueryKind('C-0001')).toBe('chart_no');
    expect(typedQueryKind('王小明')).toBe('name');
    expect(typedQueryKind('Amy Lin')).toBe('name');
    expect(typedQueryKind(' - ')).toBe('empty');
  });
});
