import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { parseTypedDate } from '../../../../shared/date-format';
import { ageOn, isRealDate } from '../../../../shared/dates';
import { Locale } from '../../../../shared/schemas/common';
import { PregnancyStatus, RiskMedication, Sex, SmokingStatus } from '../../../../shared/schemas/patient';
import { Field } from '../../components/Field';
import { halfWidthInput } from '../../components/halfWidth';
import { Icon } from '../../components/Icon';
import { translateKey } from '../../i18n';
import { errorAt } from './nestedForm';
import type { GuardianMode, PatientFormValues } from './patientForm';

interface SectionProps {
  register: UseFormRegister<PatientFormValues>;
  errors: FieldErrors<PatientFormValues>;
}

export function IdentitySection({ register, errors, birthDate, today }: SectionProps & { birthDate: string; today: string }) {
  const { t } = useTranslation();
  const age = isRealDate(birthDate) && birthDate <= today ? ageOn(birthDate, today) : null;
  const ageHint =
    age === null ? undefined : (
      <span className={age < 18 ? 'age-hint age-hint--minor' : 'age-hint'} data-testid="birth-date-age">
        {age < 18 ? t('patients.form.birthDateMinor', { count: age }) : t('patients.form.birthDateAge', { count: age })}
      </span>
    );
  return (
    <section className="pform__section" aria-labelledby="pform-identity">
      <h3 id="pform-identity" className="pform__heading">
        {t('patients.form.identity')}
      </h3>
      <div className="pform__grid">
        <Field label={t('patients.fields.chartNo')} error={errors.chartNo?.message} hint={t('patients.form.chartNoHint')}>
          {(p) => <input {...p} autoComplete="off" autoFocus {...halfWidthInput(register('chartNo'))} />}
        </Field>
        <Field label={t('patients.fields.nameZh')} error={errors.nameZh?.message}>
          {(p) => <input {...p} autoComplete="off" {...register('nameZh')} />}
        </Field>
        <Field label={t('patients.fields.nameEn')} error={errors.nameEn?.message}>
          {(p) => <input {...p} autoComplete="off" lang="en" {...register('nameEn')} />}
        </Field>
        <Field label={t('patients.fields.sex')} error={errors.sex?.message}>
          {(p) => (
            <select {...p} {...register('sex')}>
              <option value="">{t('patients.choose')}</option>
              {Sex.options.map((s) => (
                <option key={s} value={s}>
                  {t(`patients.sex.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('patients.fields.birthDate')} error={errors.birthDate?.message} hint={ageHint}>
          {(p) => <input {...p} type="text" inputMode="numeric" placeholder="yyyy/mm/dd" {...register('birthDate', { setValueAs: (v: string) => parseTypedDate(v) ?? v })} />}
        </Field>
        <Field label={t('patients.fields.nationalId')} error={errors.nationalId?.message} hint={t('patients.form.nationalIdHint')}>
          {(p) => <input {...p} autoComplete="off" spellCheck={false} className="input--caps" {...halfWidthInput(register('nationalId'))} />}
        </Field>
        <Field label={t('patients.fields.preferredLocale')} error={errors.preferredLocale?.message} hint={t('patients.form.preferredLocaleHint')}>
          {(p) => (
            <select {...p} {...register('preferredLocale')}>
              {Locale.options.map((l) => (
                <option key={l} value={l}>
                  {t(`patients.locales.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </section>
  );
}

export function ContactSection({ register, errors }: SectionProps) {
  const { t } = useTranslation();
  return (
    <section className="pform__section" aria-labelledby="pform-contact">
      <h3 id="pform-contact" className="pform__heading">
        {t('patients.form.contact')}
      </h3>
      <div className="pform__grid">
        <Field label={t('patients.fields.phone')} error={errors.phone?.message}>
          {(p) => <input {...p} type="tel" autoComplete="off" {...halfWidthInput(register('phone'))} />}
        </Field>
        <Field label={t('patients.fields.email')} error={errors.email?.message}>
          {(p) => <input {...p} type="email" autoComplete="off" {...register('email')} />}
        </Field>
        <Field label={t('patients.fields.lineId')} error={errors.lineId?.message}>
          {(p) => <input {...p} autoComplete="off" {...register('lineId')} />}
        </Field>
        <Field label={t('patients.fields.address')} error={errors.address?.message} className="pform__span-all">
          {(p) => <input {...p} autoComplete="off" {...register('address')} />}
        </Field>
      </div>
      <h4 className="pform__subheading">{t('patients.form.emergency')}</h4>
      <p className="field__hint pform__note">{t('patients.form.emergencyHint')}</p>
      <div className="pform__grid">
        <Field label={t('patients.form.personName')} error={errorAt(errors, 'emergencyContact.name')}>
          {(p) => <input {...p} autoComplete="off" {...register('emergencyContact.name')} />}
        </Field>
        <Field label={t('patients.form.relation')} error={errorAt(errors, 'emergencyContact.relation')}>
          {(p) => <input {...p} autoComplete="off" placeholder={t('patients.form.relationPlaceholder')} {...register('emergencyContact.relation')} />}
        </Field>
        <Field label={t('patients.form.personPhone')} error={errorAt(errors, 'emergencyContact.phone')}>
          {(p) => <input {...p} type="tel" autoComplete="off" {...halfWidthInput(register('emergencyContact.phone'))} />}
        </Field>
      </div>
    </section>
  );
}

/** Always in the DOM (a submit focuses the first invalid box in reading order); shown for a minor or a recorded guardian. */
export function GuardianSection({ register, errors, mode }: SectionProps & { mode: GuardianMode }) {
  const { t } = useTranslation();
  return (
    <section
      className={`pform__section pform__section--guardian ${mode === 'required' ? 'pform__section--required' : ''}`}
      aria-labelledby="pform-guardian"
      hidden={mode === 'hidden'}
      data-testid="guardian-section"
    >
      <h3 id="pform-guardian" className="pform__heading">
        {t('patients.form.guardian')}
      </h3>
      <p className={mode === 'required' ? 'notice notice--warning' : 'field__hint pform__note'} role={mode === 'required' ? 'status' : undefined}>
        {mode === 'required' ? t('patients.form.guardianRequired') : t('patients.form.guardianOptional')}
      </p>
      <div className="pform__grid pform__grid--4">
        <Field label={t('patients.form.personName')} error={errorAt(errors, 'guardian.name')}>
          {(p) => <input {...p} autoComplete="off" {...register('guardian.name')} />}
        </Field>
        <Field label={t('patients.form.relation')} error={errorAt(errors, 'guardian.relation')}>
          {(p) => <input {...p} autoComplete="off" placeholder={t('patients.form.relationPlaceholder')} {...register('guardian.relation')} />}
        </Field>
        <Field label={t('patients.form.guardianNationalId')} error={errorAt(errors, 'guardian.nationalId')}>
          {(p) => <input {...p} autoComplete="off" spellCheck={false} className="input--caps" {...halfWidthInput(register('guardian.nationalId'))} />}
        </Field>
        <Field label={t('patients.form.personPhone')} error={errorAt(errors, 'guardian.phone')}>
          {(p) => <input {...p} type="tel" autoComplete="off" {...halfWidthInput(register('guardian.phone'))} />}
        </Field>
      </div>
    </section>
  );
}

/** Answers that change what may be done (pregnancy, smoking) turn red like the ticked medicines. */
export function MedicalSection({
  register,
  errors,
  pregnancyFlagged,
  smokingFlagged,
}: SectionProps & { pregnancyFlagged: boolean; smokingFlagged: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="pform__section" aria-labelledby="pform-medical">
      <h3 id="pform-medical" className="pform__heading">
        {t('patients.form.medical')}
      </h3>
      <fieldset className="pform__risks" aria-describedby="pform-risks-hint">
        <legend className="field__label">{t('patients.fields.riskMedications')}</legend>
        <p id="pform-risks-hint" className="field__hint pform__note">
          {t('patients.form.riskMedicationsHint')}
        </p>
        <div className="risk-checks">
          {RiskMedication.options.map((m) => (
            <label key={m} className="risk-check">
              <input type="checkbox" value={m} {...register('riskMedications')} />
              <span>{t(`patients.riskMedications.${m}`)}</span>
              <Icon name="warning" size={16} className="risk-check__mark" />
            </label>
          ))}
          <label className="risk-check">
            <input type="checkbox" {...register('keloidHistory')} />
            <span>{t('patients.form.keloidLabel')}</span>
            <Icon name="warning" size={16} className="risk-check__mark" />
          </label>
        </div>
        {errors.riskMedications?.message ? (
          <p className="field__error" role="alert">
            {translateKey(errors.riskMedications.message)}
          </p>
        ) : null}
      </fieldset>
      <div className="pform__grid">
        <Field label={t('patients.fields.pregnancy')} error={errors.pregnancy?.message} className={pregnancyFlagged ? 'field--flagged' : undefined}>
          {(p) => (
            <select {...p} {...register('pregnancy')}>
              {PregnancyStatus.options.map((s) => (
                <option key={s} value={s}>
                  {t(`patients.pregnancy.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('patients.fields.smoking')} error={errors.smoking?.message} className={smokingFlagged ? 'field--flagged' : undefined}>
          {(p) => (
            <select {...p} {...register('smoking')}>
              {SmokingStatus.options.map((s) => (
                <option key={s} value={s}>
                  {t(`patients.smoking.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="pform__grid pform__grid--2">
        <Field label={t('patients.fields.allergies')} error={errors.allergies?.message}>
          {(p) => <textarea {...p} rows={3} placeholder={t('patients.form.allergiesPlaceholder')} {...register('allergies')} />}
        </Field>
        <Field label={t('patients.fields.medications')} error={errors.medications?.message}>
          {(p) => <textarea {...p} rows={3} {...register('medications')} />}
        </Field>
        <Field label={t('patients.fields.medicalHistory')} error={errors.medicalHistory?.message}>
          {(p) => <textarea {...p} rows={3} {...register('medicalHistory')} />}
        </Field>
        <Field label={t('patients.fields.priorProcedures')} error={errors.priorProcedures?.message}>
          {(p) => <textarea {...p} rows={3} {...register('priorProcedures')} />}
        </Field>
      </div>
    </section>
  );
}
