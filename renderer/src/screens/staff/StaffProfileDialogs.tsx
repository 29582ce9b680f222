import { useState } from 'react';
import { useForm, useWatch, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../shared/errors';
import { ROLES, type Role, type StaffMember, type StaffRevision } from '../../../../shared/schemas/staff';
import { callApi, useApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/FormMessage';
import { applyServerError, contractResolver, rootError, useFormError } from '../../forms';
import { formatDateTime } from '../../clinicTime';
import './staff.css';

interface ProfileForm {
  staffId: string;
  role: Role;
  licenceNo: string;
  specialty: string;
}
const FIELDS = ['role', 'licenceNo', 'specialty'] as const;
/**
 * Licence number and specialty belong to physicians: for other roles they are cleared. `expectedVersion` is the
 * person's version the form was loaded at (issue 14).
 */
const profileInput = (v: ProfileForm, expectedVersion: number) => {
  const physician = v.role === 'physician';
  return { staffId: v.staffId, expectedVersion, role: v.role, licenceNo: physician ? v.licenceNo : null, specialty: physician ? v.specialty : null };
};
const profileForm = (m: StaffMember): ProfileForm => ({ staffId: m.id, role: m.role, licenceNo: m.licenceNo ?? '', specialty: m.specialty ?? '' });

/** The fields a staff form asks about the person's role: the role, and for physicians licence number and specialty. */
type RoleFieldValues = { role: Role; licenceNo: string; specialty: string };

/** Physicians need a licence number and a specialty. The shared schema says so too, but only once every other field is valid; say it at once. */
export const physicianDetailsChecks = (v: RoleFieldValues): FieldIssue[] => [
  ...(v.role === 'physician' && !v.licenceNo.trim() ? [{ path: ['licenceNo'], messageKey: 'validation.physicianLicenceRequired' }] : []),
  ...(v.role === 'physician' && !v.specialty.trim() ? [{ path: ['specialty'], messageKey: 'validation.physicianSpecialtyRequired' }] : []),
];

/**
 * The role, then licence number and specialty: always in the DOM (so a submit focuses the first invalid field in
 * reading order), shown for physicians. `role` is the role chosen now (watched by the form).
 */
export function RoleFields({
  form: { register, errors },
  role,
  autoFocus,
}: {
  form: { register: UseFormRegister<RoleFieldValues>; errors: FieldErrors<RoleFieldValues> };
  role: Role;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('staff.role')} error={errors.role?.message}>
        {(p) => (
          <select {...p} autoFocus={autoFocus} {...register('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div hidden={role !== 'physician'}>
        <Field label={t('staff.licenceNo')} error={errors.licenceNo?.message} hint={t('staff.licenceHint')}>
          {(p) => <input {...p} autoComplete="off" {...register('licenceNo')} />}
        </Field>
        <Field label={t('staff.specialty')} error={errors.specialty?.message}>
          {(p) => <input {...p} autoComplete="off" {...register('specialty')} />}
        </Field>
      </div>
    </>
  );
}

/** Corrects role, licence number and specialty; the previous values stay in the history. */
export function EditStaffDialog({
  member,
  timeZone,
  onCancel,
  onDone,
}: {
  member: StaffMember;
  /** The clinic's time zone, for the time a refusal names. */
  timeZone: string;
  onCancel: () => void;
  onDone: (m: StaffMember, changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const { formError, setFormError } = useFormError();
  // The person as this form knows them: as listed, or as reloaded after another administrator's change.
  const [basis, setBasis] = useState(member);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ProfileForm>({
    mode: 'onTouched',
    defaultValues: profileForm(member),
    resolver: contractResolver('staff.update', (v: ProfileForm) => profileInput(v, member.version), FIELDS, physicianDetailsChecks),
  });
  const role = useWatch({ control, name: 'role' });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callApi('staff.update', profileInput(v, basis.version));
    if (!r.ok) {
      // Refused because another administrator changed this person meanwhile: the choices stay until Reload.
      setFormError(applyServerError(r.error, FIELDS, setError));
      return;
    }
    const changed = r.value.role !== basis.role || r.value.licenceNo !== basis.licenceNo || r.value.specialty !== basis.specialty;
    onDone(r.value, changed);
  });

  /** The person as saved now, in place of what was chosen here. */
  const reload = async () => {
    const r = await callApi('staff.list', { includeInactive: true });
    const now = r.ok ? r.value.find((m) => m.id === member.id) : undefined;
    if (!now) return;
    setFormError(null);
    setBasis(now);
    reset(profileForm(now));
  };

  const title = t('staffAccounts.editTitle', { name: member.name });
  return (
    <Dialog title={title} onCancel={onCancel} testId="edit-staff-dialog">
      <p className="muted">{t('staffAccounts.editIntro')}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <p>
          {member.name} <span className="muted mono">{member.loginId}</span>
        </p>
        <RoleFields form={{ register, errors }} role={role} autoFocus />
        <FormActions
          error={formError ?? rootError(errors)}
          onCancel={onCancel}
          submitLabel={t('staffAccounts.editSubmit')}
          submitDisabled={isSubmitting}
          onReload={() => void reload()}
          timeZone={timeZone}
        />
      </form>
    </Dialog>
  );
}

function RevisionChanges({ revision }: { revision: StaffRevision }) {
  const { t } = useTranslation();
  const show = (v: string | null) => v ?? t('staffAccounts.empty');
  const rows: { field: string; from: string; to: string }[] = [];
  const { before, after } = revision;
  if (before.role !== after.role) rows.push({ field: t('staff.role'), from: t(`roles.${before.role}`), to: t(`roles.${after.role}`) });
  if (before.licenceNo !== after.licenceNo) rows.push({ field: t('staff.licenceNo'), from: show(before.licenceNo), to: show(after.licenceNo) });
  if (before.specialty !== after.specialty) rows.push({ field: t('staff.specialty'), from: show(before.specialty), to: show(after.specialty) });
  return (
    <ul className="staff-history__changes">
      {rows.map((r) => (
        <li key={r.field}>{t('staffAccounts.historyFromTo', r)}</li>
      ))}
    </ul>
  );
}

/** What role, licence number and specialty were, and who changed them when. */
export function StaffHistoryDialog({ member, timeZone, onClose }: { member: StaffMember; timeZone: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const history = useApi('staff.history', { staffId: member.id });
  return (
    <Dialog title={t('staffAccounts.historyTitle', { name: member.name })} onCancel={onClose} testId="staff-history-dialog">
      <FormError error={history.error} />
      {history.state === 'loading' ? <p className="muted">{t('common.loading')}</p> : null}
      {history.state === 'ok' && history.value.length === 0 ? <p className="muted">{t('staffAccounts.historyNone')}</p> : null}
      {history.state === 'ok' && history.value.length > 0 ? (
        <ol className="staff-history">
          {history.value.map((r) => (
            <li key={r.id} data-testid="staff-revision">
              <p className="staff-history__when">
                {t('staffAccounts.historyEntry', { at: formatDateTime(r.at, timeZone, i18n.language), by: r.byName })}
              </p>
              <RevisionChanges revision={r} />
            </li>
          ))}
        </ol>
      ) : null}
      <div className="actions actions--end">
        <button type="button" className="btn btn--secondary" onClick={onClose} autoFocus>
          {t('staffAccounts.close')}
        </button>
      </div>
    </Dialog>
  );
}
