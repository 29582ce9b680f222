import { afterEach, describe, expect, it } from 'vitest';
import type { PriceList } from '../../shared/schemas/catalogue';
import type { FeeQuote } from '../../shared/schemas/consultation';
import { ADMIN, makeTestApp, type TestApp } from '../support/app';
import { addStaff, ADULT } from '../support/consent-flow';
import { CONSULTANT } from '../support/staff';
import { errorOf } from '../support/vault-files';

const apps: TestApp[] = [];
afterEach(() => {
  for (const t of apps.splice(0)) t.dispose();
});

async function signedInAdmin(): Promise<TestApp> {
  const t = makeTestApp();
  apps.push(t);
  await t.setup();
  await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
  return t;
}

const PRICES: PriceList = {
  items: [
    { kind: 'procedure', description: '肉毒桿菌素 額頭 20 單位', amountTwd: 6000 },
    { kind: 'materials', description: '耗材', amountTwd: 500 },
  ],
  packages: [{ id: 'three_sessions', name: '三次療程', items: [{ kind: 'procedure', description: '三次注射', amountTwd: 15000 }] }],
};

describe('procedure prices', () => {
  it('are saved with the procedure, kept when an edit leaves them out, and audited by count', async () => {
    const t = await signedInAdmin();
    const botox = (await t.ok('procedures.list', {})).find((p) => p.code === 'botulinum_toxin')!;
    // Procedures from before prices (the starter catalogue, migrated vaults) have an empty list.
    expect(botox.priceList).toEqual({ items: [], packages: [] });
    const { id, active } = botox;
    const fields = {
      code: botox.code,
      nameZh: botox.nameZh,
      nameEn: botox.nameEn,
      category: botox.category,
      anaesthesia: botox.anaesthesia,
      witnessRequired: botox.witnessRequired,
      coolingOffDays: botox.coolingOffDays,
      followUpPlan: botox.followUpPlan,
    };
    const saved = await t.ok('procedures.save', { procedureId: id, expectedVersion: botox.version, active, fields: { ...fields, priceList: PRICES } });
    expect(saved.priceList).toEqual(PRICES);
    const renamed = await t.ok('procedures.save', { procedureId: id, expectedVersion: saved.version, active, fields: { ...fields, nameEn: 'Botulinum toxin (forehead)' } });
    expect(renamed.priceList).toEqual(PRICES);
    const event = (await t.ok('audit.recent', { limit: 5 })).find((e) => e.action === 'procedure.updated' && (e.details.fields as string[]).includes('priceList'));
    expect(event?.details).toMatchObject({ priceItems: 2, pricePackages: 1 });
    // A bad amount is refused on its field, nothing saved.
    const bad = errorOf(await t.call('procedures.save', { procedureId: id, expectedVersion: renamed.version, active, fields: { ...fields, priceList: { items: [{ kind: 'procedure', description: 'x', amountTwd: -5 }], packages: [] } } }));
    expect(bad.issues?.[0]).toMatchObject({ path: ['fields', 'priceList', 'items', 0, 'amountTwd'], messageKey: 'validation.amountNegative' });
    expect((await t.ok('procedures.list', {})).find((p) => p.id === id)!.priceList).toEqual(PRICES);
  });
});

describe('the quote acknowledgement', () => {
  it('is refused when the total the patient was shown is not the saved one, and the saved total is what is acknowledged', async () => {
    const t = makeTestApp();
    apps.push(t);
    await t.setup();
    const { physicianId } = await addStaff(t);
    await t.signOut();
    await t.ok('session.signIn', { loginId: CONSULTANT.name, password: CONSULTANT.password });
    const patient = await t.ok('patients.create', ADULT);
    const procedure = (await t.ok('procedures.list', {})).find((p) => p.code === 'botulinum_toxin')!;
    const v = await t.ok('consultations.start', { patientId: patient.id, procedureId: procedure.id, physicianId });
    const id = v.consultation.id;
    const quote: FeeQuote = { items: [{ kind: 'procedure', description: '療程', amountTwd: 6000 }, { kind: 'materials', description: '耗材', amountTwd: 500 }], revisionPolicy: '兩週內免費補打', refundPolicy: '未施打前可全額退費' };
    expect((await t.ok('consultations.saveQuote', { consultationId: id, expectedVersion: 1, quote })).consultation.quoteTotalTwd).toBe(6500);
    expect(errorOf(await t.call('consultations.acknowledgeQuote', { consultationId: id, totalTwd: 6000 }))).toEqual({ code: 'conflict', messageKey: 'workday.quote.totalChanged' });
    const acked = await t.ok('consultations.acknowledgeQuote', { consultationId: id, totalTwd: 6500 });
    expect(acked.consultation.quoteAcknowledgedAt).not.toBeNull();
    const event = t.app.vault!.db.prepare("SELECT details FROM audit_events WHERE action = 'consultation.quote_acknowledged'").get() as { details: string };
    expect(JSON.parse(event.details)).toMatchObject({ totalTwd: 6500 });
  });
});

describe('chart numbers', () => {
  it('are offered as the next free number in the clinic’s numbering', async () => {
    const t = await signedInAdmin();
    expect(await t.ok('patients.nextChartNo', {})).toEqual({ chartNo: '000001' });
    await t.ok('patients.create', { ...ADULT, chartNo: 'C0041' });
    expect(await t.ok('patients.nextChartNo', {})).toEqual({ chartNo: 'C0042' });
    // Someone typed the next one by hand earlier: it is skipped.
    await t.ok('patients.create', { ...ADULT, chartNo: 'C0043', nationalId: undefined, phone: '0912-000-222' });
    await t.ok('patients.create', { ...ADULT, chartNo: 'C0042', nationalId: undefined, phone: '0912-000-333' });
    expect(await t.ok('patients.nextChartNo', {})).toEqual({ chartNo: 'C0044' });
  });
});
