import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Escalation, VisitDetail } from '../../../../shared/schemas/aftercare';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { callApi } from '../../api';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormMessage';
import { Icon } from '../../components/Icon';
import { formatDateTime } from '../../clinicTime';
import { useChannelForm } from '../../components/channelForm';
import { joinList } from '../../lists';

/** The visit's escalations; the operating physician acknowledges an open one with what was done. */
export function EscalationList({ visit, session, onChanged }: { visit: VisitDetail; session: SessionInfo; onChanged: (v: VisitDetail) => void }) {
  const { t } = useTranslation();
  if (visit.escalations.length === 0) return null;
  return (
    <div className="ac-stack" data-testid="escalations">
      {visit.escalations.map((e) => (
        <div key={e.id} className={e.acknowledgedAt ? 'card ac-escalation ac-escalation--done' : 'card ac-escalation'} role={e.acknowledgedAt ? undefined : 'alert'}>
          <h2 className="card__title ac-escalation__title">
            <Icon name="warning" />
            {e.kind === 'red_flag' ? t('aftercare.escalation.redFlagTitle', { flags: joinList(e.redFlags.map((f) => t(`aftercare.redFlags.${f}`))) }) : t('aftercare.escalation.unreachableTitle')}
          </h2>
          <EscalationState e={e} timeZone={session.timeZone} />
          {!e.acknowledgedAt && (session.staff.id === e.physicianId || session.staff.role === 'admin') ? (
            <Acknowledge escalation={e} visitId={visit.id} onChanged={onChanged} />
          ) : null}
        </div>
      ))}
    </div>
  );
}

function EscalationState({ e, timeZone }: { e: Escalation; timeZone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="muted">
      {t('aftercare.escalation.sentTo', { name: e.physicianName, at: formatDateTime(e.createdAt, timeZone, i18n.language) })}
      {e.acknowledgedAt ? (
        <>
          <br />
          <strong>{t('aftercare.escalation.acknowledged', { name: e.acknowledgedByName ?? '', at: formatDateTime(e.acknowledgedAt, timeZone, i18n.language) })}</strong>
          <span className="pre"> {e.acknowledgementNote}</span>
        </>
      ) : null}
    </p>
  );
}

function Acknowledge({ escalation, visitId, onChanged }: { escalation: Escalation; visitId: string; onChanged: (v: VisitDetail) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const form = useChannelForm('followUps.acknowledge', ['note']);
  return (
    <form
      className="ac-inline-form"
      noValidate
      aria-label={t('aftercare.escalation.acknowledge')}
      onSubmit={(ev) => {
        ev.preventDefault();
        void form.submit({ escalationId: escalation.id, note }).then(async (r) => {
          if (!r) return;
          const v = await callApi('followUps.get', { visitId });
          if (v.ok) onChanged(v.value);
        });
      }}
    >
      <Field label={t('aftercare.escalation.whatWasDone')} error={form.errors.note} hint={t('aftercare.escalation.whatWasDoneHint')}>
        {(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <FormError error={form.formError} />
      <button type="submit" className="btn btn--danger" disabled={form.busy}>
        {t('aftercare.escalation.acknowledge')}
      </button>
    </form>
  );
}
