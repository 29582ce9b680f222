import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChannelName, In, Out } from '../../shared/api';
import { ComplaintCategory } from '../../shared/schemas/complaint';
import { AppCore, fixedConfigStore } from '../../electron/app-core';
import { DEFAULT_DEMO_PASSWORD, seedDemoVault } from '../../electron/demo/seed';
import { DemoClock, HISTORY_DAYS_AGO } from '../../electron/demo/seed-consents';
import { createRouter } from '../../electron/router';
import { tempDir } from '../support/app';

describe('consentvault demo: aftercare', () => {
  const dir = path.join(tempDir('cv-demo-'), 'vault');
  const clock = new DemoClock(HISTORY_DAYS_AGO);
  const app = new AppCore({ config: fixedConfigStore(null), host: { defaultVaultPath: dir }, clock });
  const router = createRouter(app, { checkOutput: true, logError: () => undefined });
  const ok = async <C extends ChannelName>(c: C, input: In<C>) => {
    const r = await router.call(c, input);
    if (!r.ok) throw new Error(`${c}: ${JSON.stringify(r.error)}`);
    return r.value as Out<C>;
  };
  afterAll(() => app.closeVault());

  it('treatments, follow-ups in every state, complaints of every category and a few incidents', async () => {
    const { clinic, consultations } = await seedDemoVault(router, dir, 11, DEFAULT_DEMO_PASSWORD, 60, clock);
    expect(Object.keys(consultations).filter((k) => k.startsWith('treated_')).length).toBeGreaterThanOrEqual(6);
    await ok('session.signIn', { loginId: clinic.admin.name, password: DEFAULT_DEMO_PASSWORD });
    const home = await ok('home.today', {});
    expect(home.followUpsDueToday.length).toBeGreaterThan(0);
    expect(home.followUpsOverdue.length).toBeGreaterThan(0);
    expect(new Set(home.escalations.map((e) => e.kind))).toEqual(new Set(['red_flag', 'unreachable']));
    expect(home.readyForTreatment.length).toBeGreaterThan(0);
    const worklist = await ok('followUps.worklist', { scope: 'all', upcomingDays: 30 });
    expect(worklist.upcoming.length).toBeGreaterThan(0);

    const complaints = await ok('complaints.list', { status: 'all', limit: 100 });
    expect(new Set(complaints.map((c) => c.category))).toEqual(new Set(ComplaintCategory.options));
    const states = new Set(complaints.flatMap((c) => c.clocks.map((k) => `${k.kind}:${k.state}`)));
    for (const s of ['first_response:met', 'first_response:breached', 'first_response:running', 'accident_explanation:met', 'records_copy:running']) expect(states).toContain(s);
    expect(complaints.filter((c) => c.status === 'closed')).toHaveLength(1);

    const incidents = await ok('incidents.list', { status: 'all', limit: 100 });
    expect(incidents.map((i) => `${i.status}:${i.clock.state}`).sort()).toEqual(['closed:met', 'closed:stopped', 'open:breached', 'open:running']);
    expect((await ok('calendar.list', { from: '2000-01-01', to: '2100-12-31' })).length).toBeGreaterThanOrEqual(12);
    expect((await ok('audit.verify', {})).ok).toBe(true);
  }, 180_000);
});
