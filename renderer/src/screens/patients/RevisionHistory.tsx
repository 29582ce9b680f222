import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PatientRevision } from '../../../../shared/schemas/patient';
import { translateKey } from '../../i18n';
import { formatDateTime } from '../../clinicTime';
import { fieldLabel, formatRevisionValue } from './revisionFormat';

const exists = (key: string) => i18next.exists(key);

/** Every saved edit of the record: who, when, and each field from → to (newest first). */
export function RevisionHistory({ revisions, timeZone }: { revisions: PatientRevision[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="history">
      <p className="muted">{t('patients.history.intro')}</p>
      {revisions.length === 0 ? <p className="empty">{t('patients.history.none')}</p> : null}
      <ol className="history__list">
        {revisions.map((r) => (
          <li key={r.version} className="history__entry card" data-testid="revision">
            <div className="history__head">
              <span className="badge">{t('patients.history.entry', { version: r.version })}</span>
              <span className="history__who">
                {t('patients.history.who', { name: r.changedByName, time: formatDateTime(r.changedAt, timeZone, i18n.language) })}
              </span>
            </div>
            <table className="table table--dense history__table">
              <thead>
                <tr>
                  <th scope="col">{t('patients.history.field')}</th>
                  <th scope="col">{t('patients.history.from')}</th>
                  <th scope="col">{t('patients.history.to')}</th>
                </tr>
              </thead>
              <tbody>
                {r.changes.map((c) => (
                  <tr key={c.field}>
                    <th scope="row" className="nowrap">
                      {fieldLabel(c.field, translateKey, exists)}
                    </th>
                    <td className="history__from">{formatRevisionValue(c.field, c.from, translateKey, i18n.language)}</td>
                    <td className="history__to">{formatRevisionValue(c.field, c.to, translateKey, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ol>
    </div>
  );
}
