import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AMOUNT_NOT_ALLOWED, AMOUNT_REQUIRED, CauseCategory, ResolutionKind, type ComplaintDetail } from '../../../../shared/schemas/complaint';
import { useApi } from '../../api';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormMessage';
import { Icon } from '../../components/Icon';
import { formatCalendarDate, formatDateTime, toWallTime, wallTimeToIso } from '../../clinicTime';
import { useChannelForm } from '../../components/channelForm';
import { parseTypedNumber } from '../../../../shared/fullwidth';
import { DateInput } from '../../components/DateInput';
import { joinList } from '../../lists';

type Props = { complaint: ComplaintDetail; onSaved: (c: ComplaintDetail) => void };
const money = (n: number, locale: string) => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-TW').format(n);

export function ResolutionList({ complaint, timeZone }: { complaint: ComplaintDetail; timeZone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="card" data-testid="resolutions">
      <h2 className="card__title">{t('aftercare.resolution.title', { count: complaint.resolutions.length })}</h2>
      {complaint.resolutions.length === 0 ? <p className="muted">{t('aftercare.resolution.none')}</p> : null}
      <ul className="ac-list">
        {complaint.resolutions.map((r) => (
          <li key={r.id} className="ac-list__item ac-list__item--stack">
            <strong>
              {t(`aftercare.resolutionKinds.${r.kind}`)}
              {r.amountTwd !== null ? ` · NT$ ${money(r.amountTwd, i18n.language)}` : ''}
            </strong>
            <span className="pre">{r.description}</span>
            <span className="muted small">{t('aftercare.byAt', { name: r.staffName, at: formatDateTime(r.decidedAt, timeZone, i18n.language) })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A resolution: an amount where money changes hands (refund, compensation), none for words. */
export function ResolutionForm({ complaint, timeZone, onSaved }: Props & { timeZone: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ResolutionKind>('explanation');
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const [at, setAt] = useState(() => toWallTime(new Date(), timeZone));
  const form = useChannelForm('complaints.addResolution', ['kind', 'amountTwd', 'description', 'decidedAt']);
  const noAmount = AMOUNT_NOT_ALLOWED.includes(kind);
  return (
    <form
      className="card ac-form"
      noValidate
      aria-label={t('aftercare.resolution.add')}
      data-testid="resolution-form"
      onSubmit={(e) => {
        e.preventDefault();
        const amountTwd = noAmount || amount.trim() === '' ? null : parseTypedNumber(amount);
        void form.submit({ complaintId: complaint.id, kind, amountTwd, description, decidedAt: wallTimeToIso(at, timeZone) ?? at }).then((r) => {
          if (!r) return;
          setDescription('');
          setAmount('');
          onSaved(r);
        });
      }}
    >
      <h2 className="card__title">{t('aftercare.resolution.add')}</h2>
      <div className="ac-grid">
        <Field label={t('aftercare.resolution.kind')} error={form.errors.kind}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value as ResolutionKind)}>
              {ResolutionKind.options.map((k) => (
                <option key={k} value={k}>
                  {t(`aftercare.resolutionKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('aftercare.resolution.amount')} error={form.errors.amountTwd} hint={AMOUNT_REQUIRED.includes(kind) ? t('aftercare.resolution.amountRequired') : noAmount ? t('aftercare.resolution.amountNone') : t('aftercare.resolution.amountOptional')}>
          {(p) => <input {...p} type="text" inputMode="numeric" value={noAmount ? '' : amount} disabled={noAmount} onChange={(e) => setAmount(e.target.value)} />}
        </Field>
      </div>
      <Field label={t('aftercare.resolution.description')} error={form.errors.description}>
        {(p) => <textarea {...p} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <Field label={t('aftercare.resolution.decidedAt')} error={form.errors.decidedAt}>
        {(p) => <DateInput {...p} withTime value={at} onChange={setAt} />}
      </Field>
      <FormError error={form.formError} />
      <button type="submit" className="btn btn--secondary" disabled={form.busy}>
        {t('aftercare.resolution.save')}
      </button>
    </form>
  );
}

export function ReviewView({ review, count, timeZone }: { review: ComplaintDetail['reviews'][number]; count: number; timeZone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="card" data-testid="review-view">
      <h2 className="card__title">{t('aftercare.review.title')}</h2>
      {count > 1 ? <p className="muted small">{t('aftercare.review.superseded', { count: count - 1 })}</p> : null}
      <p className="pre">{review.whatHappened}</p>
      <h3 className="ac-subtitle">{t('aftercare.review.causes')}</h3>
      <ul>
        {review.causes.map((c, i) => (
          <li key={i}>
            <strong>{t(`aftercare.causeCategories.${c.category}`)}</strong>：{c.detail}
          </li>
        ))}
      </ul>
      <h3 className="ac-subtitle">{t('aftercare.review.actions')}</h3>
      <ul>
        {review.actions.map((a, i) => (
          <li key={i}>
            {a.action} — {t('aftercare.review.ownerDue', { name: a.ownerName, date: formatCalendarDate(a.dueDate, i18n.language) })}
          </li>
        ))}
      </ul>
      <p className="muted small">{t('aftercare.byAt', { name: review.staffName, at: formatDateTime(review.createdAt, timeZone, i18n.language) })}</p>
    </div>
  );
}

type Cause = { category: CauseCategory; detail: string };
type Action = { action: string; ownerId: string; dueDate: string };

/** The root-cause review: what happened, its causes, corrective actions with an owner and a due date. */
export function ReviewForm({ complaint, onSaved }: Props) {
  const { t } = useTranslation();
  const team = useApi('team.list', {});
  const [open, setOpen] = useState(complaint.reviews.length === 0);
  const [what, setWhat] = useState('');
  const [causes, setCauses] = useState<Cause[]>([{ category: 'communication', detail: '' }]);
  const [actions, setActions] = useState<Action[]>([{ action: '', ownerId: '', dueDate: '' }]);
  const form = useChannelForm('complaints.saveReview', ['whatHappened', 'causes', 'actions']);
  const err = (k: string) => form.errors[k];
  if (!open) {
    return (
      <button type="button" className="btn btn--secondary" onClick={() => setOpen(true)}>
        {t('aftercare.review.revise')}
      </button>
    );
  }
  return (
    <form
      className="card ac-form"
      noValidate
      aria-label={t('aftercare.review.formTitle')}
      data-testid="review-form"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit({ complaintId: complaint.id, whatHappened: what, causes, actions }).then((r) => {
          if (!r) return;
          setOpen(false);
          onSaved(r);
        });
      }}
    >
      <h2 className="card__title">{t('aftercare.review.formTitle')}</h2>
      <Field label={t('aftercare.review.whatHappened')} error={err('whatHappened')}>
        {(p) => <textarea {...p} rows={3} value={what} onChange={(e) => setWhat(e.target.value)} />}
      </Field>
      <fieldset className="ac-fieldset">
        <legend className="field__label">{t('aftercare.review.causes')}</legend>
        {err('causes') ? <p className="field__error">{t('aftercare.review.needCause')}</p> : null}
        {causes.map((c, i) => (
          <div key={i} className="ac-row">
            <Field label={t('aftercare.review.category')} error={err(`causes.${i}.category`)}>
              {(p) => (
                <select {...p} value={c.category} onChange={(e) => setCauses((xs) => xs.map((x, j) => (j === i ? { ...x, category: e.target.value as CauseCategory } : x)))}>
                  {CauseCategory.options.map((k) => (
                    <option key={k} value={k}>
                      {t(`aftercare.causeCategories.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('aftercare.review.detail')} error={err(`causes.${i}.detail`)} className="ac-row__grow">
              {(p) => <input {...p} value={c.detail} onChange={(e) => setCauses((xs) => xs.map((x, j) => (j === i ? { ...x, detail: e.target.value } : x)))} />}
            </Field>
            {causes.length > 1 ? (
              <button type="button" className="btn btn--ghost btn--small" onClick={() => setCauses((xs) => xs.filter((_, j) => j !== i))}>
                {t('aftercare.remove')}
              </button>
            ) : null}
          </div>
        ))}
        <button type="button" className="btn btn--ghost btn--small" onClick={() => setCauses((xs) => [...xs, { category: 'technique', detail: '' }])}>
          <Icon name="plus" size={16} />
          {t('aftercare.review.addCause')}
        </button>
      </fieldset>
      <fieldset className="ac-fieldset">
        <legend className="field__label">{t('aftercare.review.actions')}</legend>
        {err('actions') ? <p className="field__error">{t('aftercare.review.needAction')}</p> : null}
        {actions.map((a, i) => (
          <div key={i} className="ac-row">
            <Field label={t('aftercare.review.action')} error={err(`actions.${i}.action`)} className="ac-row__grow">
              {(p) => <input {...p} value={a.action} onChange={(e) => setActions((xs) => xs.map((x, j) => (j === i ? { ...x, action: e.target.value } : x)))} />}
            </Field>
            <Field label={t('aftercare.review.owner')} error={err(`actions.${i}.ownerId`)}>
              {(p) => (
                <select {...p} value={a.ownerId} onChange={(e) => setActions((xs) => xs.map((x, j) => (j === i ? { ...x, ownerId: e.target.value } : x)))}>
                  <option value="">{t('aftercare.complaints.chooseOwner')}</option>
                  {(team.value ?? []).map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('aftercare.review.dueDate')} error={err(`actions.${i}.dueDate`)}>
              {(p) => <DateInput {...p} value={a.dueDate} onChange={(v) => setActions((xs) => xs.map((x, j) => (j === i ? { ...x, dueDate: v } : x)))} />}
            </Field>
            {actions.length > 1 ? (
              <button type="button" className="btn btn--ghost btn--small" onClick={() => setActions((xs) => xs.filter((_, j) => j !== i))}>
                {t('aftercare.remove')}
              </button>
            ) : null}
          </div>
        ))}
        <button type="button" className="btn btn--ghost btn--small" onClick={() => setActions((xs) => [...xs, { action: '', ownerId: '', dueDate: '' }])}>
          <Icon name="plus" size={16} />
          {t('aftercare.review.addAction')}
        </button>
      </fieldset>
      <FormError error={form.formError} />
      <button type="submit" className="btn btn--primary" disabled={form.busy}>
        {t('aftercare.review.save')}
      </button>
    </form>
  );
}

/** Closing: the main process refuses without a resolution and a root-cause review; the reason is shown. */
export function CloseComplaint({ complaint, onSaved }: Props) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState('');
  const form = useChannelForm('complaints.close', ['summary']);
  const missing = [complaint.resolutions.length === 0 ? t('aftercare.close.needResolution') : null, complaint.reviews.length === 0 ? t('aftercare.close.needReview') : null].filter(Boolean);
  return (
    <form
      className="card ac-form"
      noValidate
      aria-label={t('aftercare.close.title')}
      data-testid="close-form"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit({ complaintId: complaint.id, summary }).then((r) => r && onSaved(r));
      }}
    >
      <h2 className="card__title">{t('aftercare.close.title')}</h2>
      {missing.length > 0 ? <p className="notice notice--warning">{t('aftercare.close.stillMissing', { items: joinList(missing) })}</p> : null}
      <Field label={t('aftercare.close.summary')} error={form.errors.summary}>
        {(p) => <textarea {...p} rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} />}
      </Field>
      <FormError error={form.formError} />
      <button type="submit" className="btn btn--primary" disabled={form.busy}>
        {t('aftercare.close.submit')}
      </button>
    </form>
  );
}
