import type { ReactNode } from 'react';

/** One column of a record table: its heading and what each record shows in it. */
export interface RecordColumn<R> {
  /** Names the column among the others (React's key). */
  id: string;
  header: ReactNode;
  cell: (row: R) => ReactNode;
  /** The cell's classes ('nowrap', 'mono small'). */
  className?: string;
  /** The cell's tooltip: the whole value behind a shortened one. */
  title?: (row: R) => string;
}

/** The buttons at the end of each row, under a heading read out to screen readers (and shown with `labelShown`). */
export interface RecordActions<R> {
  label: string;
  labelShown?: boolean;
  cell: (row: R) => ReactNode;
}

/**
 * A list of records as a table, the same on every screen: a heading per column, one row per record whose first
 * cell heads the row, and the row's buttons last. `empty` stands in place of the table when there are no records
 * (null: nothing); without it the table shows with no rows.
 */
export function RecordTable<R>({
  columns,
  rows,
  rowKey,
  rowTestId,
  rowClassName,
  onRowClick,
  actions,
  empty,
  className = 'table',
  label,
  labelledBy,
  testId,
}: {
  columns: readonly RecordColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  rowTestId?: string;
  rowClassName?: (row: R) => string | undefined;
  /** The whole row opens the record (its first cell should hold a button doing the same, for the keyboard). */
  onRowClick?: (row: R) => void;
  actions?: RecordActions<R>;
  empty?: ReactNode;
  /** The table's classes: 'table table--dense', 'table table--rows' … */
  className?: string;
  label?: string;
  labelledBy?: string;
  testId?: string;
}) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <div className="table-wrap">
      <table className={className} aria-label={label} aria-labelledby={labelledBy} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.id} scope="col">
                {c.header}
              </th>
            ))}
            {actions ? (
              <th scope="col" className="table__actions-head">
                {actions.labelShown ? actions.label : <span className="visually-hidden">{actions.label}</span>}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} data-testid={rowTestId} className={rowClassName?.(row)} onClick={onRowClick ? () => onRowClick(row) : undefined}>
              {columns.map((c, i) => {
                const Cell = i === 0 ? 'th' : 'td';
                return (
                  <Cell key={c.id} scope={i === 0 ? 'row' : undefined} className={c.className} title={c.title?.(row)}>
                    {c.cell(row)}
                  </Cell>
                );
              })}
              {actions ? <td className="table__actions">{actions.cell(row)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
