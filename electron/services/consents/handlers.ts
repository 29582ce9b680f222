import type { consentsChannels } from '../../../shared/contracts/consents';
import type { HandlersFor } from '../handler';
import * as consents from './consents';
import * as consentVerify from './verify';

/** The consents channels' handlers; spread into the one handler map, which checks it is complete. */
export const consentsHandlers: HandlersFor<typeof consentsChannels> = {
  'consents.issue': consents.issueConsent,
  'consents.get': consents.getConsent,
  'consents.forConsultation': consents.consentForConsultation,
  'consents.document': consents.consentDocument,
  'consents.checklist': consents.consentChecklist,
  'consents.sign': consents.signConsent,
  'consents.adoptSignature': consents.adoptSignature,
  'consents.applySignature': consents.applySignature,
  'consents.patientCopy': consents.patientCopy,
  'consents.overrideCoolingOff': consents.overrideCoolingOff,
  'consents.finalDocument': consents.finalDocument,
  'consents.recordPrint': consents.recordPrint,
  'consents.withdraw': consents.withdrawConsent,
  'consents.list': consents.listConsents,
  'consents.verify': consentVerify.verifyConsent,
};
