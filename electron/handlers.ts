import type { ChannelName, Out, Parsed } from '../shared/api';
import * as audit from './services/audit';
import * as backups from './services/backups';
import { aftercareHandlers } from './services/aftercare/handlers';
import { retentionHandlers } from './services/retention/handlers';
import { safetyHandlers } from './services/safety-handlers';
import * as catalogue from './services/catalogue';
import * as communications from './services/communications';
import * as consultations from './services/consultations';
import * as consents from './services/consents';
import * as consentVerify from './services/consent-verify';
import * as evidence from './services/evidence';
import { intakeHandlers } from './services/intake';
import * as jobs from './services/jobs';
import type { ServiceContext } from './services/context';
import * as patients from './services/patients';
import * as session from './services/session';
import * as settings from './services/settings';
import * as setup from './services/setup';
import * as staff from './services/staff';
import { suggestChartNo } from './services/chart-numbers';

export type Handler<C extends ChannelName> = (ctx: ServiceContext, input: Parsed<C>) => Out<C> | Promise<Out<C>>;
/** Exactly the contract's channels: a channel without a handler fails the type check. */
export type Handlers = { [C in ChannelName]: Handler<C> };

export const handlers: Handlers = {
  'app.status': (ctx) => setup.appStatus(ctx),
  'setup.chooseVaultFolder': (ctx) => setup.chooseVaultFolder(ctx),
  'setup.createVault': setup.createVault,
  'setup.clearAbandoned': setup.clearAbandoned,
  'setup.restoreBackup': backups.restoreFromBackup,
  'session.signIn': session.signIn,
  'session.recover': session.recover,
  'session.signOut': (ctx) => session.signOut(ctx),
  'session.heartbeat': (ctx) => session.heartbeat(ctx),
  'session.lock': session.lock,
  'session.unlock': session.unlock,
  'account.changePassword': session.changePassword,
  'staff.list': staff.listStaff,
  'staff.physicians': (ctx) => staff.listPhysicians(ctx),
  'staff.add': staff.addStaff,
  'staff.deactivate': staff.deactivateStaff,
  'staff.reactivate': staff.reactivateStaff,
  'staff.resetPassword': staff.resetStaffPassword,
  'staff.update': staff.updateStaffProfile,
  'staff.history': staff.staffHistory,
  'settings.get': (ctx) => settings.getSettings(ctx),
  'settings.update': settings.updateSettings,
  'audit.verify': (ctx) => audit.verifyAudit(ctx),
  'vault.info': (ctx) => audit.vaultInfo(ctx),
  'audit.recent': audit.recentAudit,
  'audit.findTypedText': audit.findTypedText,
  'patients.search': patients.searchPatients,
  'patients.get': patients.getPatient,
  'patients.create': patients.createPatient,
  'patients.nextChartNo': (ctx) => suggestChartNo(ctx),
  'patients.update': patients.updatePatient,
  'procedures.list': catalogue.listProcedures,
  'procedures.save': catalogue.saveProcedure,
  'templates.current': catalogue.currentTemplate,
  'templates.get': catalogue.getTemplate,
  'templates.versions': catalogue.templateVersions,
  'templates.saveDraft': catalogue.saveTemplateDraft,
  'templates.publish': catalogue.publishTemplate,
  'consultations.start': consultations.startConsultation,
  'consultations.get': consultations.getConsultation,
  'consultations.saveScreening': consultations.saveScreening,
  'consultations.saveGoals': consultations.saveGoals,
  'consultations.addPhoto': consultations.addPhoto,
  'consultations.acknowledgeRisk': consultations.acknowledgeRisk,
  'consultations.recordReading': consultations.recordReadingTime,
  'consultations.saveAlternatives': consultations.saveAlternatives,
  'consultations.saveQuote': consultations.saveQuote,
  'consultations.acknowledgeQuote': consultations.acknowledgeQuote,
  'consultations.answerComprehension': consultations.answerComprehension,
  'consultations.disclose': consultations.disclose,
  'photos.get': consultations.getPhoto,
  'photos.withdrawMarketing': consultations.withdrawPhotoMarketing,
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
  'consents.list': consentVerify.listConsents,
  'consents.verify': consentVerify.verifyConsent,
  'communications.list': communications.listCommunications,
  'communications.log': communications.logCommunication,
  'communications.correct': communications.correctCommunication,
  'communications.attachment': communications.communicationAttachment,
  'evidence.preview': evidence.previewExport,
  'evidence.startExport': evidence.startExport,
  'evidence.progress': evidence.exportProgress,
  'evidence.cancel': evidence.cancelExport,
  'evidence.startVerify': evidence.startVerify,
  'jobs.status': jobs.jobStatus,
  'jobs.cancel': jobs.cancelJob,
  'evidence.hostInfo': (ctx) => evidence.hostFileInfo(ctx),
  'evidence.chooseDestination': evidence.chooseDestination,
  'evidence.choosePack': (ctx) => evidence.choosePack(ctx),
  ...aftercareHandlers,
  ...intakeHandlers,
  'backups.overview': (ctx) => backups.backupOverview(ctx),
  'backups.updateSettings': backups.updateBackupSettings,
  'backups.start': (ctx, input) => backups.startBackup(ctx, input),
  'backups.chooseFolder': (ctx) => backups.chooseBackupFolder(ctx),
  ...retentionHandlers,
  ...safetyHandlers,
};
