import { useEffect, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import { QuoteItemKind, type ConsultationView } from '../../../../shared/schemas/consultation';
import type { PriceItem, PriceList } from '../../../../shared/schemas/catalogue';
import { callApi, useApi } from '../../api';
import { FormError } from '../../components/FormMessage';
import { translateKey } from '../../i18n';
import { rootError, useFormError } from '../../forms';
import { TextArea } from './Choice';
import { toHalfWidth } from '../../../../shared/fullwidth';
import { formatTwd, parseAmount, runningTotal, uncountedRows } from './steps';
import { StepFrame, type StepProps } from './StepFrame';
import { useFormatTime } from '../../clinicTime';
import { applyStepServerError, stepResolver } from './stepForm';
import './quote-prices.css';

type Kind = (typeof QuoteItemKind.options)[number];
interface QuoteForm {
  items: { kind: Kind; description: string; amountTwd: string }[];
  revisionPolicy: string;
  refundPolicy: string;
}
const FORM = { prefix: ['quote'], fields: ['items', 'revisionPolicy', 'refundPolicy'], arrays: ['items'] } as const;

const fromPrices = (items: readonly PriceItem[]) => items.map((i) => ({ kind: i.kind, description: i.description, amountTwd: i.amountTwd.toLocaleString('en-US') }));

/** A saved quote as it is; a new one starts from the procedure's standard price lines (when it has any). */
function defaults({ consultation: c }: ConsultationView, prices?: PriceList | null): QuoteForm {
  if (!c.quote) {
    const items = prices?.items.length ? fromPrices(prices.items) : [{ kind: 'procedure' as const, description: c.procedureName, amountTwd: '' }];
    return { items, revisionPolicy: '', refundPolicy: '' };
  }
  return {
    items: c.quote.items.map((i) => ({ kind: i.kind, description: i.description, amountTwd: i.amountTwd.toLocaleString('en-US') })),
    revisionPolicy: c.quote.revisionPolicy,
    refundPolicy: c.quote.refundPolicy,
  };
}

/** An itemised quote in NT$ with a running total and the revision and refund policies; then the patient acknowledges it. */
export function QuoteStep({ view, editable, timeZone, onSaved, onContinue, onReload }: StepProps) {
  const { t } = useTranslation();
  const format = useFormatTime(timeZone);
  const c = view.consultation;
  const { formError, setFormError } = useFormError();
  const [ackError, setAckError] = useState<ApiError | null>(null);
  const [acking, setAcking] = useState(false);
  const toInput = (v: QuoteForm) => ({
    consultationId: c.id,
    expectedVersion: c.version,
    quote: {
      items: v.items.map((i) => ({ kind: i.kind, description: i.description, amountTwd: parseAmount(i.amountTwd) })),
      revisionPolicy: v.revisionPolicy,
      refundPolicy: v.refundPolicy,
    },
  });
  const {
    register,
    handleSubmit,
    setError,
    control,
    reset,
    setValue,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<QuoteForm>({ defaultValues: defaults(view), resolver: stepResolver('consultations.saveQuote', toInput, FORM) });
  const { fields, append, remove, replace } = useFieldArray({ control, name: 'items' });
  // The procedure's price list: where a new quote starts, and the packages offered instead.
  const procedures = useApi('procedures.list', { includeInactive: true });
  const prices = procedures.state === 'ok' ? (procedures.value.find((p) => p.id === c.procedureId)?.priceList ?? null) : null;
  const startedFromPrices = !c.quote && prices !== null && prices.items.length > 0;
  useEffect(() => {
    if (!prices || c.quote || isDirty || prices.items.length === 0) return;
    reset(defaults(view, prices));
    // Only when the price list arrives: later edits are the consultant's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [prices]);
  const items = useWatch({ control, name: 'items' });
  const total = runningTotal(items.map((i) => i.amountTwd));
  const uncounted = uncountedRows(items.map((i) => i.amountTwd));

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    setAckError(null);
    const r = await callApi('consultations.saveQuote', toInput(v));
    if (!r.ok) return setFormError(applyStepServerError(r.error, FORM, setError));
    onSaved(r.value);
    reset(defaults(r.value));
  });

  const acknowledge = async () => {
    setAcking(true);
    setAckError(null);
    // The total on the button is the one saved: the server refuses if it is not.
    const r = await callApi('consultations.acknowledgeQuote', { consultationId: c.id, totalTwd: c.quoteTotalTwd ?? 0 });
    setAcking(false);
    if (!r.ok) return setAckError(r.error);
    onSaved(r.value);
    onContinue();
  };

  const saved = c.quote !== null && !isDirty;
  // The only error about the list as a whole is "needs a procedure": gone as soon as a row is one.
  const listError = items.some((i) => i.kind === 'procedure') ? undefined : (errors.items?.root?.message ?? errors.items?.message);
  return (
    <StepFrame step="quote" intro={t('consultation.quote.intro')}>
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <fieldset disabled={!editable} className="consult-fieldset">
          <div className="card consult-card">
            <h3 className="consult-card__title" id="quote-items-title">
              {t('consultation.quote.itemsLabel')}
            </h3>
            <div className="quote" role="group" aria-labelledby="quote-items-title">
              <div className="quote__row quote__row--head" aria-hidden="true">
                <span>{t('consultation.quote.kind')}</span>
                <span>{t('consultation.quote.description')}</span>
                <span className="quote__amount-head">{t('consultation.quote.amount')}</span>
                <span />
              </div>
              {fields.map((field, i) => {
                const e = errors.items?.[i];
                const row = t('consultation.quote.row', { n: i + 1 });
                return (
                  <div key={field.id} className="quote__row" data-testid="quote-row">
                    <div>
                      <select aria-label={`${row} ${t('consultation.quote.kind')}`} {...register(`items.${i}.kind`)}>
                        {QuoteItemKind.options.map((k) => (
                          <option key={k} value={k}>
                            {t(`consultation.quote.kinds.${k}`)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div>
                      <input aria-label={`${row} ${t('consultation.quote.description')}`} aria-invalid={Boolean(e?.description)} maxLength={200} {...register(`items.${i}.description`)} />
                      {e?.description?.message ? <p className="field__error">{translateKey(e.description.message)}</p> : null}
                    </div>
                    <div>
                      <input
                        className="quote__amount"
                        inputMode="numeric"
                        aria-label={`${row} ${t('consultation.quote.amount')}`}
                        aria-invalid={Boolean(e?.amountTwd)}
                        {...register(`items.${i}.amountTwd`, {
                          // ５００ typed in full-width mode is shown as 500 once the field is left.
                          onBlur: (ev: { target: { value: string } }) => setValue(`items.${i}.amountTwd`, toHalfWidth(ev.target.value)),
                        })}
                      />
                      {e?.amountTwd?.message ? <p className="field__error">{translateKey(e.amountTwd.message)}</p> : null}
                    </div>
                    <div>
                      {editable && fields.length > 1 ? (
                        <button type="button" className="btn btn--ghost btn--small" onClick={() => remove(i)} aria-label={t('consultation.quote.removeItem', { n: i + 1 })} title={t('consultation.quote.removeItem', { n: i + 1 })}>
                          ✕
                        </button>
                      ) : null}
                    </div>
                  </div>
                );
              })}
              {listError ? (
                <p className="field__error" role="alert">
                  {translateKey(listError)}
                </p>
              ) : null}
              {editable && prices && (prices.items.length > 0 || prices.packages.length > 0) ? (
                <div className="quote__start" data-testid="quote-start-from">
                  <span className="muted">{t('workday.quote.startFrom')}</span>
                  {prices.items.length > 0 ? (
                    <button type="button" className="btn btn--secondary btn--small" onClick={() => replace(fromPrices(prices.items))}>
                      {t('workday.quote.useStandard')}
                    </button>
                  ) : null}
                  {prices.packages.map((k) => (
                    <button key={k.id} type="button" className="btn btn--secondary btn--small" onClick={() => replace(fromPrices(k.items))}>
                      {t('workday.quote.usePackage', { name: k.name })}
                    </button>
                  ))}
                </div>
              ) : null}
              {startedFromPrices && !c.quote ? <p className="muted">{t('workday.quote.fromCatalogue')}</p> : null}
              <div className="quote__footer">
                {editable ? (
                  <button type="button" className="btn btn--secondary btn--small" onClick={() => append({ kind: 'other', description: '', amountTwd: '' })} disabled={fields.length >= 30}>
                    + {t('consultation.quote.addItem')}
                  </button>
                ) : (
                  <span />
                )}
                <p className="quote__total" aria-live="polite" data-testid="quote-total">
                  <span>{t('consultation.quote.total')}</span>
                  {/* Saved and unchanged: the saved total, the very number acknowledged and printed. */}
                  <strong>{formatTwd(c.quote !== null && !isDirty ? (c.quoteTotalTwd ?? 0) : total)}</strong>
                </p>
                {uncounted > 0 ? (
                  <p className="field__error" role="alert" data-testid="quote-uncounted">
                    {t('intake.input.uncountedRows', { count: uncounted })}
                  </p>
                ) : null}
              </div>
            </div>
          </div>
          <TextArea label={t('consultation.quote.revisionPolicy')} hint={t('consultation.quote.revisionHint')} registration={register('revisionPolicy')} error={errors.revisionPolicy?.message} rows={2} maxLength={1000} />
          <TextArea label={t('consultation.quote.refundPolicy')} hint={t('consultation.quote.refundHint')} registration={register('refundPolicy')} error={errors.refundPolicy?.message} rows={2} maxLength={1000} />
        </fieldset>
        <FormError error={formError ?? rootError(errors) ?? ackError} timeZone={timeZone} onReload={onReload} />

        {c.quoteAcknowledgedAt && saved ? (
          <p className="notice notice--success" data-testid="quote-acknowledged">
            {t('consultation.quote.acknowledgedAt', { at: format(c.quoteAcknowledgedAt), total: formatTwd(c.quoteTotalTwd ?? 0) })}
          </p>
        ) : null}
        {editable && saved && !c.quoteAcknowledgedAt ? <p className="notice notice--warning">{t('consultation.quote.needsAcknowledgement', { total: formatTwd(c.quoteTotalTwd ?? 0) })}</p> : null}
        {editable && c.quote !== null && isDirty ? <p className="notice notice--warning">{t('consultation.quote.unsavedChanges')}</p> : null}

        <div className="actions actions--end consult-step__actions">
          {editable && !saved ? (
            <button type="submit" className="btn btn--primary btn--large" disabled={isSubmitting}>
              {isSubmitting ? t('consultation.saving') : t('consultation.quote.save')}
            </button>
          ) : null}
          {editable && saved && !c.quoteAcknowledgedAt ? (
            <button type="button" className="btn btn--primary btn--large" onClick={() => void acknowledge()} disabled={acking}>
              {t('workday.quote.acknowledgeTotal', { total: formatTwd(c.quoteTotalTwd ?? 0) })}
            </button>
          ) : null}
          {!editable || (saved && c.quoteAcknowledgedAt) ? (
            <button type="button" className="btn btn--primary btn--large" onClick={onContinue}>
              {t('consultation.next')}
            </button>
          ) : null}
        </div>
      </form>
    </StepFrame>
  );
}
