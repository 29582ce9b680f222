import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../../shared/schemas/patient';
import { translateKey } from '../../i18n';
import { formatCalendarDate, formatDateTime } from '../../clinicTime';
import { formatRevisionValue } from './revisionFormat';

function Item({ label, children, wide, flagged }: { label: string; children: ReactNode; wide?: boolean; flagged?: boolean }) {
  return (
    <div className={['record__item', wide ? 'record__item--wide' : '', flagged ? 'record__item--flagged' : ''].join(' ').trim()}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The record as saved, grouped as on the form; risk facts are highlighted when present. */
export function PatientRecord({ patient: p, timeZone }: { patient: Patient; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // Blank boxes read as a quiet dash here (the edit history spells "blank" out, as a change to or from nothing).
  const show = (field: string, value: unknown) =>
    value === null || value === '' || (Array.isArray(value) && value.length === 0) ? (
      <span className="muted">—</span>
    ) : (
      formatRevisionValue(field, value, translateKey, lang)
    );
  return (
    <div className="record" data-testid="patient-record">
      <section className="card record__group" aria-labelledby="rec-identity">
        <h2 id="rec-identity" className="record__title">
          {t('patients.form.identity')}
        </h2>
        <dl className="record__grid">
          <Item label={t('patients.fields.chartNo')}>{p.chartNo}</Item>
          <Item label={t('patients.fields.nameZh')}>{p.nameZh}</Item>
          <Item label={t('patients.fields.nameEn')}>{show('nameEn', p.nameEn)}</Item>
          <Item label={t('patients.fields.sex')}>{t(`patients.sex.${p.sex}`)}</Item>
          <Item label={t('patients.fields.birthDate')}>
            {formatCalendarDate(p.birthDate, lang)} · {t('patients.ageValue', { count: p.age })}
          </Item>
          <Item label={t('patients.fields.nationalId')}>{show('nationalId', p.nationalId)}</Item>
          <Item label={t('patients.fields.preferredLocale')}>{t(`patients.locales.${p.preferredLocale}`)}</Item>
        </dl>
      </section>
      {p.guardian || p.isMinor ? (
        <section className="card record__group" aria-labelledby="rec-guardian">
          <h2 id="rec-guardian" className="record__title">
            {t('patients.form.guardian')}
          </h2>
          <dl className="record__grid">
            <Item label={t('patients.fields.guardian')} wide flagged={p.isMinor && !p.guardian}>
              {show('guardian', p.guardian)}
            </Item>
          </dl>
        </section>
      ) : null}
      <section className="card record__group" aria-labelledby="rec-contact">
        <h2 id="rec-contact" className="record__title">
          {t('patients.form.contact')}
        </h2>
        <dl className="record__grid">
          <Item label={t('patients.fields.phone')}>{p.phone}</Item>
          <Item label={t('patients.fields.email')}>{show('email', p.email)}</Item>
          <Item label={t('patients.fields.lineId')}>{show('lineId', p.lineId)}</Item>
          <Item label={t('patients.fields.address')} wide>
            {show('address', p.address)}
          </Item>
          <Item label={t('patients.fields.emergencyContact')} wide>
            {show('emergencyContact', p.emergencyContact)}
          </Item>
        </dl>
      </section>
      <section className="card record__group" aria-labelledby="rec-medical">
        <h2 id="rec-medical" className="record__title">
          {t('patients.form.medical')}
        </h2>
        <dl className="record__grid">
          <Item label={t('patients.fields.riskMedications')} wide flagged={p.riskMedications.length > 0}>
            {show('riskMedications', p.riskMedications)}
          </Item>
          <Item label={t('patients.fields.pregnancy')} flagged={p.pregnancy === 'pregnant' || p.pregnancy === 'breastfeeding'}>
            {show('pregnancy', p.pregnancy)}
          </Item>
          <Item label={t('patients.fields.smoking')} flagged={p.smoking === 'current'}>
            {show('smoking', p.smoking)}
          </Item>
          <Item label={t('patients.fields.keloidHistory')} flagged={p.keloidHistory}>
            {show('keloidHistory', p.keloidHistory)}
          </Item>
          <Item label={t('patients.fields.allergies')} wide flagged={Boolean(p.allergies)}>
            <span className="pre">{show('allergies', p.allergies)}</span>
          </Item>
          <Item label={t('patients.fields.medications')} wide>
            <span className="pre">{show('medications', p.medications)}</span>
          </Item>
          <Item label={t('patients.fields.medicalHistory')} wide>
            <span className="pre">{show('medicalHistory', p.medicalHistory)}</span>
          </Item>
          <Item label={t('patients.fields.priorProcedures')} wide>
            <span className="pre">{show('priorProcedures', p.priorProcedures)}</span>
          </Item>
        </dl>
      </section>
      <p className="muted small">
        {t('patients.page.version', { version: p.version })} · {t('patients.page.updatedAt', { time: formatDateTime(p.updatedAt, timeZone, lang) })}
      </p>
    </div>
  );
}
