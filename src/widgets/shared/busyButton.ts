/**
 * Buttons that stay focusable while they cannot act (issue #23, WCAG 2.4.3). A `disabled` button
 * drops keyboard focus to <body> the moment it is disabled — at every run, since the pressed button
 * is busy while the run lasts — and screen readers lose their place. These props say the same with
 * `aria-disabled="true"` (styled as disabled by src/css/custom.css) and ignore the activation, so
 * focus stays where the reader acted and they hear the result from there.
 */
import type { FormEvent, MouseEvent } from 'react';

export type InactiveButtonProps = {
  'aria-disabled'?: true;
  onClick: (event: MouseEvent<HTMLButtonElement>) => void;
};

/** Props for a button that does `action` unless `unavailable` (busy, or nothing to act on). */
export function inactiveWhen(unavailable: boolean, action?: () => void): InactiveButtonProps {
  return {
    'aria-disabled': unavailable ? true : undefined,
    onClick: (event) => {
      if (unavailable) {
        // A submit button must not submit its form either.
        event.preventDefault();
        return;
      }
      action?.();
    },
  };
}

/** A form's submit handler that does nothing while `unavailable` (Enter in a field submits too). */
export function submitUnless(unavailable: boolean, action: () => void) {
  return (event: FormEvent) => {
    event.preventDefault();
    if (!unavailable) action();
  };
}
