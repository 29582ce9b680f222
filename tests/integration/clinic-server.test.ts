import { randomUUID, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CERT_FILE, ensureServerCertificate, KEY_FILE } from '../../electron/server/certificate';
import { startClinicServer } from '../../electron/server/server';
import { ClinicClient, pairWithServer, readServerCertificate } from '../../electron/server/client';
import type { Vault } from '../../electron/store/vault';
import { ADMIN, CLINIC_NAME, ManualClock, tempDir } from '../support/app';
import { errorKey, rawRequest, servedClinic, signInAt, type ServedClinic } from '../support/clinic-server';
import { FREE_ATTEMPTS } from '../../electron/store/session/signin-guard';
import { nameKey } from '../../electron/store/keyslots';
import { CONSULTANT, NURSE, PHYSICIAN } from '../support/staff';

let clinic: ServedClinic | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await clinic?.close();
  clinic = null;
});

async function served(opts: { tls?: boolean; clock?: ManualClock } = {}): Promise<ServedClinic> {
  clinic = await servedClinic(opts);
  return clinic;
}

/** Row counts of every table: what a refusal may change (the audit trail only) and what it may not. */
function tableCounts(vault: Vault): Record<string, number> {
  const tables = vault.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[];
  return Object.fromEntries(tables.map((t) => [t.name, (vault.db.prepare(`SELECT COUNT(*) AS n FROM "${t.name}"`).get() as { n: number }).n]));
}

/** The refusal events (audited beside the request) once they are in; waits briefly for them. */
async function eventsAfter(vault: Vault, seq: number, action: string, count = 1): Promise<{ details: Record<string, unknown>; seatId: string | null }[]> {
  const until = Date.now() + 2000;
  for (;;) {
    const rows = vault.db.prepare(`SELECT details, seat_id FROM audit_events WHERE seq > ? AND action = ? ORDER BY seq`).all(seq, action) as { details: string; seat_id: string | null }[];
    if (rows.length >= count || Date.now() > until) return rows.map((r) => ({ details: JSON.parse(r.details) as Record<string, unknown>, seatId: r.seat_id }));
    await new Promise((r) => setTimeout(r, 10));
  }
}

const headSeq = (vault: Vault): number => vault.audit.head()?.seq ?? 0;

/** Runs `fn`, then checks that only audit events were added (and which). */
async function onlyAudited(vault: Vault, action: string, fn: () => Promise<void>): Promise<Record<string, unknown>> {
  const before = tableCounts(vault);
  const seq = headSeq(vault);
  await fn();
  const events = await eventsAfter(vault, seq, action);
  expect(events.length).toBe(1);
  const after = tableCounts(vault);
  expect({ ...after, audit_events: 0 }).toEqual({ ...before, audit_events: 0 });
  expect(after.audit_events! - before.audit_events!).toBe(headSeq(vault) - seq);
  return events[0]!.details;
}

describe('several sessions at once in one core', () => {
  it('two staff at two seats: one signs out, the other keeps working, the desk stays signed in', async () => {
    const c = await served();
    const station = await c.seat('Nurses station');
    const room = await c.seat('Consultation room');
    await signInAt(station, NURSE);
    await signInAt(room, CONSULTANT);
    const sessions = await c.t.ok('seats.sessions', {});
    expect(sessions.map((s) => `${s.staffName}@${s.seatName}`).sort()).toEqual([`${ADMIN.name}@${c.t.app.deskCaller.seat.name}`, `${CONSULTANT.name}@Consultation room`, `${NURSE.name}@Nurses station`].sort());

    expect((await station.call('session.signOut', {})).ok).toBe(true);
    expect(station.sessionId).toBeNull();
    expect(errorKey(await station.call('patients.search', { query: '', limit: 5 }))).toBe('errors.unauthenticated');
    expect((await room.call('patients.search', { query: '', limit: 5 })).ok).toBe(true);
    expect((await c.t.call('staff.list', { includeInactive: true })).ok).toBe(true);
    expect(c.t.app.vault).not.toBeNull();
  });

  it('the sign-in lockout counts one name across every seat', async () => {
    const c = await served();
    const a = await c.seat('Seat A');
    const b = await c.seat('Seat B');
    let last = '';
    for (let i = 0; i < 8 && last !== 'locked'; i++) {
      const r = await a.call('session.signIn', { loginId: NURSE.name, password: 'Wrong-Pass-2026' });
      last = r.ok ? 'ok' : r.error.code;
    }
    expect(last).toBe('locked');
    const right = await b.call('session.signIn', { loginId: NURSE.name, password: NURSE.password });
    expect(right.ok ? 'ok' : right.error.code).toBe('locked');
    // Another name is not locked by it.
    await signInAt(b, PHYSICIAN);
  });

  it('twenty sign-ins sent at once from twenty seats get no more password checks than the lockout allows', async () => {
    const c = await served();
    // Straight into the core, so all twenty reach the password check together (no connection limit between).
    const seats = Array.from({ length: 20 }, (_, i) => ({ seat: { deviceId: `seat-${i}`, name: `Seat ${i}`, kind: 'desktop' as const }, sessionId: null }));
    // Nineteen guesses and, last, the right password: an attacker's batch that happens to hold it.
    const passwords = [...Array.from({ length: 19 }, (_, i) => `Wrong-Pass-2026-${i}`), NURSE.password];
    const answers = await Promise.all(seats.map((caller, i) => c.t.router.call('session.signIn', { loginId: NURSE.name, password: passwords[i]! }, caller)));
    const codes = answers.map((r) => (r.ok ? 'ok' : r.error.code));
    // Each check reads the count the one before it left: the free tries, then the lock, for the right one too.
    expect(codes.filter((x) => x === 'invalid_credentials').length).toBe(FREE_ATTEMPTS - 1);
    expect(codes.at(-1)).toBe('locked');
    expect(codes.filter((x) => x === 'ok')).toEqual([]);
  });

  it('failed sign-ins at several seats at once are each audited under the seat that typed them', async () => {
    const c = await served();
    const vault = c.t.app.vault!;
    const seq = headSeq(vault);
    const tries = [NURSE, CONSULTANT, PHYSICIAN];
    // Different names are checked side by side; the checks are held until all have failed, as on a busy server where
    // the calls wait in the queue while the other seats' checks end.
    const realCheck = vault.checkSignIn.bind(vault);
    let ended = 0;
    let allEnded: () => void = () => undefined;
    const allFailed = new Promise<void>((resolve) => (allEnded = resolve));
    vi.spyOn(vault, 'checkSignIn').mockImplementation(async (...args) => {
      try {
        return await realCheck(...args);
      } finally {
        if (++ended === tries.length) allEnded();
        await allFailed;
      }
    });
    const seats = tries.map((_, i) => ({ seat: { deviceId: `seat-${i}`, name: `Seat ${i}`, kind: 'desktop' as const }, sessionId: null }));
    const answers = await Promise.all(seats.map((caller, i) => c.t.router.call('session.signIn', { loginId: tries[i]!.name, password: `Wrong-Pass-2026-${i}` }, caller)));
    expect(answers.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(tries.map(() => 'invalid_credentials'));
    const failed = await eventsAfter(vault, seq, 'session.signin_failed', tries.length);
    const subjects = vault.db.prepare(`SELECT seat_id AS seatId, subject_id AS subjectId FROM audit_events WHERE seq > ? AND action = 'session.signin_failed'`).all(seq) as { seatId: string; subjectId: string }[];
    expect(failed.length).toBe(tries.length);
    // Each seat's event names the account that seat typed; no seat carries another's failure.
    const staffIdOf = (name: string): string => vault.staff.getByLoginKey(nameKey(name))!.id;
    expect(subjects.map((e) => `${e.seatId}:${e.subjectId}`).sort()).toEqual(seats.map((s, i) => `${s.seat.deviceId}:${staffIdOf(tries[i]!.name)}`).sort());
  });

  it('a sign-in whose audit event cannot be written opens no session at that seat', async () => {
    const c = await served();
    const vault = c.t.app.vault!;
    const seat = await c.seat('Nurses station');
    const realAppend = vault.appendAudit.bind(vault);
    vi.spyOn(vault, 'appendAudit').mockImplementation((e) => {
      if (e.action === 'session.signed_in') throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      return realAppend(e);
    });
    const before = c.t.app.sessions.all().length;
    const r = await seat.call('session.signIn', { loginId: NURSE.name, password: NURSE.password });
    expect(r.ok ? 'ok' : r.error.code).toBe('internal');
    expect(c.t.app.sessions.all()).toHaveLength(before);
    expect(seat.sessionId).toBeNull();
    vi.restoreAllMocks();
    expect(errorKey(await seat.call('patients.search', { query: '', limit: 5 }))).toBe('errors.unauthenticated');
    await signInAt(seat, NURSE);
  });

  it('deactivating a staff member ends their sessions at every seat at once; a role change counts from the next call', async () => {
    const c = await served();
    const station = await c.seat('Nurses station');
    const office = await c.seat('Office');
    const room = await c.seat('Consultation room');
    await signInAt(station, NURSE);
    await signInAt(office, NURSE);
    await signInAt(room, CONSULTANT);
    const staff = await c.t.ok('staff.list', { includeInactive: false });
    const nurse = staff.find((m) => m.name === NURSE.name)!;
    const consultant = staff.find((m) => m.name === CONSULTANT.name)!;
    expect((await station.call('patients.search', { query: '', limit: 5 })).ok).toBe(true);

    const seq = headSeq(c.t.app.vault!);
    await c.t.ok('staff.deactivate', { staffId: nurse.id });
    expect((await eventsAfter(c.t.app.vault!, seq, 'staff.deactivated'))[0]!.details).toMatchObject({ sessionsEnded: 2 });
    expect((await c.t.ok('seats.sessions', {})).some((s) => s.staffName === NURSE.name)).toBe(false);
    for (const seat of [station, office]) expect(errorKey(await seat.call('patients.search', { query: '', limit: 5 }))).toBe('errors.unauthenticated');

    // The consultant becomes a nurse: the consultant's own channels are refused at once, the nurse's answer.
    await c.t.ok('staff.update', { staffId: consultant.id, expectedVersion: consultant.version, role: 'nurse', licenceNo: null, specialty: null });
    const asNurse = await room.call('consents.issue', { consultationId: randomUUID() });
    expect(asNurse.ok ? 'ok' : asNurse.error.code).toBe('forbidden');
    expect((await room.call('patients.search', { query: '', limit: 5 })).ok).toBe(true);
    expect((await c.t.ok('seats.sessions', {})).find((s) => s.staffName === CONSULTANT.name)?.role).toBe('nurse');
  });

  it('each seat has its own idle lock: the seat left alone locks, the busy one keeps working', async () => {
    const clock = new ManualClock();
    const c = await served({ clock });
    const idleMinutes = c.t.app.vault!.clinicSettings().idleLockMinutes;
    const station = await c.seat('Nurses station');
    const room = await c.seat('Consultation room');
    await signInAt(station, NURSE);
    await signInAt(room, CONSULTANT);
    const search = (seat: typeof station) => seat.call('patients.search', { query: '', limit: 5 });
    clock.advance((idleMinutes - 1) * 60_000);
    expect((await search(room)).ok).toBe(true);
    clock.advance(2 * 60_000);
    const seq = headSeq(c.t.app.vault!);
    expect(errorKey(await search(station))).toBe('errors.locked');
    expect((await search(room)).ok).toBe(true);
    const locked = await eventsAfter(c.t.app.vault!, seq, 'session.locked');
    expect(locked.map((e) => e.seatId)).toEqual([station.server.deviceId]);
    // Unlocked with the nurse's own password at that seat, it works again; nobody else was touched.
    expect((await station.call('session.unlock', { password: NURSE.password })).ok).toBe(true);
    expect((await search(station)).ok).toBe(true);
    expect(c.t.app.sessions.all().filter((s) => s.staff.name !== ADMIN.name).map((s) => [s.staff.name, s.locked])).toEqual(
      expect.arrayContaining([
        [NURSE.name, false],
        [CONSULTANT.name, false],
      ]),
    );
  });

  it('an administrator ends another seat\'s session: that seat must sign in again', async () => {
    const c = await served();
    const station = await c.seat('Nurses station');
    await signInAt(station, NURSE);
    const target = (await c.t.ok('seats.sessions', {})).find((s) => s.staffName === NURSE.name)!;
    expect(target.handle).toMatch(/^[0-9a-f]{16}$/);
    await c.t.ok('seats.endSession', { handle: target.handle });
    expect(errorKey(await station.call('patients.search', { query: '', limit: 5 }))).toBe('errors.unauthenticated');
    expect((await c.t.ok('seats.sessions', {})).some((s) => s.staffName === NURSE.name)).toBe(false);
  });
});

describe('pairing', () => {
  it('a valid code pairs a device once; the code cannot be used again', async () => {
    const c = await served();
    const issued = await c.code('Front desk', 'browser');
    expect(issued.code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    const paired = await pairWithServer(c.server.origin, issued.code);
    expect(paired.deviceName).toBe('Front desk');
    const devices = await c.t.ok('seats.devices', {});
    expect(devices.map((d) => [d.name, d.kind, d.pairedByName, d.revokedAt])).toEqual([['Front desk', 'browser', ADMIN.name, null]]);
    // Only hashes are kept: neither the code nor the credential is in the vault.
    const stored = JSON.stringify(c.t.app.vault!.db.prepare('SELECT * FROM pairing_codes, paired_devices').all());
    expect(stored).not.toContain(issued.code.replace('-', ''));
    expect(stored).not.toContain(paired.credential);

    const details = await onlyAudited(c.t.app.vault!, 'seat.pairing_failed', async () => {
      await expect(pairWithServer(c.server.origin, issued.code)).rejects.toMatchObject({ status: 401, messageKey: 'seats.errors.codeUsed' });
    });
    expect(details.reason).toBe('code_used');
  });

  it('five wrong codes kill the code; each is audited', async () => {
    const c = await served();
    const issued = await c.code();
    const seq = headSeq(c.t.app.vault!);
    for (let i = 0; i < 5; i++) {
      await expect(pairWithServer(c.server.origin, 'ABCDE-23456')).rejects.toMatchObject({ status: 401, messageKey: 'seats.errors.codeWrong' });
    }
    expect(await eventsAfter(c.t.app.vault!, seq, 'seat.pairing_failed', 5)).toHaveLength(5);
    await expect(pairWithServer(c.server.origin, issued.code)).rejects.toMatchObject({ messageKey: 'seats.errors.codeExpired' });
    expect(await c.t.ok('seats.devices', {})).toEqual([]);
  });

  it('a code past its ten minutes is refused', async () => {
    const c = await served();
    const issued = await c.code();
    const row = c.t.app.vault!.db.prepare('SELECT id FROM pairing_codes').get() as { id: string };
    // The code was issued eleven minutes ago.
    c.t.app.vault!.db.prepare('UPDATE pairing_codes SET expires_at = ? WHERE id = ?').run(new Date(Date.now() - 60_000).toISOString(), row.id);
    const details = await onlyAudited(c.t.app.vault!, 'seat.pairing_failed', async () => {
      await expect(pairWithServer(c.server.origin, issued.code)).rejects.toMatchObject({ messageKey: 'seats.errors.codeExpired' });
    });
    expect(details.reason).toBe('code_expired');
  });

  it('a badly formed code is refused as such', async () => {
    const c = await served();
    const r = await rawRequest(c.server.origin, 'POST', '/pair', { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: 'not-a-code!' }) });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.messageKey).toBe('seats.errors.codeFormat');
  });

  it('a client that saw another certificate cannot pair, even with the right code (HMAC proof)', async () => {
    const c = await served({ tls: true });
    const issued = await c.code();
    const other = 'AB:'.repeat(31) + 'AB';
    const details = await onlyAudited(c.t.app.vault!, 'seat.pairing_failed', async () => {
      await expect(pairWithServer(c.server.origin, issued.code, { certificateSha256Seen: other })).rejects.toMatchObject({ status: 401 });
    });
    expect(details.reason).toBe('certificate_mismatch');
    // The code itself still works (four tries left) for the client that saw the server's own certificate.
    const paired = await pairWithServer(c.server.origin, issued.code);
    expect(paired.certificateSha256).toBe(c.server.certificateSha256);
  });

  it('repeated wrong codes from one address are stopped by the brute-force limit', async () => {
    const c = await served();
    let status = 0;
    for (let i = 0; i < 12 && status !== 429; i++) {
      const r = await rawRequest(c.server.origin, 'POST', '/pair', { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: 'ABCDE-23456' }) });
      status = r.status;
    }
    expect(status).toBe(429);
  });
});

describe('refusals', () => {
  it('an unpaired device gets 401 everywhere but /pair and learns no clinic or staff name', async () => {
    const c = await served();
    const names = [CLINIC_NAME, ADMIN.name, NURSE.name, CONSULTANT.name, PHYSICIAN.name];
    const details = await onlyAudited(c.t.app.vault!, 'seat.request_refused', async () => {
      const r = await rawRequest(c.server.origin, 'POST', '/api', { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ channel: 'app.status', input: {} }) });
      expect(r.status).toBe(401);
      expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'unauthenticated', messageKey: 'seats.errors.notPaired' } });
    });
    expect(details.reason).toBe('not_paired');
    const answers = [
      await rawRequest(c.server.origin, 'GET', '/api/events'),
      await rawRequest(c.server.origin, 'POST', '/api/upload', { headers: { 'Content-Type': 'image/jpeg' }, body: Buffer.alloc(10) }),
      await rawRequest(c.server.origin, 'POST', '/api', { headers: { 'Content-Type': 'application/json', Cookie: 'cv_device=forged' }, body: JSON.stringify({ channel: 'session.signIn', input: { loginId: NURSE.name, password: NURSE.password } }) }),
      await rawRequest(c.server.origin, 'GET', '/'),
    ];
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 404]);
    for (const a of answers) for (const n of names) expect(a.body).not.toContain(n);
    expect(answers[0]!.headers['cache-control']).toBe('no-store');
    expect(answers[0]!.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('a foreign Host or Origin is refused before anything is read, and audited', async () => {
    const c = await served();
    const seat = await c.seat('Seat');
    const vault = c.t.app.vault!;
    const hostRefusal = await onlyAudited(vault, 'seat.request_refused', async () => {
      const host = await rawRequest(c.server.origin, 'POST', '/api', { headers: { Host: 'evil.example:80', 'Content-Type': 'application/json', 'x-consentvault-device': seat.server.credential }, body: '{}' });
      expect(host.status).toBe(421);
    });
    expect(hostRefusal).toMatchObject({ reason: 'foreign_host', host: 'evil.example:80' });
    const originRefusal = await onlyAudited(vault, 'seat.request_refused', async () => {
      const origin = await rawRequest(c.server.origin, 'POST', '/api', { headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json', 'x-consentvault-device': seat.server.credential }, body: '{}' });
      expect(origin.status).toBe(403);
    });
    expect(originRefusal).toMatchObject({ reason: 'foreign_origin', origin: 'https://evil.example' });
  });

  it('a revoked device is refused at once and its session ends', async () => {
    const c = await served();
    const station = await c.seat('Nurses station');
    await signInAt(station, NURSE);
    await c.t.ok('seats.revokeDevice', { deviceId: station.server.deviceId });
    expect(c.t.app.sessions.all().some((s) => s.seat.deviceId === station.server.deviceId)).toBe(false);
    const details = await onlyAudited(c.t.app.vault!, 'seat.request_refused', async () => {
      const r = await station.send('patients.search', { query: '', limit: 5 });
      expect(r.status).toBe(401);
      expect(errorKey(r.result)).toBe('seats.errors.deviceRevoked');
    });
    expect(details.reason).toBe('device_revoked');
  });

  it('a forged session id is answered as not signed in, and audited', async () => {
    const c = await served();
    const station = await c.seat('Nurses station');
    station.sessionId = 'A'.repeat(43);
    const details = await onlyAudited(c.t.app.vault!, 'seat.request_refused', async () => {
      expect(errorKey(await station.call('patients.search', { query: '', limit: 5 }))).toBe('errors.unauthenticated');
    });
    expect(details.reason).toBe('unknown_session');
    expect(station.sessionId).toBeNull();
  });

  it('a session id replayed after sign-out does not sign anyone in, and is audited with nothing else written', async () => {
    const c = await served();
    const station = await c.seat('Nurses station');
    await signInAt(station, NURSE);
    const old = station.sessionId;
    await station.call('session.signOut', {});
    station.sessionId = old;
    const details = await onlyAudited(c.t.app.vault!, 'seat.request_refused', async () => {
      expect(errorKey(await station.call('patients.search', { query: '', limit: 5 }))).toBe('errors.unauthenticated');
    });
    expect(details.reason).toBe('unknown_session');
    expect(c.t.app.sessions.all().some((s) => s.staff.name === NURSE.name)).toBe(false);
  });

  it("a seat presenting another seat's session is refused and audited; the owner keeps working", async () => {
    const c = await served();
    const room = await c.seat('Consultation room');
    const thief = await c.seat('Somewhere else');
    await signInAt(room, CONSULTANT);
    thief.sessionId = room.sessionId;
    const details = await onlyAudited(c.t.app.vault!, 'seat.request_refused', async () => {
      const r = await thief.send('patients.search', { query: '', limit: 5 });
      expect(r.status).toBe(403);
      expect(errorKey(r.result)).toBe('seats.errors.sessionOfAnotherSeat');
    });
    expect(details.reason).toBe('session_of_another_seat');
    // The desk's session is another seat's too.
    thief.sessionId = c.t.app.deskCaller.sessionId;
    expect((await thief.send('staff.list', { includeInactive: true })).status).toBe(403);
    expect((await room.call('patients.search', { query: '', limit: 5 })).ok).toBe(true);
  });

  it('an over-size body is answered 413 and audited, nothing else written', async () => {
    const c = await served();
    const seat = await c.seat('Seat');
    const details = await onlyAudited(c.t.app.vault!, 'seat.request_refused', async () => {
      const r = await rawRequest(c.server.origin, 'POST', '/api', {
        headers: { 'Content-Type': 'application/json', 'x-consentvault-device': seat.server.credential },
        body: JSON.stringify({ channel: 'patients.search', input: { query: 'x'.repeat(1024 * 1024 + 10) } }),
      });
      expect(r.status).toBe(413);
    });
    expect(details.reason).toBe('body_too_big');
  });

  it('a photo upload from a device nobody is signed in at is refused before its body is read', async () => {
    const c = await served();
    const seat = await c.seat('Front desk tablet');
    const url = new URL('/api/upload', seat.server.origin);
    // Twenty megabytes declared, a few bytes sent: the answer comes without the rest (nothing is held for it).
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(url, { method: 'POST', agent: false, headers: { Host: url.host, 'Content-Type': 'image/jpeg', 'Content-Length': String(20 * 1024 * 1024), 'x-consentvault-device': seat.server.credential } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (b: Buffer) => chunks.push(b));
        res.once('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.once('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(c.t.app.uploads.size).toBe(0);
  });

  it('a device sending more photos at once than the screens ever do is held to two in flight', async () => {
    const c = await served();
    const seat = await c.seat('Consultation room');
    await signInAt(seat, NURSE);
    const url = new URL('/api/upload', seat.server.origin);
    const headers = { Host: url.host, 'Content-Type': 'image/jpeg', 'Content-Length': String(1024 * 1024), 'x-consentvault-device': seat.server.credential, 'x-consentvault-session': seat.sessionId! };
    const held: http.ClientRequest[] = [];
    const send = (complete: boolean) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(url, { method: 'POST', agent: false, headers }, (res) => {
          res.resume();
          res.once('end', () => resolve(res.statusCode ?? 0));
        });
        req.once('error', (e) => (complete ? reject(e) : resolve(-1)));
        if (complete) req.end(Buffer.alloc(1024 * 1024));
        else {
          req.write(Buffer.alloc(1024));
          held.push(req);
        }
      });
    // Two uploads whose bodies are still coming, then a third: refused at once.
    void send(false);
    void send(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(await send(true)).toBe(429);
    for (const req of held) req.destroy();
    // Once those have gone, the device may send again.
    await new Promise((r) => setTimeout(r, 300));
    expect(await send(true)).toBe(200);
  });

  it('server-only channels (folders and dialogs of the server) are refused to seats', async () => {
    const c = await served();
    const seat = await c.seat('Seat');
    const details = await onlyAudited(c.t.app.vault!, 'seat.request_refused', async () => {
      const r = await seat.send('setup.createVault', { clinicName: 'X', timeZone: 'Asia/Taipei', vaultDir: '/tmp/x', adminName: 'X', adminPassword: 'Some-Pass-2026' });
      expect(r.status).toBe(403);
    });
    expect(details).toMatchObject({ reason: 'server_only_channel', channel: 'setup.createVault' });
    expect(fs.existsSync('/tmp/x')).toBe(false);
  });
});

describe('live events', () => {
  it("seat A's write reaches seat B within 2 seconds; A is not told of its own", async () => {
    const c = await served();
    const a = await c.seat('Consultation room');
    const b = await c.seat('Nurses station');
    await signInAt(a, CONSULTANT);
    await signInAt(b, NURSE);
    const atB: { topic: string; channel: string }[] = [];
    const atA: { topic: string }[] = [];
    const stopB = await b.listen((e) => atB.push(e));
    const stopA = await a.listen((e) => atA.push(e));
    try {
      const started = Date.now();
      const created = await a.call('patients.create', { chartNo: 'S0001', nameZh: '李小華', sex: 'female', birthDate: '1990-05-01', phone: '0912-345-678' });
      expect(created.ok, JSON.stringify(created)).toBe(true);
      while (atB.length === 0 && Date.now() - started < 2000) await new Promise((r) => setTimeout(r, 10));
      expect(atB[0]).toMatchObject({ topic: 'patients', channel: 'patients.create' });
      expect(Date.now() - started).toBeLessThan(2000);
      // Reads are not announced.
      await a.call('patients.search', { query: '', limit: 5 });
      await new Promise((r) => setTimeout(r, 100));
      expect(atB).toHaveLength(1);
      expect(atA).toHaveLength(0);
    } finally {
      stopA();
      stopB();
    }
  });

  it('a seat that is not signed in gets no event stream', async () => {
    const c = await served();
    const seat = await c.seat('Seat');
    await expect(seat.listen(() => undefined)).rejects.toMatchObject({ status: 401 });
  });
});

describe('HTTPS', () => {
  it('presents the certificate whose SHA-256 is the one the server shows, kept in the vault folder with a private key file', async () => {
    const c = await served({ tls: true });
    expect(c.server.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const seen = await readServerCertificate(c.server.origin);
    expect(seen.sha256).toBe(c.server.certificateSha256);
    expect(c.server.status().certificateSha256).toBe(seen.sha256);
    const keyFile = path.join(c.t.vaultDir, 'server-tls', 'key.pem');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    // Paired over HTTPS with the pinned certificate, a seat works as on loopback.
    const seat = new ClinicClient(await pairWithServer(c.server.origin, (await c.code()).code));
    await signInAt(seat, NURSE);
    expect((await seat.call('patients.search', { query: '', limit: 5 })).ok).toBe(true);
    // A client pinning another fingerprint does not talk to this server at all, and is told why.
    const wrongPin = new ClinicClient({ ...seat.server, certificateSha256: 'AB:'.repeat(31) + 'AB' });
    await expect(wrongPin.call('patients.search', { query: '', limit: 5 })).rejects.toMatchObject({ status: 495, messageKey: 'seats.errors.certificateMismatch' });
    wrongPin.close();
  });

  it('a seat paired once keeps working when the server certificate is renewed under the clinic’s authority; a tablet can fetch the authority', async () => {
    const c = await served({ tls: true });
    const seat = new ClinicClient(await pairWithServer(c.server.origin, (await c.code()).code));
    const first = await readServerCertificate(c.server.origin);
    expect(new X509Certificate(first.serverPem).checkIssued(new X509Certificate(first.pem))).toBe(true);
    // The authority, as a tablet downloads it to install (no pairing needed: it is public, the fingerprint is checked).
    const download = await rawRequest(c.server.origin, 'GET', '/clinic-ca.pem');
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(new X509Certificate(download.body).fingerprint256).toBe(c.server.certificateSha256);

    // The server's certificate as it would be 780 days after it was made (TLS checks real time, so it is dated back).
    await c.server.close();
    const tlsDir = path.join(c.t.vaultDir, 'server-tls');
    for (const f of [CERT_FILE, KEY_FILE]) fs.rmSync(path.join(tlsDir, f));
    const aged = await ensureServerCertificate(tlsDir, { dns: ['localhost'], ips: ['127.0.0.1'] }, new Date(Date.now() - 780 * 24 * 60 * 60_000));
    // Started again, the server renews it: it runs out within 60 days.
    const again = await startClinicServer({ app: c.t.app, router: c.t.router, vaultDir: c.t.vaultDir, listen: { host: '127.0.0.1', port: 0 }, forceTls: true, log: () => undefined });
    try {
      const renewed = await readServerCertificate(again.origin);
      expect(renewed.serverPem).not.toBe(aged.certPem);
      expect(Date.parse(new X509Certificate(renewed.serverPem).validTo)).toBeGreaterThan(Date.now() + 700 * 24 * 60 * 60_000);
      expect(renewed.sha256).toBe(first.sha256);
      expect(again.certificateSha256).toBe(first.sha256);
      const moved = new ClinicClient({ ...seat.server, origin: again.origin });
      await signInAt(moved, NURSE);
      expect((await moved.call('patients.search', { query: '', limit: 5 })).ok).toBe(true);
      moved.close();
    } finally {
      await again.close();
    }
  });

  it('a seat that pinned another certificate is told "certificate mismatch", and the server audits the broken-off handshake', async () => {
    const c = await served({ tls: true });
    const seat = new ClinicClient(await pairWithServer(c.server.origin, (await c.code()).code));
    // Another server's certificate, made as the clinic server makes its own (a server set up again, or someone in between).
    const other = await ensureServerCertificate(tempDir('cv-other-cert-'), { dns: ['localhost'], ips: ['127.0.0.1'] });
    const vault = c.t.app.vault!;
    const before = tableCounts(vault);
    const seq = headSeq(vault);
    const pinnedElsewhere = new ClinicClient({ ...seat.server, certificatePem: other.anchorPem, certificateSha256: other.sha256 });
    await expect(pinnedElsewhere.call('patients.search', { query: '', limit: 5 })).rejects.toMatchObject({ status: 495, messageKey: 'seats.errors.certificateMismatch' });
    pinnedElsewhere.close();
    const refused = await eventsAfter(vault, seq, 'seat.request_refused');
    expect(refused[0]!.details).toMatchObject({ reason: 'tls_handshake_failed' });
    expect({ ...tableCounts(vault), audit_events: 0 }).toEqual({ ...before, audit_events: 0 });
    // The seat with the right pin works as before.
    await signInAt(seat, NURSE);
    expect((await seat.call('patients.search', { query: '', limit: 5 })).ok).toBe(true);
  });
});
