import { randomUUID } from 'node:crypto';
import type { Out, Parsed } from '../../../shared/api';
import { COMMUNICATION_ATTACHMENT_MAX_BYTES } from '../../../shared/schemas/communication';
import { fail, failField } from '../../domain/errors';
import { sha256Hex } from '../../domain/hash';
import { notInFuture, nowIso } from '../clinic-time';
import type { ServiceContext } from '../context';
import { ImageFormatError, stripImageMetadata } from '../photos/image-metadata';
import { requirePatient } from '../patients/patients';

const ATTACHMENT_FIELD = ['attachment', 'dataBase64'];

export function listCommunications(ctx: ServiceContext, input: Parsed<'communications.list'>): Out<'communications.list'> {
  const patient = requirePatient(ctx, input.patientId);
  const entries = ctx.vault().communications.forPatient(patient.id);
  ctx.audit('communications.viewed', { type: 'patient', id: patient.id }, { count: entries.length });
  return entries;
}

/**
 * Checks that an attachment is what its type says. Images lose their metadata (a LINE screenshot or a photo
 * of a letter can carry GPS), the same rule as clinical photos.
 */
export function cleanAttachment(mime: string, raw: Buffer): Buffer {
  if (raw.length === 0 || raw.length > COMMUNICATION_ATTACHMENT_MAX_BYTES) failField('invalid_input', ATTACHMENT_FIELD, 'validation.attachmentTooLarge');
  if (mime === 'image/jpeg' || mime === 'image/png') {
    try {
      return stripImageMetadata(mime, raw);
    } catch (e) {
      if (e instanceof ImageFormatError) failField('invalid_input', ATTACHMENT_FIELD, 'validation.attachmentFormat');
      throw e;
    }
  }
  if (mime === 'application/pdf') {
    if (raw.subarray(0, 5).toString('latin1') !== '%PDF-') failField('invalid_input', ATTACHMENT_FIELD, 'validation.attachmentFormat');
    return raw;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    failField('invalid_input', ATTACHMENT_FIELD, 'validation.attachmentFormat');
  }
  return raw;
}

export function logCommunication(ctx: ServiceContext, input: Parsed<'communications.log'>): Out<'communications.log'> {
  const vault = ctx.vault();
  const patient = requirePatient(ctx, input.patientId);
  // A call that just ended is logged even from a phone or PC whose clock is a few minutes fast (see notInFuture).
  notInFuture(ctx, input.occurredAt, 'occurredAt');
  if (input.consultationId) {
    const consultation = vault.consultations.get(input.consultationId);
    if (!consultation || consultation.patientId !== patient.id) failField('invalid_input', 'consultationId', 'errors.consultationNotFound');
  }
  let attachment = null;
  if (input.attachment) {
    const bytes = cleanAttachment(input.attachment.mime, Buffer.from(input.attachment.dataBase64, 'base64'));
    attachment = {
      fileName: input.attachment.fileName,
      mime: input.attachment.mime,
      bytes,
      sha256: sha256Hex(bytes),
    };
  }
  const id = randomUUID();
  vault.communications.insert({
    id,
    patientId: patient.id,
    consultationId: input.consultationId ?? null,
    channel: input.channel,
    direction: input.direction,
    occurredAt: input.occurredAt,
    summary: input.summary,
    attachment,
    staffId: ctx.session().staff.id,
    createdAt: nowIso(ctx),
  });
  ctx.audit(
    'communication.logged',
    { type: 'communication', id },
    { patientId: patient.id, channel: input.channel, direction: input.direction, occurredAt: input.occurredAt, attachmentSha256: attachment?.sha256 ?? null },
  );
  return vault.communications.get(id)!;
}

/** The original stays as it was; the correction is appended, signed by whoever wrote it. */
export function correctCommunication(ctx: ServiceContext, input: Parsed<'communications.correct'>): Out<'communications.correct'> {
  const vault = ctx.vault();
  const entry = vault.communications.get(input.communicationId) ?? fail('not_found', 'errors.communicationNotFound');
  const id = randomUUID();
  vault.communications.addCorrection(id, entry.id, input.text, ctx.session().staff.id, ctx.clock.now().toISOString());
  ctx.audit('communication.corrected', { type: 'communication', id: entry.id }, { patientId: entry.patientId, correctionId: id });
  return vault.communications.get(entry.id)!;
}

export function communicationAttachment(ctx: ServiceContext, input: Parsed<'communications.attachment'>): Out<'communications.attachment'> {
  const vault = ctx.vault();
  const entry = vault.communications.get(input.communicationId) ?? fail('not_found', 'errors.communicationNotFound');
  if (!entry.attachment) fail('not_found', 'errors.attachmentNotFound');
  ctx.audit('communication.attachment_viewed', { type: 'communication', id: entry.id }, { patientId: entry.patientId, sha256: entry.attachment.sha256 });
  return {
    fileName: entry.attachment.fileName,
    mime: entry.attachment.mime,
    dataBase64: vault.communications.attachmentBytes(entry.attachment.sha256).toString('base64'),
  };
}
