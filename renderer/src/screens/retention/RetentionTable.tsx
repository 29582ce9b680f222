import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type RetentionColumn = 'select' | 'chartNo' | 'name' | 'lastEntry' | 'retentionDate' | 'proposedBy' | 'holds';

/** A table of patients on the retention screen: the named columns, and an untitled last one for row buttons. */
export function RetentionTable({ columns, buttonColumn = false, children }: { columns: readonly RetentionColumn[]; buttonColumn?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table table--rows">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {t(`retention.columns.${c}`)}
              </th>
            ))}
            {buttonColumn ? <th scope="col" /> : null}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
