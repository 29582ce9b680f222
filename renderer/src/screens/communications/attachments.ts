import { COMMUNICATION_ATTACHMENT_MAX_BYTES, CommunicationAttachmentMime } from '../../../../shared/schemas/communication';
import type { z } from 'zod';

export type AttachmentMime = z.infer<typeof CommunicationAttachmentMime>;

export interface PickedAttachment {
  fileName: string;
  mime: AttachmentMime;
  dataBase64: string;
  size: number;
}

const BY_EXTENSION: Record<string, AttachmentMime> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
  txt: 'text/plain',
};

/** The accepted type of a picked file: its own type when given, else by extension (some systems give none for .txt). */
export function attachmentMime(file: { name: string; type: string }): AttachmentMime | null {
  const own = CommunicationAttachmentMime.safeParse(file.type);
  if (own.success) return own.data;
  if (file.type) return null;
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  return BY_EXTENSION[ext] ?? null;
}

/** Why a file cannot be attached (a locale key), or null when it can. */
export function attachmentProblem(file: { name: string; type: string; size: number }): string | null {
  if (!attachmentMime(file)) return 'communications.fileType';
  if (file.size === 0) return 'communications.fileUnreadable';
  if (file.size > COMMUNICATION_ATTACHMENT_MAX_BYTES) return 'communications.fileTooLarge';
  return null;
}

/** The name as stored: only the base name, no path separators or line breaks (the contract refuses them). */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/[\r\n]/g, ' ').trim().slice(0, 200) || 'attachment';
}
