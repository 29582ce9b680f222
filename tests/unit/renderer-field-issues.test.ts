import { describe, expect, it, vi } from 'vitest';
import { firstIssueByField, setIssuesOnFields } from '../../renderer/src/fieldIssues';
import { newPasswordChecks } from '../../renderer/src/forms';

const topLevel = (shown: readonly string[]) => (path: readonly (string | number)[]) => (shown.includes(String(path[0])) ? String(path[0]) : null);

describe('turning issues into field errors (every renderer form)', () => {
  it('keeps the first message for each field, in the order the issues came, and gathers the rest under root', () => {
    const byField = firstIssueByField(
      [
        { path: ['name'], messageKey: 'validation.specific' },
        { path: ['name'], messageKey: 'validation.required' },
        { path: ['hidden'], messageKey: 'validation.tooLong' },
        { path: ['other'], messageKey: 'validation.later' },
        { path: ['role'], messageKey: 'validation.invalidChoice' },
      ],
      topLevel(['name', 'role']),
    );
    expect([...byField]).toEqual([
      ['name', 'validation.specific'],
      ['root', 'validation.tooLong'],
      ['role', 'validation.invalidChoice'],
    ]);
  });

  it('places server issues beside their fields, focusing only the first, with the form’s own wording', () => {
    const setError = vi.fn();
    const needsFormMessage = setIssuesOnFields(
      [
        { path: ['password'], messageKey: 'errors.invalid_credentials' },
        { path: ['name'], messageKey: 'errors.nameTaken' },
      ],
      topLevel(['name', 'password']),
      setError,
      (key) => (key === 'errors.invalid_credentials' ? 'errors.passwordIncorrect' : key),
    );
    expect(needsFormMessage).toBe(false);
    expect(setError.mock.calls).toEqual([
      ['password', { type: 'server', message: 'errors.passwordIncorrect' }, { shouldFocus: true }],
      ['name', { type: 'server', message: 'errors.nameTaken' }, { shouldFocus: false }],
    ]);
  });

  it('still asks for the form-level message when an issue has no field, or when there are no issues at all', () => {
    const setError = vi.fn();
    expect(setIssuesOnFields([{ path: ['name'], messageKey: 'a' }, { path: ['secret'], messageKey: 'b' }], topLevel(['name']), setError)).toBe(true);
    expect(setError).toHaveBeenCalledTimes(1);
    expect(setIssuesOnFields([], topLevel(['name']), vi.fn())).toBe(true);
  });
});

describe('new password form checks', () => {
  interface Form {
    newPassword: string;
    confirm: string;
    loginId: string;
  }
  const checks = newPasswordChecks<Form>('newPassword', 'confirm', (v) => ['陳怡君', v.loginId]);

  it('asks for the confirmation, then for it to match', () => {
    expect(checks({ newPassword: 'Strong-Pass-2026', confirm: '', loginId: 'reception' })).toEqual([{ path: ['confirm'], messageKey: 'validation.required' }]);
    expect(checks({ newPassword: 'Strong-Pass-2026', confirm: 'Strong-Pass-2025', loginId: 'reception' })).toEqual([
      { path: ['confirm'], messageKey: 'validation.passwordMismatch' },
    ]);
    expect(checks({ newPassword: 'Strong-Pass-2026', confirm: 'Strong-Pass-2026', loginId: 'reception' })).toEqual([]);
  });

  it('refuses a password containing any of the owner’s names, after the confirmation check', () => {
    const pw = 'Reception-Desk-77';
    expect(checks({ newPassword: pw, confirm: 'x', loginId: 'reception' })).toEqual([
      { path: ['confirm'], messageKey: 'validation.passwordMismatch' },
      { path: ['newPassword'], messageKey: 'validation.passwordContainsName' },
    ]);
    expect(checks({ newPassword: pw, confirm: pw, loginId: 'nurse01' })).toEqual([]);
  });
});
