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

/** A picked file as base64 (what the channel carries). */
export function readFileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves bytes through the browser's download (in Electron: the save dialog). */
export function saveBytes(bytes: Uint8Array<ArrayBuffer>, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the download a moment to take the blob before it is released.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
