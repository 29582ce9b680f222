import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../shared/errors';
import { ProcedureCategory, type ProcedureListItem } from '../../../../shared/schemas/catalogue';
import type { Patient } from '../../../../shared/schemas/patient';
import { callApi, useApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormMessage';
import { applyServerError, contractResolver, rootError, useFormError } from '../../forms';

interface StartForm {
  procedureId: string;
  physicianId: string;
}
const FIELDS = ['procedureId', 'physicianId'] as const;

/** A consultation uses the published sheet in the patient's language, else the Chinese one (as the main process does). */
export function hasSheetFor(p: ProcedureListItem, patient: Pick<Patient, 'preferredLocale'>): boolean {
  return p.publishedVersion[patient.preferredLocale] !== null || p.publishedVersion['zh-TW'] !== null;
}

/** Choose the procedure and the operating physician, then start (consultations.start) and open the consultation. */
export function StartConsultationDialog({
  patient,
  onCancel,
  onStarted,
}: {
  patient: Patient;
  onCancel: () => void;
  onStarted: (consultationId: string) => void;
}) {
  const { t } = useTranslation();
  const procedures = useApi('procedures.list', {});
  const physicians = useApi('staff.physicians', {});
  const { formError, setFormError } = useFormError();
  const toInput = (v: StartForm) => ({ patientId: patient.id, procedureId: v.procedureId, physicianId: v.physicianId });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<StartForm>({
    defaultValues: { procedureId: '', physicianId: '' },
    resolver: contractResolver('consultations.start', toInput, FIELDS, (v): FieldIssue[] =>
      FIELDS.filter((f) => !v[f]).map((f) => ({ path: [f], messageKey: 'validation.required' })),
    ),
  });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callApi('consultations.start', toInput(v));
    if (r.ok) onStarted(r.value.consultation.id);
    else setFormError(applyServerError(r.error, FIELDS, setError));
  });

  const noPhysicians = physicians.state === 'ok' && physicians.value.length === 0;
  return (
    <Dialog title={t('patients.startDialog.title', { name: patient.nameZh })} onCancel={onCancel} testId="start-consultation-dialog">
      <p className="muted">{t('patients.startDialog.intro')}</p>
      <FormError error={procedures.error ?? physicians.error} />
      {noPhysicians ? <div className="notice notice--warning">{t('patients.startDialog.noPhysicians')}</div> : null}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('patients.startDialog.submit')}>
        <Field label={t('patients.startDialog.procedure')} error={errors.procedureId?.message} hint={t('patients.startDialog.procedureHint')}>
          {(p) => (
            <select {...p} autoFocus disabled={procedures.state !== 'ok'} {...register('procedureId')}>
              <option value="">{t('patients.choose')}</option>
              {procedures.state === 'ok'
                ? ProcedureCategory.options.map((cat) => {
                    const items = procedures.value.filter((x) => x.category === cat && x.active);
                    if (items.length === 0) return null;
                    return (
                      <optgroup key={cat} label={t(`catalogue.categories.${cat}`)}>
                        {items.map((x) => {
                          const ok = hasSheetFor(x, patient);
                          return (
                            <option key={x.id} value={x.id} disabled={!ok}>
                              {ok ? x.nameZh : t('patients.startDialog.noTemplate', { name: x.nameZh })}
                            </option>
                          );
                        })}
                      </optgroup>
                    );
                  })
                : null}
            </select>
          )}
        </Field>
        <Field label={t('patients.startDialog.physician')} error={errors.physicianId?.message}>
          {(p) => (
            <select {...p} disabled={physicians.state !== 'ok' || noPhysicians} {...register('physicianId')}>
              <option value="">{t('patients.choose')}</option>
              {physicians.state === 'ok'
                ? physicians.value.map((d) => (
                    <option key={d.id} value={d.id}>
                      {t('patients.startDialog.physicianOption', { name: d.name, specialty: d.specialty })}
                    </option>
                  ))
                : null}
            </select>
          )}
        </Field>
        <FormActions
          error={formError ?? rootError(errors)}
          onCancel={onCancel}
          submitLabel={isSubmitting ? t('patients.startDialog.starting') : t('patients.startDialog.submit')}
          submitDisabled={isSubmitting || noPhysicians}
        />
      </form>
    </Dialog>
  );
}
