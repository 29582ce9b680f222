import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Communication } from '../../../../shared/schemas/communication';
import type { PatientDetail, TimelineEntry } from '../../../../shared/schemas/patient';
import { Icon, type IconName } from '../../components/Icon';
import { translateKey } from '../../i18n';
import { formatDateTime } from '../../clinicTime';
import { procedureNameIn } from '../../procedureName';
import { fieldLabel } from './revisionFormat';
import { statusLabel } from './ConsultationList';

const KIND_ICON: Record<TimelineEntry['kind'], IconName> = {
  patient_created: 'userPlus',
  patient_updated: 'pencil',
  consultation: 'clipboard',
  communication: 'chat',
};

/**
 * One line for an entry, in the reader's language: the server's summary is a plain description, so the
 * entries it refers to (consultation, communication) are looked up and worded here when they are on screen.
 */
function describe(entry: TimelineEntry, detail: PatientDetail, communications: readonly Communication[]): string {
  switch (entry.kind) {
    case 'patient_created':
      return `${translateKey('patients.page.chartNo')} ${entry.summary}`;
    case 'patient_updated': {
      const fields = entry.summary.split(',').map((f) => fieldLabel(f.trim(), translateKey, (k) => i18next.exists(k)));
      return translateKey('patients.timeline.changedFields', { fields: fields.join(i18next.language === 'zh-TW' ? '、' : ', ') });
    }
    case 'consultation': {
      const c = detail.consultations.find((x) => x.id === entry.refId);
      return c ? `${procedureNameIn(c, i18next.language)} · ${statusLabel(c.status)}` : entry.summary;
    }
    case 'communication': {
      const m = communications.find((x) => x.id === entry.refId);
      if (!m) return entry.summary;
      const text = m.summary.length > 80 ? `${m.summary.slice(0, 80)}…` : m.summary;
      const colon = i18next.language === 'zh-TW' ? '：' : ': ';
      return `${translateKey(`communications.channels.${m.channel}`)} · ${translateKey(`communications.directions.${m.direction}`)}${colon}${text}`;
    }
  }
}

/** Everything that happened to this patient, newest first, with an icon per kind. */
export function Timeline({
  detail,
  communications,
  timeZone,
  onOpenConsultation,
  onOpenCommunications,
}: {
  detail: PatientDetail;
  communications: readonly Communication[];
  timeZone: string;
  onOpenConsultation: (consultationId: string) => void;
  onOpenCommunications: () => void;
}) {
  const { t, i18n } = useTranslation();
  if (detail.timeline.length === 0) return <p className="empty">{t('patients.timeline.none')}</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {detail.timeline.map((e) => {
        const open =
          e.kind === 'consultation' ? () => onOpenConsultation(e.refId) : e.kind === 'communication' ? onOpenCommunications : null;
        const text = describe(e, detail, communications);
        return (
          <li key={`${e.kind}-${e.refId}`} className={`timeline__item timeline__item--${e.kind}`}>
            <span className="timeline__icon">
              <Icon name={KIND_ICON[e.kind]} size={18} />
            </span>
            <div className="timeline__body">
              <div className="timeline__head">
                <span className="timeline__kind">{t(`patients.timeline.kinds.${e.kind}`)}</span>
                <time dateTime={e.at} className="timeline__time">
                  {formatDateTime(e.at, timeZone, i18n.language)}
                </time>
                {e.staffName ? <span className="muted">{t('patients.timeline.by', { name: e.staffName })}</span> : null}
              </div>
              {open ? (
                <button type="button" className="timeline__link" onClick={open}>
                  {text}
                </button>
              ) : (
                <p className="timeline__text">{text}</p>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
