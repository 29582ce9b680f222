import { z } from 'zod';
import { Id, IsoTime, text } from './common';

/** How the clinic and the patient talked. LINE is Taiwan's everyday messaging app. */
export const CommunicationChannel = z.enum(['phone', 'line', 'email', 'sms', 'in_person']);
export type CommunicationChannel = z.infer<typeof CommunicationChannel>;

/** Who started the exchange: the patient (inbound) or the clinic (outbound). */
export const CommunicationDirection = z.enum(['inbound', 'outbound']);
export type CommunicationDirection = z.infer<typeof CommunicationDirection>;

export const COMMUNICATION_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const CommunicationAttachmentMime = z.enum(['image/jpeg', 'image/png', 'application/pdf', 'text/plain']);

const requiredText = (max: number) => text(max).refine((s) => s.length > 0, { error: 'validation.required' });

export const NewCommunication = z
  .object({
    patientId: Id,
    /** Optional link to the consultation the exchange was about. */
    consultationId: Id.optional(),
    channel: CommunicationChannel,
    direction: CommunicationDirection,
    /** When the exchange happened (not when it was typed in); never in the future. */
    occurredAt: IsoTime,
    summary: requiredText(4000),
    attachment: z
      .object({
        fileName: requiredText(200).refine((s) => !/[\\/\r\n]/.test(s), { error: 'validation.invalidValue' }),
        mime: CommunicationAttachmentMime,
        dataBase64: z
          .base64()
          .max(Math.ceil((COMMUNICATION_ATTACHMENT_MAX_BYTES * 4) / 3) + 4, { error: 'validation.attachmentTooLarge' }),
      })
      .strict()
      .optional(),
  })
  .strict();
export type NewCommunication = z.infer<typeof NewCommunication>;

export const CommunicationCorrection = z
  .object({ id: Id, text: z.string(), staffName: z.string(), createdAt: IsoTime })
  .strict();

export const Communication = z
  .object({
    id: Id,
    patientId: Id,
    consultationId: Id.nullable(),
    channel: CommunicationChannel,
    direction: CommunicationDirection,
    occurredAt: IsoTime,
    summary: z.string(),
    staffId: Id,
    staffName: z.string(),
    createdAt: IsoTime,
    attachment: z
      .object({ fileName: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string() })
      .strict()
      .nullable(),
    /** Saved entries are never edited; a correction is appended beside the original. */
    corrections: z.array(CommunicationCorrection),
  })
  .strict();
export type Communication = z.infer<typeof Communication>;

export const NewCorrection = z.object({ communicationId: Id, text: requiredText(2000) }).strict();
