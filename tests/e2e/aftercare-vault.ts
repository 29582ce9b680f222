import fs from 'node:fs';
import path from 'node:path';
import { AppCore, fixedConfigStore } from '../../electron/app-core';
import { DEFAULT_DEMO_PASSWORD, seedDemoVault } from '../../electron/demo/seed';
import { DemoClock, HISTORY_DAYS_AGO } from '../../electron/demo/seed-consents';
import { createRouter } from '../../electron/router';
import { ADMIN as VAULT_ADMIN, makeTestApp, ManualClock } from '../support/app';
import { actAs, DAY_MS, fullySignedConsultation, treatmentInput } from '../support/aftercare-flow';
import { addStaff } from '../support/consent-flow';
import { CONSULTANT, NURSE, PHYSICIAN } from '../support/staff';

/** The browser host finds its vault through config.json in its config folder (read on every status call). */
export function pointHostAt(configDir: string, vaultDir: string): void {
  fs.writeFileSync(path.join(configDir, 'config.json'), `${JSON.stringify({ vaultPath: vaultDir }, null, 2)}\n`);
}

/**
 * A clinic whose history is written with a clock set back in time: a botulinum-toxin consent signed eight days
 * ago and the treatment done seven days ago, so today the nurse's day-7 call is due and the physician's day-1 call
 * is overdue. Written through the same router and rules as the app; the browser host then opens it.
 */
export async function treatedSevenDaysAgo(configDir: string) {
  const vaultDir = path.join(configDir, 'vault');
  const clock = new ManualClock(new Date(Date.now() - 9 * DAY_MS).toISOString());
  const t = makeTestApp({ clock, vaultDir });
  try {
    await t.setup();
    const { physicianId } = await addStaff(t);
    const { consultation } = await fullySignedConsultation(t, clock, physicianId);
    clock.advance(Date.now() - 7 * DAY_MS - clock.now().getTime());
    await actAs(t, NURSE);
    await t.ok('treatments.record', treatmentInput(consultation, clock));
    await t.signOut();
    pointHostAt(configDir, vaultDir);
    return { admin: VAULT_ADMIN, nurse: NURSE, physician: PHYSICIAN, consultant: CONSULTANT, patientName: consultation.consultation.patientName };
  } finally {
    t.dispose();
  }
}

/** The demo clinic (`consentvault demo`), for screenshots of every state. */
export async function demoClinic(configDir: string, patients = 40) {
  const vaultDir = path.join(configDir, 'vault');
  const clock = new DemoClock(HISTORY_DAYS_AGO);
  const app = new AppCore({ config: fixedConfigStore(null), host: { defaultVaultPath: vaultDir }, clock });
  const router = createRouter(app, { checkOutput: true, logError: () => undefined });
  try {
    const { clinic } = await seedDemoVault(router, vaultDir, 11, DEFAULT_DEMO_PASSWORD, patients, clock);
    pointHostAt(configDir, vaultDir);
    return { clinic, password: DEFAULT_DEMO_PASSWORD };
  } finally {
    app.closeVault();
  }
}
