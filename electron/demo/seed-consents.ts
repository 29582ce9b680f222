import type { ChannelName, In, Out } from '../../shared/api';
import type { SignatureInk, SignatureRole, ConsentForm } from '../../shared/schemas/consent';
import { encodePng, strokesToPng } from '../pdf/signature-png';
import type { Router } from '../router';
import { DomainError } from '../domain/errors';
import type { Clock } from '../store/vault';
import { syntheticSignatureStrokes } from './signature-strokes';
import type { SeededRandom, SyntheticClinic } from './synthetic';

const DAY_MS = 86_400_000;

/**
 * The demo's clock: the clinic's history is written as if it happened over the past weeks (so cooling-off
 * periods can have ended), then the clock comes back to the present.
 */
export class DemoClock implements Clock {
  private offsetMs: number;
  constructor(daysAgo = 0) {
    this.offsetMs = -daysAgo * DAY_MS;
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  setDaysAgo(days: number): void {
    this.offsetMs = -days * DAY_MS;
  }
}

/** How far back the demo history starts; surgical cooling-off (14 days) ends well before `SIGNING_DAYS_AGO`. */
export const HISTORY_DAYS_AGO = 21;
const SIGNING_DAYS_AGO = 4;

async function must<C extends ChannelName>(router: Router, channel: C, input: In<C>): Promise<Out<C>> {
  const r = await router.call(channel, input);
  if (!r.ok) throw new DomainError(r.error.code, r.error.messageKey, r.error.params, r.error.issues);
  return r.value as Out<C>;
}

/** A before photo stand-in: a small skin-toned PNG, different per patient. */
export function demoPhotoBase64(rng: SeededRandom): string {
  const w = 48;
  const h = 48;
  const rgba = new Uint8Array(w * h * 4);
  const [r, g, b] = [rng.int(200, 235), rng.int(160, 195), rng.int(140, 175)];
  for (let i = 0; i < w * h; i++) {
    const shade = ((i % w) + Math.floor(i / w)) % 7;
    rgba.set([r - shade, g - shade, b - shade, 255], i * 4);
  }
  return encodePng(w, h, rgba).toString('base64');
}

/** A signature as a tablet pad would hand it over: timed strokes (pressure from a stylus half the time) and its picture. */
export function demoInk(rng: SeededRandom): SignatureInk {
  const pad = { width: 640, height: 220 };
  const strokes = syntheticSignatureStrokes(() => rng.next(), pad, rng.next() < 0.5);
  return { pad, strokes, pngBase64: strokesToPng(strokes, pad).toString('base64') };
}

const OVERRIDE_REASONS = ['病人近期需出國工作，已完成術前評估並充分說明', '病人已於前次門診完整諮詢並考慮多時，本次為重複說明', '婚禮日期已定，經醫師評估風險低並再次說明'];
const WITNESSES = ['陳美玲', '吳佩珊', '劉家豪'];
const FLAG_ASSESSMENT = '已親自面談評估，動機與期待合理，同意施作並安排術後加強追蹤';
const WITHDRAWAL_REASONS = ['家人反對，決定暫不進行', '考慮費用後決定延後', '想再與其他醫師討論'];

/**
 * Consents for the demo's disclosed consultations, through the same channels as the signing screen:
 * some fully signed after the cooling-off period, some with a physician's override, some withdrawn,
 * some waiting for the physician, some not yet issued. Without a DemoClock only the override path can
 * complete (cooling-off periods are still running), so every consent then goes through an override.
 */
export async function seedConsents(
  router: Router,
  clinic: SyntheticClinic,
  password: string,
  consultationIds: string[],
  rng: SeededRandom,
  clock: DemoClock | null,
): Promise<Record<string, number>> {
  const consultant = clinic.staff.find((s) => s.role === 'consultant')!;
  const counts: Record<string, number> = {};
  const count = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);
  const plans = consultationIds.map((id, i) => ({ id, plan: clock ? (['override', 'waiting', 'signed', 'withdrawn', 'patient_signed'] as const)[i % 5]! : ('override' as const) }));

  const signAll = async (consentId: string, physicianId: string, roles: readonly SignatureRole[], forms: readonly ConsentForm[], sha: string, physicianToo: boolean) => {
    for (const form of forms) {
      for (const role of roles.filter((r) => r !== 'physician')) {
        await must(router, 'consents.sign', { consentId, form, role, documentSha256: sha, ink: demoInk(rng), ...(role === 'witness' ? { signerName: rng.pick(WITNESSES) } : {}) });
      }
    }
    if (!physicianToo) return;
    // A flagged case (a body-image "yes", a contraindication) is assessed in writing before countersigning.
    const { consultationId } = await must(router, 'consents.get', { consentId });
    const open = (await must(router, 'riskFlags.forConsultation', { consultationId })).flags.filter((f) => f.needsAssessment && !f.assessment);
    if (open.length > 0) {
      await must(router, 'riskFlags.assess', { consultationId, physicianId, password, assessments: open.map((f) => ({ kind: f.kind, key: f.key, text: FLAG_ASSESSMENT })) });
    }
    for (const form of forms) {
      await must(router, 'consents.sign', { consentId, form, role: 'physician', documentSha256: sha, ink: demoInk(rng), physicianId, password });
    }
  };

  await must(router, 'session.signIn', { loginId: consultant.name, password });
  try {
    // While cooling-off periods run: overrides, then those consents are issued and signed at once.
    for (const { id, plan } of plans) {
      if (plan !== 'override') continue;
      const c = (await must(router, 'consultations.get', { consultationId: id })).consultation;
      await must(router, 'consents.overrideCoolingOff', { consultationId: id, reason: rng.pick(OVERRIDE_REASONS), physicianId: c.physicianId, password });
      const v = await must(router, 'consents.issue', { consultationId: id });
      await signAll(v.id, c.physicianId, v.roles, v.forms, v.documentSha256, true);
      count('consent_override_signed');
    }
  } finally {
    await router.call('session.signOut', {});
  }
  if (!clock) return counts;

  // Days later, after every cooling-off period: the rest are signed, half-signed or withdrawn.
  clock.setDaysAgo(SIGNING_DAYS_AGO);
  await must(router, 'session.signIn', { loginId: consultant.name, password });
  try {
    for (const { id, plan } of plans) {
      if (plan === 'override') continue;
      if (plan === 'waiting') {
        count('consent_not_issued');
        continue;
      }
      const c = (await must(router, 'consultations.get', { consultationId: id })).consultation;
      const v = await must(router, 'consents.issue', { consultationId: id });
      await signAll(v.id, c.physicianId, v.roles, v.forms, v.documentSha256, plan !== 'patient_signed');
      if (plan === 'withdrawn') {
        await must(router, 'consents.withdraw', { consentId: v.id, reason: rng.pick(WITHDRAWAL_REASONS), signerRole: 'patient', ink: demoInk(rng) });
      }
      count(`consent_${plan}`);
    }
  } finally {
    await router.call('session.signOut', {});
    clock.setDaysAgo(0);
  }
  return counts;
}
