import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientDetail } from '../../../../shared/schemas/patient';
import { translateKey } from '../../i18n';
import { formatDate, formatDateTime } from '../../clinicTime';
import { procedureNameIn } from '../../procedureName';

/** A consultation status in words (an unknown future status shows its code rather than nothing). */
export function statusLabel(status: string): string {
  const key = `patients.consultations.statuses.${status}`;
  return i18next.exists(key) ? translateKey(key) : status;
}

/** Colour by where the consultation stands: still being explained, waiting, signed, done, withdrawn. */
function statusTone(status: string): string {
  switch (status) {
    case 'draft':
      return 'badge--progress';
    case 'disclosed':
    case 'patient_signed':
      return 'badge--waiting';
    case 'fully_signed':
    case 'treated':
    case 'follow_up':
      return 'badge--ok';
    default:
      return 'badge--muted';
  }
}

/** The patient's consultations; a row opens the consultation. */
export function ConsultationList({
  consultations,
  timeZone,
  onOpen,
}: {
  consultations: PatientDetail['consultations'];
  timeZone: string;
  onOpen: (consultationId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  // "Over" is judged when the list is shown; the page reloads whenever something changes.
  const [now] = useState(() => Date.now());
  if (consultations.length === 0) return <p className="empty">{t('patients.consultations.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--rows" aria-label={t('patients.consultations.title')}>
        <thead>
          <tr>
            <th scope="col">{t('patients.consultations.createdAt')}</th>
            <th scope="col">{t('patients.consultations.procedure')}</th>
            <th scope="col">{t('patients.consultations.status')}</th>
            <th scope="col">{t('patients.consultations.consultant')}</th>
            <th scope="col">{t('patients.consultations.physician')}</th>
            <th scope="col">{t('patients.consultations.coolingOffEnds')}</th>
          </tr>
        </thead>
        <tbody>
          {consultations.map((c) => {
            const ends = c.coolingOffEndsAt;
            return (
              <tr key={c.id} className="row--link" data-testid="consultation-row" onClick={() => onOpen(c.id)}>
                <td className="nowrap">
                  <time dateTime={c.createdAt}>{formatDate(c.createdAt, timeZone, i18n.language)}</time>
                </td>
                <th scope="row">
                  <button
                    type="button"
                    className="row__open"
                    onClick={(e) => {
                      e.stopPropagation();
                      onOpen(c.id);
                    }}
                  >
                    {procedureNameIn(c, i18n.language)}
                  </button>
                </th>
                <td>
                  <span className={`badge ${statusTone(c.status)}`}>{statusLabel(c.status)}</span>
                </td>
                <td className="nowrap">{c.consultantName}</td>
                <td className="nowrap">{c.physicianName}</td>
                <td className="nowrap">
                  {ends ? (
                    <time dateTime={ends}>
                      {new Date(ends).getTime() <= now
                        ? t('patients.consultations.coolingOffOver', { time: formatDateTime(ends, timeZone, i18n.language) })
                        : formatDateTime(ends, timeZone, i18n.language)}
                    </time>
                  ) : (
                    <span className="muted">{t('patients.consultations.coolingOffPending')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
