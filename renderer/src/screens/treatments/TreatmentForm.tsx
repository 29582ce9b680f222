import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { In } from '../../../../shared/api';
import { ProductKind, type Treatment } from '../../../../shared/schemas/aftercare';
import { Anaesthesia } from '../../../../shared/schemas/catalogue';
import type { Consultation } from '../../../../shared/schemas/consultation';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { useApi } from '../../api';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormMessage';
import { Icon } from '../../components/Icon';
import { toWallTime, wallTimeToIso } from '../../clinicTime';
import { useChannelForm } from '../../components/channelForm';
import { TreatmentFlags } from '../patients/ConsultationFlags';
import { DateInput } from '../../components/DateInput';

type ProductRow = { kind: ProductKind; name: string; brand: string; lot: string; serialNo: string; expiryDate: string; quantity: string };
const blankProduct = (): ProductRow => ({ kind: 'drug', name: '', brand: '', lot: '', serialNo: '', expiryDate: '', quantity: '' });
const FIELDS = ['performedAt', 'physicianId', 'assistantIds', 'anaesthesia', 'anaesthesiaDetails', 'products', 'intraOpNotes'] as const;

/** Records the procedure as performed (treatments.record): once saved it is never edited. */
export function TreatmentForm({ session, consultation: c, onSaved }: { session: SessionInfo; consultation: Consultation; onSaved: (t: Treatment) => void }) {
  const { t } = useTranslation();
  const tz = session.timeZone;
  const team = useApi('team.list', {});
  const procedures = useApi('procedures.list', {});
  const defaultAnaesthesia = procedures.value?.find((p) => p.id === c.procedureId)?.anaesthesia;
  const [performedAt, setPerformedAt] = useState(() => toWallTime(new Date(), tz));
  const [assistants, setAssistants] = useState<string[]>([]);
  const [anaesthesia, setAnaesthesia] = useState<Anaesthesia | null>(null);
  const [details, setDetails] = useState('');
  const [products, setProducts] = useState<ProductRow[]>([blankProduct()]);
  const [notes, setNotes] = useState('');
  const form = useChannelForm('treatments.record', FIELDS);
  const err = (k: string) => form.errors[k];

  const chosenAnaesthesia = anaesthesia ?? defaultAnaesthesia ?? 'none';
  const input = (): In<'treatments.record'> => ({
    consultationId: c.id,
    performedAt: wallTimeToIso(performedAt, tz) ?? performedAt,
    physicianId: c.physicianId,
    assistantIds: assistants,
    anaesthesia: chosenAnaesthesia,
    ...(details.trim() ? { anaesthesiaDetails: details } : {}),
    products: products
      .filter((p) => p.name.trim() || p.brand.trim())
      .map((p) => ({
        kind: p.kind,
        name: p.name,
        brand: p.brand,
        ...(p.lot.trim() ? { lot: p.lot } : {}),
        ...(p.serialNo.trim() ? { serialNo: p.serialNo } : {}),
        ...(p.expiryDate ? { expiryDate: p.expiryDate } : {}),
        ...(p.quantity.trim() ? { quantity: p.quantity } : {}),
      })),
    intraOpNotes: notes,
  });
  const setProduct = (i: number, patch: Partial<ProductRow>) => setProducts((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const colleagues = (team.value ?? []).filter((m) => m.id !== c.physicianId && m.role !== 'admin');

  const save = async () => {
    const r = await form.submit(input());
    if (r) onSaved(r);
  };

  return (
    <form
      className="card ac-form"
      noValidate
      aria-label={t('aftercare.treatment.formTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 className="card__title">{t('aftercare.treatment.formTitle')}</h2>
      <p className="muted">{t('aftercare.treatment.formIntro')}</p>
      <TreatmentFlags consultationId={c.id} timeZone={tz} />
      <div className="ac-grid">
        <Field label={t('aftercare.treatment.performedAt')} error={err('performedAt')} hint={t('aftercare.treatment.clinicTime')}>
          {(p) => <DateInput {...p} withTime value={performedAt} onChange={setPerformedAt} />}
        </Field>
        <Field label={t('aftercare.treatment.physician')} error={err('physicianId')} hint={t('aftercare.treatment.physicianHint')}>
          {(p) => <input {...p} readOnly value={c.physicianName} />}
        </Field>
        <Field label={t('aftercare.treatment.anaesthesia')} error={err('anaesthesia')}>
          {(p) => (
            <select {...p} value={chosenAnaesthesia} onChange={(e) => setAnaesthesia(e.target.value as Anaesthesia)}>
              {Anaesthesia.options.map((a) => (
                <option key={a} value={a}>
                  {t(`aftercare.anaesthesia.${a}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('aftercare.treatment.anaesthesiaDetails')} error={err('anaesthesiaDetails')}>
          {(p) => <input {...p} value={details} onChange={(e) => setDetails(e.target.value)} placeholder={t('aftercare.treatment.anaesthesiaPlaceholder')} />}
        </Field>
      </div>

      <fieldset className="ac-fieldset">
        <legend className="field__label">{t('aftercare.treatment.assistants')}</legend>
        <div className="ac-checks">
          {colleagues.map((m) => (
            <label key={m.id} className="chip-check">
              <input
                type="checkbox"
                checked={assistants.includes(m.id)}
                onChange={(e) => setAssistants((a) => (e.target.checked ? [...a, m.id] : a.filter((x) => x !== m.id)))}
              />
              <span>
                {m.name} <span className="muted">{t(`roles.${m.role}`)}</span>
              </span>
            </label>
          ))}
        </div>
        {err('assistantIds') ? <p className="field__error">{t('aftercare.errors.unknownStaff')}</p> : null}
      </fieldset>

      <fieldset className="ac-fieldset">
        <legend className="field__label">{t('aftercare.treatment.products')}</legend>
        <p className="field__hint">{t('aftercare.treatment.productsHint')}</p>
        {products.map((row, i) => (
          <div key={i} className="ac-product" data-testid={`product-${i}`}>
            <Field label={t('aftercare.treatment.productKind')} error={err(`products.${i}.kind`)}>
              {(p) => (
                <select {...p} value={row.kind} onChange={(e) => setProduct(i, { kind: e.target.value as ProductKind })}>
                  {ProductKind.options.map((k) => (
                    <option key={k} value={k}>
                      {t(`aftercare.productKinds.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('aftercare.treatment.productName')} error={err(`products.${i}.name`)}>
              {(p) => <input {...p} value={row.name} onChange={(e) => setProduct(i, { name: e.target.value })} />}
            </Field>
            <Field label={t('aftercare.treatment.brand')} error={err(`products.${i}.brand`)}>
              {(p) => <input {...p} value={row.brand} onChange={(e) => setProduct(i, { brand: e.target.value })} />}
            </Field>
            <Field label={t('aftercare.treatment.lot')} error={err(`products.${i}.lot`)}>
              {(p) => <input {...p} value={row.lot} onChange={(e) => setProduct(i, { lot: e.target.value })} />}
            </Field>
            <Field label={t('aftercare.treatment.serialNo')} error={err(`products.${i}.serialNo`)}>
              {(p) => <input {...p} value={row.serialNo} onChange={(e) => setProduct(i, { serialNo: e.target.value })} />}
            </Field>
            <Field label={t('aftercare.treatment.expiryDate')} error={err(`products.${i}.expiryDate`)}>
              {(p) => <DateInput {...p} value={row.expiryDate} onChange={(v) => setProduct(i, { expiryDate: v })} />}
            </Field>
            <Field label={t('aftercare.treatment.quantity')} error={err(`products.${i}.quantity`)}>
              {(p) => <input {...p} value={row.quantity} onChange={(e) => setProduct(i, { quantity: e.target.value })} placeholder="1.0 mL" />}
            </Field>
            <button type="button" className="btn btn--ghost btn--small ac-product__remove" onClick={() => setProducts((rows) => rows.filter((_, j) => j !== i))}>
              {t('aftercare.treatment.removeProduct')}
            </button>
          </div>
        ))}
        <button type="button" className="btn btn--secondary btn--small" onClick={() => setProducts((rows) => [...rows, blankProduct()])}>
          <Icon name="plus" size={16} />
          {t('aftercare.treatment.addProduct')}
        </button>
      </fieldset>

      <Field label={t('aftercare.treatment.intraOpNotes')} error={err('intraOpNotes')}>
        {(p) => <textarea {...p} rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} />}
      </Field>
      <FormError error={form.formError} />
      <p className="field__hint">{t('aftercare.treatment.finalNote')}</p>
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={form.busy}>
          {form.busy ? t('aftercare.saving') : t('aftercare.treatment.save')}
        </button>
      </div>
    </form>
  );
}
