import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import type { Communication } from '../../../../shared/schemas/communication';
import type { PatientDetail } from '../../../../shared/schemas/patient';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { Icon } from '../../components/Icon';
import { formatBytes } from '../../files';
import { formatDateTime } from '../../clinicTime';
import { procedureNameIn } from '../../procedureName';
import { CHANNEL_ICON } from './channelIcons';
import { AttachmentDialog, CorrectionDialog } from './CommunicationDialogs';
import { CommunicationForm } from './CommunicationForm';
import './communications.css';

type Open = { kind: 'correct' | 'attachment'; entry: Communication } | null;

/** The patient's communications log: newest first, each with its corrections; log a new one at the top. */
export function CommunicationsPanel({
  detail,
  entries,
  error,
  timeZone,
  zoneLabel,
  onChanged,
}: {
  detail: PatientDetail;
  entries: readonly Communication[] | undefined;
  error: ApiError | undefined;
  timeZone: string;
  zoneLabel: string;
  /** Something was saved: reload the list and the timeline. */
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [logging, setLogging] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <div className="comms">
      <div className="section-header">
        <p className="muted comms__intro">{t('communications.intro')}</p>
        {!logging ? (
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => {
              setMessage(null);
              setLogging(true);
            }}
          >
            <Icon name="plus" />
            {t('communications.log')}
          </button>
        ) : null}
      </div>
      <FormSuccess>{message}</FormSuccess>
      {logging ? (
        <CommunicationForm
          detail={detail}
          timeZone={timeZone}
          zoneLabel={zoneLabel}
          onCancel={() => setLogging(false)}
          onSaved={() => {
            setLogging(false);
            setMessage(t('communications.saved'));
            onChanged();
          }}
        />
      ) : null}
      <FormError error={error} />
      {entries && entries.length === 0 && !logging ? <p className="empty">{t('communications.none')}</p> : null}
      <ol className="comms__list">
        {entries?.map((e) => (
          <li key={e.id}>
            <CommunicationEntry
              entry={e}
              detail={detail}
              timeZone={timeZone}
              onCorrect={() => {
                setMessage(null);
                setOpen({ kind: 'correct', entry: e });
              }}
              onAttachment={() => setOpen({ kind: 'attachment', entry: e })}
            />
          </li>
        ))}
      </ol>
      {open?.kind === 'correct' ? (
        <CorrectionDialog
          entry={open.entry}
          onCancel={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            setMessage(t('communications.correctionSaved'));
            onChanged();
          }}
        />
      ) : null}
      {open?.kind === 'attachment' ? <AttachmentDialog entry={open.entry} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}

function CommunicationEntry({
  entry: e,
  detail,
  timeZone,
  onCorrect,
  onAttachment,
}: {
  entry: Communication;
  detail: PatientDetail;
  timeZone: string;
  onCorrect: () => void;
  onAttachment: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const consultation = e.consultationId ? detail.consultations.find((c) => c.id === e.consultationId) : undefined;
  return (
    <article className={`comm card comm--${e.direction}`} data-testid="communication">
      <header className="comm__head">
        <span className="comm__channel">
          <Icon name={CHANNEL_ICON[e.channel]} />
          {t(`communications.channels.${e.channel}`)}
        </span>
        <span className={`badge ${e.direction === 'inbound' ? 'badge--waiting' : ''}`}>
          <Icon name={e.direction === 'inbound' ? 'arrowIn' : 'arrowOut'} size={13} />
          {t(`communications.directions.${e.direction}`)}
        </span>
        <time className="comm__time" dateTime={e.occurredAt}>
          {formatDateTime(e.occurredAt, timeZone, lang)}
        </time>
        <span className="comm__by muted">
          {t('communications.recordedBy', { name: e.staffName, time: formatDateTime(e.createdAt, timeZone, lang) })}
        </span>
      </header>
      <p className="comm__summary pre">{e.summary}</p>
      {consultation ? (
        <p className="comm__link muted">
          <Icon name="clipboard" size={15} />
          {t('communications.linkedConsultation', { procedure: procedureNameIn(consultation, i18n.language) })}
        </p>
      ) : null}
      {e.corrections.length > 0 ? (
        <ol className="comm__corrections" aria-label={t('communications.corrections')}>
          {e.corrections.map((c) => (
            <li key={c.id} className="correction" data-testid="correction">
              <span className="correction__label">{t('communications.correctionLabel')}</span>
              <p className="pre correction__text">{c.text}</p>
              <span className="muted small">
                {t('communications.correctionBy', { name: c.staffName, time: formatDateTime(c.createdAt, timeZone, lang) })}
              </span>
            </li>
          ))}
        </ol>
      ) : null}
      <footer className="comm__foot">
        {e.attachment ? (
          <button type="button" className="btn btn--secondary btn--small" onClick={onAttachment}>
            <Icon name="paperclip" size={16} />
            {t('communications.openAttachment')}
            <span className="comm__file">
              {t('communications.attachmentSize', { name: e.attachment.fileName, size: formatBytes(e.attachment.size) })}
            </span>
          </button>
        ) : (
          <span />
        )}
        <button type="button" className="btn btn--ghost btn--small" onClick={onCorrect}>
          <Icon name="pencil" size={16} />
          {t('communications.addCorrection')}
        </button>
      </footer>
    </article>
  );
}
