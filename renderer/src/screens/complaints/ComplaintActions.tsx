import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EntryKind, type ComplaintDetail } from '../../../../shared/schemas/complaint';
import type { In } from '../../../../shared/api';
import { callApi, useApi } from '../../api';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormMessage';
import { translateKey } from '../../i18n';
import { toWallTime, wallTimeToIso } from '../../clinicTime';
import { attachmentMime, attachmentProblem, safeFileName, type PickedAttachment } from '../communications/attachments';
import { readFileAsBase64 } from '../../files';
import { useChannelForm } from '../../components/channelForm';
import { DateInput } from '../../components/DateInput';

type Props = { complaint: ComplaintDetail; onSaved: (c: ComplaintDetail) => void };

/** A contact, meeting, explanation, decision, document or note; a document may carry its file. */
export function EntryForm({ complaint, timeZone, onSaved }: Props & { timeZone: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<EntryKind>('contact');
  const [at, setAt] = useState(() => toWallTime(new Date(), timeZone));
  const [summary, setSummary] = useState('');
  const [file, setFile] = useState<PickedAttachment | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const form = useChannelForm('complaints.addEntry', ['kind', 'occurredAt', 'summary', 'attachment']);
  const pick = async (f: File | undefined) => {
    setFileError(null);
    if (!f) return;
    const problem = attachmentProblem(f);
    const mime = attachmentMime(f);
    if (problem || !mime) return setFileError(problem ?? 'communications.fileType');
    setFile({ fileName: safeFileName(f.name), mime, dataBase64: await readFileAsBase64(f), size: f.size });
  };
  return (
    <form
      className="card ac-form"
      noValidate
      aria-label={t('aftercare.complaints.addEntry')}
      data-testid="entry-form"
      onSubmit={(e) => {
        e.preventDefault();
        void form
          .submit({
            complaintId: complaint.id,
            kind,
            occurredAt: wallTimeToIso(at, timeZone) ?? at,
            summary,
            ...(file ? { attachment: { fileName: file.fileName, mime: file.mime, dataBase64: file.dataBase64 } } : {}),
          })
          .then((r) => {
            if (!r) return;
            setSummary('');
            setFile(null);
            if (input.current) input.current.value = '';
            onSaved(r);
          });
      }}
    >
      <h2 className="card__title">{t('aftercare.complaints.addEntry')}</h2>
      <p className="field__hint">{t('aftercare.complaints.addEntryHint')}</p>
      <div className="ac-grid">
        <Field label={t('aftercare.complaints.entryKind')} error={form.errors.kind}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value as EntryKind)}>
              {EntryKind.options.map((k) => (
                <option key={k} value={k}>
                  {t(`aftercare.entryKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('aftercare.complaints.occurredAt')} error={form.errors.occurredAt}>
          {(p) => <DateInput {...p} withTime value={at} onChange={setAt} />}
        </Field>
      </div>
      <Field label={t('aftercare.complaints.summary')} error={form.errors.summary}>
        {(p) => <textarea {...p} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />}
      </Field>
      <div className="file-pick">
        <label className="btn btn--secondary btn--small ac-file">
          {t('aftercare.complaints.attach')}
          <input ref={input} className="file-pick__input" type="file" accept="image/jpeg,image/png,application/pdf,text/plain" onChange={(e) => void pick(e.target.files?.[0])} />
        </label>
        <span className={file ? 'file-pick__name' : 'muted'}>{file ? file.fileName : t('aftercare.complaints.noFile')}</span>
      </div>
      {fileError || form.errors.attachment ? <p className="field__error">{translateKey(fileError ?? form.errors.attachment ?? '')}</p> : null}
      <FormError error={form.formError} />
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={form.busy}>
          {t('aftercare.complaints.saveEntry')}
        </button>
      </div>
    </form>
  );
}

/** The administrator gives the complaint an owner. */
export function AssignOwner({ complaint, timeZone, onSaved }: Props & { timeZone: string }) {
  const { t } = useTranslation();
  const team = useApi('team.list', {});
  const [ownerId, setOwnerId] = useState(complaint.ownerId ?? '');
  // The owner and version the choice here was made on (issue 14). With nothing else chosen, the choice follows the
  // complaint as saved (after assigning, or when another seat's change arrives); a choice being made keeps its
  // version, so saving it over another seat's change of owner is refused instead of replacing it unseen.
  const [basis, setBasis] = useState({ ownerId: complaint.ownerId, version: complaint.version });
  const choosing = ownerId !== (basis.ownerId ?? '');
  if (!choosing && basis.version !== complaint.version) {
    setBasis({ ownerId: complaint.ownerId, version: complaint.version });
    setOwnerId(complaint.ownerId ?? '');
  }
  const form = useChannelForm('complaints.assign', ['ownerId']);
  const adopt = (c: ComplaintDetail) => {
    setBasis({ ownerId: c.ownerId, version: c.version });
    setOwnerId(c.ownerId ?? '');
    onSaved(c);
  };
  /** The complaint as saved now, in place of the choice refused. */
  const reload = async () => {
    const r = await callApi('complaints.get', { complaintId: complaint.id });
    if (!r.ok) return;
    form.clear();
    adopt(r.value);
  };
  // The current owner is always a choice, even before the team list arrives (or once they left it).
  const members = team.value ?? [];
  const ownerMissing = complaint.ownerId !== null && !members.some((m) => m.id === complaint.ownerId);
  return (
    <form
      className="card ac-form"
      noValidate
      aria-label={t('aftercare.complaints.assign')}
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit({ complaintId: complaint.id, expectedVersion: basis.version, ownerId }).then((r) => r && adopt(r));
      }}
    >
      <Field label={t('aftercare.complaints.owner')} error={form.errors.ownerId}>
        {(p) => (
          <select {...p} value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
            <option value="">{t('aftercare.complaints.chooseOwner')}</option>
            {ownerMissing ? <option value={complaint.ownerId ?? ''}>{complaint.ownerName}</option> : null}
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}（{t(`roles.${m.role}`)}）
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormError error={form.formError} timeZone={timeZone} onReload={() => void reload()} />
      <button type="submit" className="btn btn--secondary" disabled={form.busy || !ownerId || ownerId === complaint.ownerId}>
        {t('aftercare.complaints.assign')}
      </button>
    </form>
  );
}

/** A medical accident: starts the clock for explanation and care within 5 working days. */
export function AccidentForm(props: Props & { timeZone: string }) {
  const { t } = useTranslation();
  return (
    <ClockStartForm
      {...props}
      channel="complaints.recordAccident"
      atField="occurredAt"
      toInput={(complaintId, occurredAt, summary) => ({ complaintId, occurredAt, summary })}
      danger
      words={{
        title: t('aftercare.complaints.recordAccident'),
        hint: t('aftercare.complaints.accidentHint'),
        atLabel: t('aftercare.complaints.accidentAt'),
        save: t('aftercare.complaints.saveAccident'),
      }}
    />
  );
}

/** The patient asked for copies of the records: starts the 7-working-day clock. */
export function RecordsRequestForm(props: Props & { timeZone: string }) {
  const { t } = useTranslation();
  return (
    <ClockStartForm
      {...props}
      channel="complaints.recordRecordsRequest"
      atField="requestedAt"
      toInput={(complaintId, requestedAt, summary) => ({ complaintId, requestedAt, summary })}
      words={{
        title: t('aftercare.complaints.recordRecordsRequest'),
        hint: t('aftercare.complaints.recordsHint'),
        atLabel: t('aftercare.complaints.requestedAt'),
        save: t('aftercare.complaints.saveRecordsRequest'),
      }}
    />
  );
}

/** The channels that record when something happened and start one of the complaint's clocks. */
type ClockStart = 'complaints.recordAccident' | 'complaints.recordRecordsRequest';
/** The opening button and heading, the hint, the time's label, the save button. */
type ClockStartWords = { title: string; hint: string; atLabel: string; save: string };

/** A button that opens a short form: when it happened (clinic time) and a summary; saving starts the clock. */
function ClockStartForm<C extends ClockStart>({
  complaint,
  timeZone,
  onSaved,
  channel,
  atField,
  toInput,
  danger = false,
  words,
}: Props & {
  timeZone: string;
  channel: C;
  /** The input's field for the time, where its error is shown. */
  atField: Exclude<keyof In<C>, 'complaintId' | 'summary'> & string;
  toInput: (complaintId: string, at: string, summary: string) => In<C>;
  /** A medical accident: the buttons say so in the danger colours. */
  danger?: boolean;
  words: ClockStartWords;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [at, setAt] = useState(() => toWallTime(new Date(), timeZone));
  const [summary, setSummary] = useState('');
  const form = useChannelForm(channel, [atField, 'summary']);
  if (!open) {
    return (
      <button type="button" className={danger ? 'btn btn--danger-outline' : 'btn btn--secondary'} onClick={() => setOpen(true)}>
        {words.title}
      </button>
    );
  }
  return (
    <form
      className="card ac-form"
      noValidate
      aria-label={words.title}
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit(toInput(complaint.id, wallTimeToIso(at, timeZone) ?? at, summary)).then((r) => r && onSaved(r));
      }}
    >
      <h2 className="card__title">{words.title}</h2>
      <p className="field__hint">{words.hint}</p>
      <Field label={words.atLabel} error={form.errors[atField]}>
        {(p) => <DateInput {...p} withTime value={at} onChange={setAt} />}
      </Field>
      <Field label={t('aftercare.complaints.summary')} error={form.errors.summary}>
        {(p) => <textarea {...p} rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} />}
      </Field>
      <FormError error={form.formError} />
      <div className="actions">
        <button type="submit" className={danger ? 'btn btn--danger' : 'btn btn--primary'} disabled={form.busy}>
          {words.save}
        </button>
        <button type="button" className="btn btn--ghost" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
