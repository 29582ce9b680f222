import type { ReactNode } from 'react';

/**
 * One card of Settings › Seats: a section named by its heading, with what stands beside the heading (the server's
 * state, a button) when there is something; `name` makes the heading's id, `seats-<name>-title`.
 */
export function SeatsCard({ name, testId, title, aside, children }: { name: string; testId: string; title: ReactNode; aside?: ReactNode; children: ReactNode }) {
  const titleId = `seats-${name}-title`;
  const heading = (
    <h2 id={titleId} className="card__title">
      {title}
    </h2>
  );
  return (
    <section className="card card--panel" aria-labelledby={titleId} data-testid={testId}>
      {aside === undefined ? (
        heading
      ) : (
        <div className="seats__card-head">
          {heading}
          {aside}
        </div>
      )}
      {children}
    </section>
  );
}
