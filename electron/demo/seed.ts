import type { ChannelName, In, Out } from '../../shared/api';
import type { Router } from '../router';
import { DomainError } from '../store/errors';
import { syntheticClinic, type SyntheticClinic } from './synthetic';

export const DEFAULT_DEMO_PASSWORD = 'Demo-Clinic-2026';

async function must<C extends ChannelName>(router: Router, channel: C, input: In<C>): Promise<Out<C>> {
  const r = await router.call(channel, input);
  if (!r.ok) throw new DomainError(r.error.code, r.error.messageKey, r.error.params, r.error.issues);
  return r.value as Out<C>;
}

/**
 * Builds a demo vault through the same router the app uses (validation, rules and audit included),
 * so demo data is never something the app itself could not have written.
 */
export async function seedDemoVault(router: Router, vaultDir: string, seed: number, password: string): Promise<{ clinic: SyntheticClinic; recoveryCode: string }> {
  const clinic = syntheticClinic(seed);
  const { recoveryCode } = await must(router, 'setup.createVault', {
    clinicName: clinic.clinicName,
    timeZone: clinic.timeZone,
    vaultDir,
    adminName: clinic.admin.name,
    adminPassword: password,
  });
  await must(router, 'session.signIn', { name: clinic.admin.name, password });
  try {
    for (const s of clinic.staff) {
      await must(router, 'staff.add', {
        name: s.name,
        role: s.role,
        password,
        ...(s.licenceNo ? { licenceNo: s.licenceNo } : {}),
        ...(s.specialty ? { specialty: s.specialty } : {}),
      });
    }
  } finally {
    await router.call('session.signOut', {});
  }
  return { clinic, recoveryCode };
}
