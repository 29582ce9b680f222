/**
 * A signing tablet's session (issue 14): sent one consent by the consultant, it acts for them on that consent's
 * view, document and patient-side signatures only. Everything else — another consent, the patient list, the
 * physician's signature, a file upload — is refused and audited, and nothing is written.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClinicClient } from '../../electron/server/client';
import { disclosedConsultation, ink } from '../support/consent-flow';
import { FREE_ATTEMPTS, staffAccount } from '../../electron/store/session/signin-guard';
import { errorKey, servedClinic, signInAt, type ServedClinic } from '../support/clinic-server';
import { PHYSICIAN } from '../support/staff';

let open: ServedClinic | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await open?.close();
  open = null;
});

/** A clinic with an issued consent sent to a paired, switched-on tablet. */
async function consentOnTablet(): Promise<{ c: ServedClinic; tablet: ClinicClient; consentId: string; documentSha256: string; consultationId: string; physicianId: string }> {
  const c = await servedClinic();
  open = c;
  const physicianId = (await c.t.ok('staff.list', { includeInactive: false })).find((m) => m.name === PHYSICIAN.name)!.id;
  const v = await disclosedConsultation(c.t, physicianId);
  const consent = await c.t.ok('consents.issue', { consultationId: v.consultation.id });
  const tablet = await c.seat('Consultation room tablet', 'tablet');
  // Switched on: the tablet asks what it was sent (nothing yet).
  expect(await tablet.call('tablet.assignment', {})).toEqual({ ok: true, value: null });
  const deviceId = (await c.t.ok('tablet.online', {}))[0]!.deviceId;
  await c.t.ok('tablet.send', { consentId: consent.id, deviceId });
  const assigned = await tablet.call('tablet.assignment', {});
  expect(assigned).toMatchObject({ ok: true, value: { consentId: consent.id } });
  return { c, tablet, consentId: consent.id, documentSha256: consent.documentSha256, consultationId: v.consultation.id, physicianId };
}

describe("a signing tablet's limits", () => {
  it('reads its own consent; another consent, the patient list and staff channels are refused and audited, nothing written', async () => {
    const { c, tablet, consentId } = await consentOnTablet();
    const vault = c.t.app.vault!;
    expect((await tablet.call('consents.get', { consentId })).ok).toBe(true);

    const seq = vault.audit.head()!.seq;
    const attempts: [string, unknown][] = [
      ['consents.get', { consentId: randomUUID() }],
      ['patients.search', { query: '', limit: 5 }],
      ['consents.issue', { consultationId: randomUUID() }],
      ['staff.list', { includeInactive: true }],
    ];
    for (const [channel, input] of attempts) expect([channel, errorKey(await tablet.call(channel, input))]).toEqual([channel, 'errors.forbidden']);
    const refused = vault.db.prepare('SELECT action, details, seat_id FROM audit_events WHERE seq > ? ORDER BY seq').all(seq) as { action: string; details: string; seat_id: string }[];
    expect(refused.map((r) => [r.action, (JSON.parse(r.details) as { channel: string }).channel, r.seat_id])).toEqual(attempts.map(([channel]) => ['access.forbidden', channel, tablet.server.deviceId]));
  });

  it("refuses the physician's signature on its consent, and a file upload, both audited", async () => {
    const { c, tablet, consentId, documentSha256 } = await consentOnTablet();
    const vault = c.t.app.vault!;
    const seq = vault.audit.head()!.seq;
    const signaturesBefore = vault.consents.signatures(consentId).length;
    const asPhysician = await tablet.call('consents.sign', { consentId, form: 'procedure', role: 'physician', documentSha256, ink: ink() });
    expect(errorKey(asPhysician)).toBe('errors.forbidden');
    const upload = await tablet.upload(Buffer.from('not a photo'));
    expect(upload.result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(vault.consents.signatures(consentId)).toHaveLength(signaturesBefore);
    expect(c.t.app.uploads.size).toBe(0);
    const until = Date.now() + 5000;
    let events: { action: string; details: string }[] = [];
    while (Date.now() < until) {
      events = vault.db.prepare('SELECT action, details FROM audit_events WHERE seq > ? ORDER BY seq').all(seq) as { action: string; details: string }[];
      if (events.length >= 2) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(events.map((e) => [e.action, (JSON.parse(e.details) as { channel: string }).channel])).toEqual([
      ['access.forbidden', 'consents.sign'],
      ['access.forbidden', 'upload'],
    ]);
  });

  it("cannot lock the physician out by guessing their password: a refused caller's password is never checked", async () => {
    const { c, tablet, consultationId, physicianId } = await consentOnTablet();
    const vault = c.t.app.vault!;
    const checks = vi.spyOn(vault, 'verifyStaffPassword');
    const seq = vault.audit.head()!.seq;
    const guesses = FREE_ATTEMPTS + 3;
    for (let i = 0; i < guesses; i++) {
      const r = await tablet.call('consents.overrideCoolingOff', { consultationId, reason: '病人要求提前施作', physicianId, password: `Guess-Pass-2026-${i}` });
      expect(errorKey(r)).toBe('errors.forbidden');
    }
    // Refused before any Argon2 work, each refusal audited; the physician's account is untouched and signs in.
    expect(checks).not.toHaveBeenCalled();
    const events = vault.db.prepare('SELECT action, details FROM audit_events WHERE seq > ? ORDER BY seq').all(seq) as { action: string; details: string }[];
    expect(events.map((e) => [e.action, (JSON.parse(e.details) as { channel: string }).channel])).toEqual(Array.from({ length: guesses }, () => ['access.forbidden', 'consents.overrideCoolingOff']));
    expect(vault.guard.retryAfterMs(staffAccount(physicianId), new Date())).toBe(0);
    const office = await c.seat('Physician office');
    await signInAt(office, PHYSICIAN);
  });
});

