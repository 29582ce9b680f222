import { z } from 'zod';
import { Id } from '../schemas/common';
import { Communication, NewCommunication, NewCorrection } from '../schemas/communication';
import { ALL_STAFF, type Channel } from './channel';

/** The communications channels: what each takes, returns and who may call it. */
export const communicationsChannels = {
  'communications.list': { input: z.object({ patientId: Id }).strict(), output: z.array(Communication), access: ALL_STAFF },
  'communications.log': { input: NewCommunication, output: Communication, access: ALL_STAFF },
  'communications.correct': { input: NewCorrection, output: Communication, access: ALL_STAFF },
  'communications.attachment': {
    input: z.object({ communicationId: Id }).strict(),
    output: z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }).strict(),
    access: ALL_STAFF,
  },
} as const satisfies Record<string, Channel>;
