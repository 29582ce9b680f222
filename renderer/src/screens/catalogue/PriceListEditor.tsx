import { useFieldArray, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PriceItemKind } from '../../../../shared/schemas/catalogue';
import { toHalfWidth } from '../../../../shared/fullwidth';
import { Icon } from '../../components/Icon';
import { translateKey } from '../../i18n';
import { errorAt } from '../patients/nestedForm';
import { formatTwd, runningTotal } from '../consultations/steps';
import { blankPackage, blankPriceRow, type PriceRowValues, type ProcedureFormValues } from './procedureForm';
import './prices.css';

type RowsName = 'prices' | `packages.${number}.items`;

/** Rows of kind, description and amount (NT$), with their total: the standard lines or one package's. */
function PriceRows({
  name,
  control,
  register,
  errors,
  label,
}: {
  name: RowsName;
  control: Control<ProcedureFormValues>;
  register: UseFormRegister<ProcedureFormValues>;
  errors: FieldErrors<ProcedureFormValues>;
  label: string;
}) {
  const { t } = useTranslation();
  const rows = useFieldArray({ control, name });
  const values = (useWatch({ control, name }) ?? []) as PriceRowValues[];
  const total = runningTotal(values.map((r) => r.amountTwd));
  return (
    <div className="prices" role="group" aria-label={label}>
      {rows.fields.length === 0 ? <p className="muted">{t('workday.prices.noItems')}</p> : null}
      {rows.fields.map((f, i) => {
        const row = `${label} ${t('workday.prices.row', { n: i + 1 })}`;
        const amountError = errorAt(errors, `${name}.${i}.amountTwd`);
        const descriptionError = errorAt(errors, `${name}.${i}.description`);
        return (
          <div key={f.id} className="prices__row" data-testid="price-row">
            <select aria-label={`${row} ${t('consultation.quote.kind')}`} {...register(`${name}.${i}.kind`)}>
              {PriceItemKind.options.map((k) => (
                <option key={k} value={k}>
                  {t(`consultation.quote.kinds.${k}`)}
                </option>
              ))}
            </select>
            <div>
              <input aria-label={`${row} ${t('consultation.quote.description')}`} aria-invalid={Boolean(descriptionError)} maxLength={200} {...register(`${name}.${i}.description`)} />
              {descriptionError ? <p className="field__error">{translateKey(descriptionError)}</p> : null}
            </div>
            <div>
              <input
                className="prices__amount"
                inputMode="numeric"
                aria-label={`${row} ${t('consultation.quote.amount')}`}
                aria-invalid={Boolean(amountError)}
                {...register(`${name}.${i}.amountTwd`, { setValueAs: (v: string) => toHalfWidth(String(v)) })}
              />
              {amountError ? <p className="field__error">{translateKey(amountError)}</p> : null}
            </div>
            <button type="button" className="btn btn--ghost btn--small" onClick={() => rows.remove(i)} aria-label={t('workday.prices.removeItem', { n: i + 1 })} title={t('workday.prices.removeItem', { n: i + 1 })}>
              ✕
            </button>
          </div>
        );
      })}
      <div className="prices__footer">
        <button type="button" className="btn btn--secondary btn--small" disabled={rows.fields.length >= 30} onClick={() => rows.append(blankPriceRow(rows.fields.length === 0 ? 'procedure' : 'other'))}>
          <Icon name="plus" size={16} />
          {t('workday.prices.addItem')}
        </button>
        <span className="prices__total" data-testid="price-total">
          {t('workday.prices.total', { total: formatTwd(total) })}
        </span>
      </div>
    </div>
  );
}

/** The procedure's price list: standard quote lines and packages (ProcedureForm). */
export function PriceListEditor({
  control,
  register,
  errors,
}: {
  control: Control<ProcedureFormValues>;
  register: UseFormRegister<ProcedureFormValues>;
  errors: FieldErrors<ProcedureFormValues>;
}) {
  const { t } = useTranslation();
  const packages = useFieldArray({ control, name: 'packages' });
  const names = (useWatch({ control, name: 'packages' }) ?? []).map((p) => p.name);
  return (
    <section className="pform__section" aria-labelledby="proc-prices">
      <h3 id="proc-prices" className="pform__heading">
        {t('workday.prices.title')}
      </h3>
      <p className="field__hint pform__note">{t('workday.prices.intro')}</p>
      <h4 className="prices__heading">{t('workday.prices.items')}</h4>
      <PriceRows name="prices" control={control} register={register} errors={errors} label={t('workday.prices.items')} />
      <h4 className="prices__heading">{t('workday.prices.packages')}</h4>
      {packages.fields.length === 0 ? <p className="muted">{t('workday.prices.noPackages')}</p> : null}
      {packages.fields.map((f, i) => {
        const nameError = errorAt(errors, `packages.${i}.name`) ?? errorAt(errors, `packages.${i}`);
        return (
          <div key={f.id} className="prices__package" data-testid="price-package">
            <div className="prices__package-head">
              <label className="field__label" htmlFor={`pkg-name-${f.id}`}>
                {t('workday.prices.packageName')}
              </label>
              <input id={`pkg-name-${f.id}`} aria-invalid={Boolean(nameError)} maxLength={120} {...register(`packages.${i}.name`)} />
              <button type="button" className="btn btn--danger-outline btn--small" onClick={() => packages.remove(i)}>
                {t('workday.prices.removePackage', { name: names[i] ?? '' })}
              </button>
            </div>
            {nameError ? <p className="field__error">{translateKey(nameError)}</p> : null}
            <PriceRows name={`packages.${i}.items`} control={control} register={register} errors={errors} label={names[i] || t('workday.prices.packageName')} />
          </div>
        );
      })}
      <button type="button" className="btn btn--secondary btn--small" disabled={packages.fields.length >= 10} onClick={() => packages.append(blankPackage())}>
        <Icon name="plus" size={16} />
        {t('workday.prices.addPackage')}
      </button>
    </section>
  );
}
