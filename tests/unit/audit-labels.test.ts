import { describe, expect, it } from 'vitest';
import { messages } from '../../shared/i18n';
import { AUDIT_ACTIONS, AUDIT_SUBJECT_TYPES } from '../../shared/schemas/audit-actions';

/**
 * Services can only audit an action or a subject type named in shared/schemas/audit-actions.ts (the type check
 * refuses any other string), so checking the two lists covers every event the app writes.
 */
describe('the audit trail speaks both languages', () => {
  it('lists each action and subject type once', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(new Set(AUDIT_SUBJECT_TYPES).size).toBe(AUDIT_SUBJECT_TYPES.length);
    expect(AUDIT_ACTIONS).toContain('patient.viewed');
    expect(AUDIT_ACTIONS).toContain('vault.created');
  });

  for (const locale of ['zh-TW', 'en'] as const) {
    it(`labels every audited action and subject in ${locale}`, () => {
      const labels = messages[locale].auditActions as Record<string, string>;
      const subjectLabels = messages[locale].auditSubjects as Record<string, string>;
      expect(AUDIT_ACTIONS.filter((a) => !labels[a.replace(/\./g, '_')])).toEqual([]);
      expect(AUDIT_SUBJECT_TYPES.filter((s) => !subjectLabels[s])).toEqual([]);
    });
  }
});
