import type { In } from '../../../../shared/api';
import type { FieldIssue } from '../../../../shared/errors';
import type { CommunicationChannel, CommunicationDirection } from '../../../../shared/schemas/communication';
import { wallTimeToIso } from '../../clinicTime';
import type { Rename } from '../patients/nestedForm';
import type { PickedAttachment } from './attachments';

export interface LogForm {
  channel: CommunicationChannel;
  direction: CommunicationDirection;
  /** As typed in the clinic's time zone (datetime-local). */
  occurredAt: string;
  summary: string;
  /** '' for none. */
  consultationId: string;
  /** The picked file's name; problems with the attachment are shown beside it. */
  attachmentName: string;
}

/** The main process accepts a clock a few minutes fast; the form says "not later than now" with the same slack. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export function toLogInput(v: LogForm, patientId: string, timeZone: string, attachment: PickedAttachment | null): In<'communications.log'> {
  return {
    patientId,
    consultationId: v.consultationId || undefined,
    channel: v.channel,
    direction: v.direction,
    // A malformed time stays as typed so the schema reports it.
    occurredAt: wallTimeToIso(v.occurredAt, timeZone) ?? v.occurredAt,
    summary: v.summary,
    attachment: attachment ? { fileName: attachment.fileName, mime: attachment.mime, dataBase64: attachment.dataBase64 } : undefined,
  };
}

export function logFormChecks(timeZone: string, now: () => number = Date.now) {
  return (v: LogForm): FieldIssue[] => {
    const iso = wallTimeToIso(v.occurredAt, timeZone);
    if (!iso) return [{ path: ['occurredAt'], messageKey: 'validation.required' }];
    if (new Date(iso).getTime() > now() + FUTURE_TOLERANCE_MS) return [{ path: ['occurredAt'], messageKey: 'communications.futureTime' }];
    return [];
  };
}

/** Issues about the attachment (its data or name) are shown beside the file picker. */
export const logRename: Rename = (path) => (path[0] === 'attachment' ? ['attachmentName'] : path);
