import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppendCorrection } from '../../components/AppendCorrection';
import { api } from '../../../../shared/api';
import type { Correction, Treatment } from '../../../../shared/schemas/aftercare';
import type { SessionInfo } from '../../../../shared/schemas/session';
import type { Role } from '../../../../shared/schemas/staff';
import { callApi, useApi } from '../../api';
import { useNavigate } from '../../navigation';
import { formatCalendarDate, formatDateTime } from '../../clinicTime';
import { DueBadge, LevelLabel } from '../follow-ups/VisitLabels';
import { StoredPhoto } from '../photos/StoredPhoto';
import { PhotoComparison } from '../photos/PhotoComparison';
import { PhotoIntake } from '../photos/PhotoIntake';
import { joinList } from '../../lists';
import './treatments.css';

const TREATING = api['treatments.correct'].access as readonly Role[];

export function Corrections({ items, timeZone }: { items: readonly Correction[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  return (
    <ul className="ac-corrections">
      {items.map((k) => (
        <li key={k.id} className="correction">
          <span className="correction__label">{t('aftercare.correctionBy', { name: k.staffName, at: formatDateTime(k.createdAt, timeZone, i18n.language) })}</span>
          <p className="correction__text pre">{k.text}</p>
        </li>
      ))}
    </ul>
  );
}

/** The saved record: read-only, with corrections, after photos and the follow-up plan it created. */
export function TreatmentView({ session, treatment: tr, onChanged }: { session: SessionInfo; treatment: Treatment; onChanged: (t: Treatment) => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const tz = session.timeZone;
  const plan = useApi('followUps.forTreatment', { treatmentId: tr.id });
  const may = TREATING.includes(session.staff.role);
  return (
    <div className="ac-stack" data-testid="treatment-record">
      <dl className="ac-facts card">
        <div>
          <dt>{t('aftercare.treatment.performedAt')}</dt>
          <dd>{formatDateTime(tr.performedAt, tz, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('aftercare.treatment.physician')}</dt>
          <dd>{tr.physicianName}</dd>
        </div>
        <div>
          <dt>{t('aftercare.treatment.assistants')}</dt>
          <dd>{joinList(tr.assistants.map((a) => a.name)) || t('aftercare.none')}</dd>
        </div>
        <div>
          <dt>{t('aftercare.treatment.anaesthesia')}</dt>
          <dd>
            {t(`aftercare.anaesthesia.${tr.anaesthesia}`)}
            {tr.anaesthesiaDetails ? ` · ${tr.anaesthesiaDetails}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('aftercare.treatment.recordedBy')}</dt>
          <dd>{t('aftercare.byAt', { name: tr.recordedByName, at: formatDateTime(tr.createdAt, tz, i18n.language) })}</dd>
        </div>
      </dl>

      <div className="card">
        <h2 className="card__title">{t('aftercare.treatment.products')}</h2>
        {tr.products.length === 0 ? (
          <p className="muted">{t('aftercare.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--dense">
              <thead>
                <tr>
                  <th>{t('aftercare.treatment.productKind')}</th>
                  <th>{t('aftercare.treatment.productName')}</th>
                  <th>{t('aftercare.treatment.brand')}</th>
                  <th>{t('aftercare.treatment.lot')}</th>
                  <th>{t('aftercare.treatment.serialNo')}</th>
                  <th>{t('aftercare.treatment.expiryDate')}</th>
                  <th>{t('aftercare.treatment.quantity')}</th>
                </tr>
              </thead>
              <tbody>
                {tr.products.map((p, i) => (
                  <tr key={i}>
                    <td>{t(`aftercare.productKinds.${p.kind}`)}</td>
                    <td>{p.name}</td>
                    <td>{p.brand}</td>
                    <td className="mono">{p.lot ?? '—'}</td>
                    <td className="mono">{p.serialNo ?? '—'}</td>
                    <td>{p.expiryDate ? formatCalendarDate(p.expiryDate, i18n.language) : '—'}</td>
                    <td>{p.quantity ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3 className="ac-subtitle">{t('aftercare.treatment.intraOpNotes')}</h3>
        <p className="pre">{tr.intraOpNotes || t('aftercare.none')}</p>
        <Corrections items={tr.corrections} timeZone={tz} />
        {may ? <AppendCorrection channel="treatments.correct" input={(text) => ({ treatmentId: tr.id, text })} onSaved={onChanged} toggleClassName="btn btn--ghost btn--small" /> : null}
      </div>

      <div className="card">
        <h2 className="card__title">{t('aftercare.photos.afterTitle', { count: tr.photos.length })}</h2>
        <div className="ac-photos">
          {tr.photos.map((p) => (
            <StoredPhoto key={p.id} photo={p} timeZone={tz} />
          ))}
        </div>
        {may ? <AddPhoto treatmentId={tr.id} onSaved={onChanged} /> : null}
      </div>

      <ComparisonCard consultationId={tr.consultationId} timeZone={tz} />

      <div className="card" data-testid="follow-up-plan">
        <h2 className="card__title">{t('aftercare.treatment.plan')}</h2>
        <ul className="ac-list">
          {(plan.value ?? []).map((v) => (
            <li key={v.id} className="ac-list__item">
              <button type="button" className="row__open" onClick={() => navigate({ screen: 'followUp', visitId: v.id })}>
                <LevelLabel visit={v} />
              </button>
              <span>{formatCalendarDate(v.dueDate, i18n.language)}</span>
              <span className="muted">{v.assignedToName ?? t('aftercare.followUp.unassigned')}</span>
              <DueBadge visit={v} />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}


/** After photos: several at once, each labelled with angle and area, sent as uploads (not inside the JSON). */
function AddPhoto({ treatmentId, onSaved }: { treatmentId: string; onSaved: (t: Treatment) => void }) {
  return <PhotoIntake marketing="ask" save={(photo) => callApi('treatments.addPhoto', { treatmentId, ...photo })} onSaved={onSaved} testId="after-photo-intake" />;
}

/** Before and after by angle, opened on request (each photo shown is an audited view). */
function ComparisonCard({ consultationId, timeZone }: { consultationId: string; timeZone: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="card" data-testid="comparison-card">
      <h2 className="card__title">{t('intake.photos.comparisonTitle')}</h2>
      {open ? <PhotoComparison consultationId={consultationId} timeZone={timeZone} /> : null}
      <button type="button" className="btn btn--secondary btn--small" onClick={() => setOpen((o) => !o)} data-testid="toggle-comparison">
        {open ? t('intake.photos.close') : t('intake.photos.open')}
      </button>
    </div>
  );
}
