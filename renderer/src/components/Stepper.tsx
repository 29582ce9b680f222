import type { ReactNode } from 'react';

export interface StepperItem<Id extends string> {
  id: Id;
  label: ReactNode;
  /** 'done' shows a tick; 'attention' marks a step to revisit; 'optional' a step that need not be done. */
  state: 'done' | 'todo' | 'optional' | 'attention';
  /** Read by screen readers after the label, e.g. "done" / "not done". */
  stateLabel: string;
}

/**
 * A numbered row of equal-width steps that can be opened in any order (a guided flow that may be paused and
 * resumed); long labels wrap under their number.
 * The current step has aria-current="step".
 */
export function Stepper<Id extends string>({
  items,
  current,
  onSelect,
  label,
  testId,
  className,
}: {
  items: readonly StepperItem<Id>[];
  current: Id;
  onSelect: (id: Id) => void;
  label: string;
  testId?: string;
  className?: string;
}) {
  return (
    <nav aria-label={label} data-testid={testId} className={className}>
      <ol className="stepper">
        {items.map((item, i) => (
          <li key={item.id} className={`stepper__item stepper__item--${item.state}`}>
            <button
              type="button"
              className="stepper__button"
              aria-current={item.id === current ? 'step' : undefined}
              onClick={() => onSelect(item.id)}
              data-step={item.id}
              data-state={item.state}
            >
              <span className="stepper__num" aria-hidden="true">
                {item.state === 'done' ? '✓' : item.state === 'attention' ? '!' : i + 1}
              </span>
              <span className="stepper__label">{item.label}</span>
              <span className="visually-hidden"> ({item.stateLabel})</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
