import type { Out, Parsed } from '../../../shared/api';
import type { Session } from '../../sessions/registry';
import { fail, failField } from '../../domain/errors';
import type { ServiceContext } from '../context';
import { patientSideComplete } from '../consents/rules';
import { requireConsent } from '../consents/view';

const subject = (consentId: string) => ({ type: 'consent', id: consentId }) as const;

/** The tablet's sessions: each acts for the staff member who sent it a consent, for that consent only. */
function tabletSessions(ctx: ServiceContext): Session[] {
  return ctx.app.sessions.all().filter((s) => s.scope);
}

function patientSideDone(ctx: ServiceContext, consentId: string): boolean {
  const consent = ctx.vault().consents.get(consentId);
  if (!consent || consent.status !== 'issued') return true;
  const signed = ctx.vault().consents.signatures(consentId);
  return patientSideComplete(consent.forms, consent.roles, signed);
}

/**
 * The tablet asks what it was sent. With a consent waiting, it takes up the session made for it (and only that
 * one consent's view, document and patient-side signatures answer it); when the patient's side is signed, or the
 * consultant took it back, it goes back to the neutral screen.
 */
export function assignment(ctx: ServiceContext): Out<'tablet.assignment'> {
  const { app, caller } = ctx;
  const now = ctx.clock.now();
  app.tablets.saw(caller.seat, now);
  const session = tabletSessions(ctx).find((s) => s.seat.deviceId === caller.seat.deviceId) ?? null;
  if (!session?.scope) {
    caller.sessionId = null;
    return null;
  }
  if (patientSideDone(ctx, session.scope.consentId)) {
    app.sessions.end(session.id);
    caller.sessionId = null;
    ctx.audit('consent.tablet_finished', subject(session.scope.consentId), { deviceId: caller.seat.deviceId, seatName: caller.seat.name });
    return null;
  }
  caller.sessionId = session.id;
  app.sessions.touch(session.id, now);
  return { consentId: session.scope.consentId, sentByName: session.staff.name, sentAt: session.signedInAt.toISOString() };
}

export function online(ctx: ServiceContext): Out<'tablet.online'> {
  const sessions = tabletSessions(ctx);
  return ctx.app.tablets.online(ctx.clock.now()).map((t) => ({
    deviceId: t.seat.deviceId,
    name: t.seat.name,
    busyWithConsentId: sessions.find((s) => s.seat.deviceId === t.seat.deviceId)?.scope?.consentId ?? null,
    lastSeenAt: t.at.toISOString(),
  }));
}

/** Sends a consent to a switched-on tablet: whatever it showed before is taken back first. */
export function send(ctx: ServiceContext, input: Parsed<'tablet.send'>): Out<'tablet.send'> {
  const consent = requireConsent(ctx, input.consentId);
  if (consent.status !== 'issued' || patientSideDone(ctx, consent.id)) fail('rule_violation', 'tablet.errors.nothingToSign');
  const tablet = ctx.app.tablets.online(ctx.clock.now()).find((t) => t.seat.deviceId === input.deviceId);
  if (!tablet) failField('not_found', 'deviceId', 'tablet.errors.tabletOffline');
  const sender = ctx.session();
  for (const s of tabletSessions(ctx)) {
    if (s.seat.deviceId === input.deviceId || s.scope?.consentId === consent.id) {
      ctx.app.sessions.end(s.id);
      ctx.audit('consent.taken_back_from_tablet', subject(s.scope!.consentId), { deviceId: s.seat.deviceId, seatName: s.seat.name, reason: 'replaced' });
    }
  }
  ctx.app.sessions.open(tablet.seat, sender.staff, ctx.clock.now(), { consentId: consent.id, sentBySessionId: sender.id });
  ctx.audit('consent.sent_to_tablet', subject(consent.id), { patientId: consent.patientId, deviceId: tablet.seat.deviceId, seatName: tablet.seat.name });
  return { ok: true };
}

export function takeBack(ctx: ServiceContext, input: Parsed<'tablet.takeBack'>): Out<'tablet.takeBack'> {
  const consent = requireConsent(ctx, input.consentId);
  const held = tabletSessions(ctx).filter((s) => s.scope?.consentId === consent.id);
  if (held.length === 0) fail('not_found', 'tablet.errors.notOnTablet');
  for (const s of held) {
    ctx.app.sessions.end(s.id);
    ctx.audit('consent.taken_back_from_tablet', subject(consent.id), { deviceId: s.seat.deviceId, seatName: s.seat.name, reason: 'taken_back' });
  }
  return { ok: true };
}
