import type { Widen } from '../widen';
import { aftercareAuditEn, aftercareAuditZhTW } from './aftercare-audit';
import { aftercareComplaintsEn, aftercareComplaintsZhTW } from './aftercare-complaints';
import { aftercareScreensEn, aftercareScreensZhTW } from './aftercare-screens';
import { aftercareTermsEn, aftercareTermsZhTW } from './aftercare-terms';

/** Aftercare (issue 6): treatments, follow-up, complaints, privacy incidents, the clinic calendar, Home. zh-TW and en side by side. */
export const aftercareZhTW = { ...aftercareTermsZhTW, ...aftercareScreensZhTW, ...aftercareComplaintsZhTW } as const;
export const aftercareEn: Widen<typeof aftercareZhTW> = { ...aftercareTermsEn, ...aftercareScreensEn, ...aftercareComplaintsEn };

/** Spread into the locale's auditActions / auditSubjects. */
export const aftercareAuditActionsZhTW = aftercareAuditZhTW.actions;
export const aftercareAuditSubjectsZhTW = aftercareAuditZhTW.subjects;
export const aftercareAuditActionsEn = aftercareAuditEn.actions;
export const aftercareAuditSubjectsEn = aftercareAuditEn.subjects;
