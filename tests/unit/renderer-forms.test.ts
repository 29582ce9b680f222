import { describe, expect, it, vi } from 'vitest';
import type { ApiError } from '../../shared/errors';
import { applyServerError, confirmMatches, contractResolver } from '../../renderer/src/forms';

interface AddForm {
  name: string;
  role: 'admin' | 'physician' | 'consultant' | 'nurse';
  password: string;
  confirm: string;
}
const toInput = (v: AddForm) => ({ name: v.name, role: v.role, password: v.password });
const resolve = contractResolver<'staff.add', AddForm>('staff.add', toInput, ['name', 'role', 'password', 'confirm'], confirmMatches<AddForm>('password', 'confirm'));
const run = (v: AddForm) => resolve(v, undefined, { fields: {}, shouldUseNativeValidation: false });

describe('renderer form validation with the shared contract', () => {
  it('passes a valid form through unchanged', async () => {
    const v: AddForm = { name: '陳怡君', role: 'consultant', password: 'Consult-Pass-77', confirm: 'Consult-Pass-77' };
    expect(await run(v)).toEqual({ values: v, errors: {} });
  });

  it('puts the schema message keys beside their fields, and the confirmation check too', async () => {
    const r = await run({ name: '', role: 'consultant', password: 'short', confirm: 'other' });
    expect(r.errors).toMatchObject({
      name: { message: 'validation.required' },
      password: { message: 'validation.passwordTooShort' },
      confirm: { message: 'validation.passwordMismatch' },
    });
  });

  it('places server issues on fields and returns the rest as the form-level error', () => {
    const setError = vi.fn();
    const placed: ApiError = { code: 'conflict', messageKey: 'errors.nameTaken', issues: [{ path: ['name'], messageKey: 'errors.nameTaken' }] };
    expect(applyServerError<AddForm>(placed, ['name', 'password'], setError)).toBeNull();
    expect(setError).toHaveBeenCalledWith('name', { type: 'server', message: 'errors.nameTaken' }, { shouldFocus: true });

    const other: ApiError = { code: 'forbidden', messageKey: 'errors.forbidden' };
    expect(applyServerError<AddForm>(other, ['name'], setError)).toEqual(other);

    const wrong: ApiError = { code: 'invalid_credentials', messageKey: 'errors.invalid_credentials' };
    expect(applyServerError<AddForm>(wrong, ['name'], setError, { 'errors.invalid_credentials': 'errors.passwordIncorrect' })).toEqual({
      code: 'invalid_credentials',
      messageKey: 'errors.passwordIncorrect',
    });
  });
});
