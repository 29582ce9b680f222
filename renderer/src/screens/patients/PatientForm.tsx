import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import { dateInZone } from '../../../../shared/dates';
import type { Patient } from '../../../../shared/schemas/patient';
import type { ApiError } from '../../../../shared/errors';
import { callApi } from '../../api';
import { FormActions } from '../../components/FormActions';
import { errorText, isEditedElsewhere } from '../../components/FormMessage';
import { rootError, useFormError } from '../../forms';
import { nestedResolver, placeServerError } from './nestedForm';
import {
  EMPTY_PATIENT,
  fromPatient,
  guardianMode,
  patientFormChecks,
  patientRename,
  toPatientFields,
  type PatientFormValues,
} from './patientForm';
import { ContactSection, GuardianSection, IdentitySection, MedicalSection } from './PatientFormSections';
import { useSuggestedChartNo } from './suggestChartNo';

/**
 * The whole patient record as a form: a new patient (patients.create) or an edit of the version on screen
 * (patients.update with expectedVersion, so two people editing at once cannot overwrite each other).
 */
export function PatientForm({
  patient,
  timeZone,
  onSaved,
  onCancel,
  onReloadLatest,
}: {
  /** The record being edited; absent for a new patient. */
  patient?: Patient;
  timeZone: string;
  onSaved: (patient: Patient) => void;
  onCancel: () => void;
  /** Offered when someone else saved this record meanwhile. */
  onReloadLatest?: () => void;
}) {
  const { t } = useTranslation();
  // The clinic's today decides who is a minor, whatever this computer's own time zone is.
  const today = useMemo(() => dateInZone(new Date(), timeZone), [timeZone]);
  const { formError, setFormError } = useFormError();
  const [conflict, setConflict] = useState<ApiError | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    setValue,
    control,
    formState: { errors, isSubmitting },
  } = useForm<PatientFormValues>({
    mode: 'onTouched',
    defaultValues: patient ? fromPatient(patient) : EMPTY_PATIENT,
    resolver: nestedResolver(api['patients.create'].input, (v: PatientFormValues) => toPatientFields(v, today), {
      rename: patientRename,
      extra: patientFormChecks(today),
    }),
  });
  const [birthDate, guardian, pregnancy, smoking] = useWatch({ control, name: ['birthDate', 'guardian', 'pregnancy', 'smoking'] });
  const mode = guardianMode({ birthDate, guardian }, today);
  // A new patient gets the next free chart number filled in (editable).
  const chartNoSuggested = useSuggestedChartNo(!patient, () => getValues('chartNo'), (c) => setValue('chartNo', c, { shouldDirty: true }));

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    setConflict(null);
    const fields = toPatientFields(v, today);
    const r = patient
      ? await callApi('patients.update', { patientId: patient.id, expectedVersion: patient.version, fields })
      : await callApi('patients.create', fields);
    if (r.ok) {
      onSaved(r.value);
      return;
    }
    if (r.error.code === 'conflict' && !r.error.issues?.length) {
      setConflict(r.error);
      return;
    }
    setFormError(placeServerError(r.error, getValues(), setError, patientRename));
  });

  const title = patient ? t('patients.page.edit') : t('patients.addTitle');
  return (
    <form className="form pform" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
      {chartNoSuggested ? (
        <p className="muted" data-testid="chart-no-suggested">
          {t('workday.chartNoSuggested')}
        </p>
      ) : null}
      <IdentitySection register={register} errors={errors} birthDate={birthDate} today={today} />
      <GuardianSection register={register} errors={errors} mode={mode} />
      <ContactSection register={register} errors={errors} />
      <MedicalSection
        register={register}
        errors={errors}
        pregnancyFlagged={pregnancy === 'pregnant' || pregnancy === 'breastfeeding'}
        smokingFlagged={smoking === 'current'}
      />
      {/* Sticky at the bottom, so a form-level error or a conflict is seen whatever part of the form is on screen. */}
      <div className="pform__actions">
        {conflict ? (
          <div className="notice notice--error conflict" role="alert" data-testid="edit-conflict">
            <strong className="conflict__title">{t('patients.page.conflictTitle')}</strong>
            {/* Who saved it and when (issue 14), then what to do. */}
            <p>{isEditedElsewhere(conflict) ? errorText(conflict, timeZone) : t('patients.page.conflictBody')}</p>
            {onReloadLatest ? (
              <button type="button" className="btn btn--secondary" onClick={onReloadLatest}>
                {t('patients.page.reloadLatest')}
              </button>
            ) : null}
          </div>
        ) : null}
        <FormActions
          error={formError ?? rootError(errors)}
          onCancel={onCancel}
          cancelLabel={patient ? t('patients.page.cancelEdit') : t('common.cancel')}
          submitLabel={isSubmitting ? t('patients.form.saving') : patient ? t('patients.form.submitSave') : t('patients.form.submitCreate')}
          submitDisabled={isSubmitting}
        />
      </div>
    </form>
  );
}
