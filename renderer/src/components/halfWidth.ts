import type { ChangeHandler } from 'react-hook-form';
import { toHalfWidth } from '../../../shared/fullwidth';

type Target = { value: string };
const fix = (event: { target: Target; nativeEvent?: Event & { isComposing?: boolean } }): void => {
  // Never rewrite the box in the middle of an IME composition (that would break the candidate window).
  if (event.nativeEvent?.isComposing) return;
  const half = toHalfWidth(event.target.value);
  if (half !== event.target.value) event.target.value = half;
};

/**
 * A registered number, ID or phone field that shows and keeps half-width characters: ０９１２ becomes 0912 as it is
 * typed (outside a composition) and at the latest when the field is left. The contract normalises too.
 */
export function halfWidthInput<R extends { onChange: ChangeHandler; onBlur: ChangeHandler }>(registration: R): R {
  return {
    ...registration,
    onChange: (event: { target: Target; type?: unknown; nativeEvent?: Event & { isComposing?: boolean } }) => {
      fix(event);
      return registration.onChange(event);
    },
    onBlur: (event: { target: Target; type?: unknown }) => {
      fix(event);
      return registration.onBlur(event);
    },
  };
}
