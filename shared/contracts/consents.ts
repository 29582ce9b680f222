import { z } from 'zod';
import { Ack, Id } from '../schemas/common';
import {
    Checklist,
    ConsentSummary,
    ConsentVerification,
    ConsentView,
    CoolingOffOverride,
    OverrideInput,
    PdfBytes,
    PrintKind,
    SignInput,
    WithdrawInput,
} from '../schemas/consent';
import { AdoptedSignature, AdoptSignatureInput, ApplySignatureInput } from '../schemas/signature-adoption';
import { ALL_STAFF, type Channel, CONSULTING } from './channel';

/** The consents channels: what each takes, returns and who may call it. */
export const consentsChannels = {
  /** Issues the consent document from the disclosed consultation: rendered once, stored with its SHA-256. */
  'consents.issue': { input: z.object({ consultationId: Id }).strict(), output: ConsentView, access: CONSULTING },
  'consents.get': { input: z.object({ consentId: Id }).strict(), output: ConsentView, access: ALL_STAFF },
  'consents.forConsultation': { input: z.object({ consultationId: Id }).strict(), output: ConsentView.nullable(), access: ALL_STAFF },
  /** The issued PDF's bytes exactly as stored (what is shown is what is signed). */
  'consents.document': { input: z.object({ consentId: Id }).strict(), output: PdfBytes, access: ALL_STAFF },
  'consents.checklist': { input: z.object({ consentId: Id }).strict(), output: Checklist, access: ALL_STAFF },
  'consents.sign': { input: SignInput, output: ConsentView, access: CONSULTING },
  /** A signer's signature drawn once in this signing session (the guardian's identity document with it). */
  'consents.adoptSignature': { input: AdoptSignatureInput, output: AdoptedSignature, access: CONSULTING },
  /** One explicit tap: the adopted signature applied to one box, recorded as its own signature. */
  'consents.applySignature': { input: ApplySignatureInput, output: ConsentView, access: CONSULTING },
  'consents.overrideCoolingOff': { input: OverrideInput, output: CoolingOffOverride, access: CONSULTING },
  /** Issued document + signature certificate; only once fully signed. */
  'consents.finalDocument': { input: z.object({ consentId: Id }).strict(), output: PdfBytes, access: ALL_STAFF },
  /** The patient's copy: the signed pages with the signatures in their boxes and a plain summary, no audit detail. */
  'consents.patientCopy': { input: z.object({ consentId: Id }).strict(), output: PdfBytes, access: ALL_STAFF },
  'consents.recordPrint': { input: z.object({ consentId: Id, kind: PrintKind }).strict(), output: Ack, access: ALL_STAFF },
  'consents.withdraw': { input: WithdrawInput, output: ConsentView, access: CONSULTING },
  'consents.list': {
    input: z.object({ chartNo: z.string().max(20).trim().optional(), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.array(ConsentSummary),
    access: ALL_STAFF,
  },
  /** Recomputes the stored hashes and the signatures' bindings (the CLI's `consent verify`). */
  'consents.verify': { input: z.object({ consentId: Id }).strict(), output: ConsentVerification, access: ALL_STAFF },
} as const satisfies Record<string, Channel>;
