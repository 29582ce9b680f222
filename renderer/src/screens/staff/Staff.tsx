import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../shared/errors';
import type { SessionInfo } from '../../../../shared/schemas/session';
import type { Role, StaffMember } from '../../../../shared/schemas/staff';
import { EditStaffDialog, physicianDetailsChecks, RoleFields, StaffHistoryDialog } from './StaffProfileDialogs';
import { callApi, useApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { RecordTable } from '../../components/RecordTable';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { applyServerError, rootError, confirmMatches, contractResolver, newPasswordChecks, useFormError } from '../../forms';
import './staff.css';

type Pending = { kind: 'deactivate' | 'reactivate' | 'reset' | 'edit' | 'history'; member: StaffMember } | null;

/** Staff (admin): everyone with an account, add a member, deactivate/reactivate, reset a password. */
export function Staff({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const list = useApi('staff.list', { includeInactive: true });
  const [adding, setAdding] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const [message, setMessage] = useState<string | null>(null);

  const done = (text: string) => {
    setPending(null);
    setMessage(text);
    list.reload();
  };

  return (
    <section aria-labelledby="staff-title">
      <div className="section-header">
        <h1 id="staff-title">{t('staff.title')}</h1>
        {!adding ? (
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => {
              setMessage(null);
              setAdding(true);
            }}
          >
            {t('staff.add')}
          </button>
        ) : null}
      </div>
      <FormSuccess>{message}</FormSuccess>
      {adding ? (
        <AddStaffForm
          onCancel={() => setAdding(false)}
          onAdded={(m) => {
            setAdding(false);
            done(t('staff.added', { name: m.name }));
          }}
        />
      ) : null}
      <FormError error={list.error} />
      {list.state === 'loading' ? <p className="muted">{t('common.loading')}</p> : null}
      {list.state === 'ok' ? (
        <RecordTable
          className="table staff__table"
          labelledBy="staff-title"
          rows={list.value}
          rowKey={(m) => m.id}
          rowTestId="staff-row"
          rowClassName={(m) => (m.active ? '' : 'row--inactive')}
          columns={[
            {
              id: 'name',
              header: t('staff.name'),
              className: 'nowrap',
              cell: (m) => (
                <>
                  {m.name}
                  {m.id === session.staff.id ? <span className="muted you">{t('staff.you')}</span> : null}
                </>
              ),
            },
            { id: 'loginId', header: t('staffAccounts.loginId'), className: 'nowrap mono', cell: (m) => m.loginId },
            { id: 'role', header: t('staff.role'), cell: (m) => t(`roles.${m.role}`) },
            { id: 'licence', header: t('staff.licenceNo'), className: 'nowrap', cell: (m) => m.licenceNo ?? '—' },
            { id: 'specialty', header: t('staff.specialty'), cell: (m) => m.specialty ?? '—' },
            {
              id: 'status',
              header: t('staff.status'),
              cell: (m) => (
                <>
                  <span className={m.active ? 'badge badge--ok' : 'badge badge--muted'}>{m.active ? t('staff.active') : t('staff.inactive')}</span>
                  {m.active && m.passwordChangeRequired ? <span className="badge badge--warning staff__temporary">{t('staffAccounts.temporaryBadge')}</span> : null}
                </>
              ),
            },
          ]}
          actions={{ label: t('staff.actions'), labelShown: true, cell: (m) => <StaffActions member={m} self={m.id === session.staff.id} onPick={setPending} /> }}
        />
      ) : null}
      {pending?.kind === 'edit' ? (
        <EditStaffDialog
          key={`edit-${pending.member.id}`}
          member={pending.member}
          timeZone={session.timeZone}
          onCancel={() => setPending(null)}
          onDone={(m, changed) => done(changed ? t('staffAccounts.updated', { name: m.name }) : t('staffAccounts.unchanged'))}
        />
      ) : null}
      {pending?.kind === 'history' ? (
        <StaffHistoryDialog key={`history-${pending.member.id}`} member={pending.member} timeZone={session.timeZone} onClose={() => setPending(null)} />
      ) : null}
      {pending?.kind === 'deactivate' ? (
        <ConfirmDeactivate
          member={pending.member}
          onCancel={() => setPending(null)}
          onDone={(m) => done(t('staff.deactivated', { name: m.name }))}
        />
      ) : null}
      {pending?.kind === 'reset' || pending?.kind === 'reactivate' ? (
        <PasswordDialog
          key={`${pending.kind}-${pending.member.id}`}
          mode={pending.kind}
          member={pending.member}
          onCancel={() => setPending(null)}
          onDone={() =>
            done(
              pending.kind === 'reset'
                ? t('staff.resetDone', { name: pending.member.name })
                : t('staff.reactivated', { name: pending.member.name }),
            )
          }
        />
      ) : null}
    </section>
  );
}

type PendingKind = NonNullable<Pending>['kind'];

/** A member's buttons: edit, history and reset while active; (re)activation for anyone but oneself. */
function StaffActions({ member: m, self, onPick }: { member: StaffMember; self: boolean; onPick: (p: Pending) => void }) {
  const { t } = useTranslation();
  const button = (kind: PendingKind, label: string, className = 'btn btn--secondary btn--small') => (
    <button type="button" className={className} onClick={() => onPick({ kind, member: m })}>
      {label}
    </button>
  );
  return (
    <>
      {m.active ? button('edit', t('staffAccounts.edit')) : null}
      {button('history', t('staffAccounts.history'))}
      {m.active ? button('reset', t('staff.resetPassword')) : null}
      {self ? null : m.active ? button('deactivate', t('staff.deactivate'), 'btn btn--danger-outline btn--small') : button('reactivate', t('staff.reactivate'))}
    </>
  );
}

interface AddForm {
  name: string;
  loginId: string;
  role: Role;
  licenceNo: string;
  specialty: string;
  password: string;
  confirm: string;
}
const ADD_FIELDS = ['name', 'loginId', 'role', 'licenceNo', 'specialty', 'password', 'confirm'] as const;
const EMPTY_ADD: AddForm = { name: '', loginId: '', role: 'consultant', licenceNo: '', specialty: '', password: '', confirm: '' };

/** Licence number and specialty are asked only of physicians, and sent only for them. */
const addInput = (v: AddForm) => ({
  name: v.name,
  // Left empty, the name is the login id; a colleague with the same name needs one of their own.
  ...(v.loginId.trim() ? { loginId: v.loginId } : {}),
  role: v.role,
  ...(v.role === 'physician' ? { licenceNo: v.licenceNo, specialty: v.specialty } : {}),
  password: v.password,
});

function AddStaffForm({ onCancel, onAdded }: { onCancel: () => void; onAdded: (m: StaffMember) => void }) {
  const { t } = useTranslation();
  const { formError, setFormError } = useFormError();
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<AddForm>({
    mode: 'onTouched',
    defaultValues: EMPTY_ADD,
    shouldUnregister: false,
    resolver: contractResolver('staff.add', addInput, ADD_FIELDS, (v): FieldIssue[] => [...confirmMatches<AddForm>('password', 'confirm')(v), ...physicianDetailsChecks(v)]),
  });
  const [name, role, password] = useWatch({ control, name: ['name', 'role', 'password'] });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r = await callApi('staff.add', addInput(v));
    if (r.ok) onAdded(r.value);
    else setFormError(applyServerError(r.error, ADD_FIELDS, setError));
  });

  return (
    <div className="card card--panel">
      <h2 className="card__title" id="add-staff-title">
        {t('staff.addTitle')}
      </h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-staff-title">
        <div className="columns">
          <div>
            <Field label={t('staff.name')} error={errors.name?.message} hint={t('staffAccounts.nameHint')}>
              {(p) => <input {...p} autoComplete="off" autoFocus {...register('name')} />}
            </Field>
            <Field label={t('staffAccounts.loginId')} error={errors.loginId?.message} hint={t('staffAccounts.loginIdHint')}>
              {(p) => <input {...p} autoComplete="off" spellCheck={false} placeholder={name} {...register('loginId')} />}
            </Field>
            <RoleFields form={{ register, errors }} role={role} />
          </div>
          <div>
            <NewPasswordFields
              form={{ register, errors }}
              names={['password', 'confirm']}
              labels={[t('staff.initialPassword'), t('staff.confirmPassword')]}
              value={password}
              owner={name}
              between={<p className="muted">{t('staffAccounts.temporaryPasswordNote')}</p>}
            />
          </div>
        </div>
        <FormActions error={formError ?? rootError(errors)} onCancel={onCancel} submitLabel={t('staff.submitAdd')} submitDisabled={isSubmitting} />
      </form>
    </div>
  );
}

function ConfirmDeactivate({
  member,
  onCancel,
  onDone,
}: {
  member: StaffMember;
  onCancel: () => void;
  onDone: (m: StaffMember) => void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('staff.confirmDeactivateTitle')}
      testId="confirm-dialog"
      confirmLabel={t('staff.deactivate')}
      danger
      action={() => callApi('staff.deactivate', { staffId: member.id })}
      onDone={onDone}
      onCancel={onCancel}
    >
      <p>{t('staff.confirmDeactivateBody', { name: member.name })}</p>
    </ConfirmDialog>
  );
}

interface PasswordForm {
  staffId: string;
  newPassword: string;
  confirm: string;
}
const PASSWORD_FIELDS = ['newPassword', 'confirm'] as const;
const passwordInput = (v: PasswordForm) => ({ staffId: v.staffId, newPassword: v.newPassword });

/**
 * A new password for someone else: a reset (active member) or a reactivation (deactivation removed the
 * person's key, so coming back needs a new password).
 */
function PasswordDialog({
  mode,
  member,
  onCancel,
  onDone,
}: {
  mode: 'reset' | 'reactivate';
  member: StaffMember;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { formError, setFormError } = useFormError();
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<PasswordForm>({
    mode: 'onTouched',
    defaultValues: { staffId: member.id, newPassword: '', confirm: '' },
    resolver: contractResolver(
      mode === 'reset' ? 'staff.resetPassword' : 'staff.reactivate',
      passwordInput,
      PASSWORD_FIELDS,
      newPasswordChecks<PasswordForm>('newPassword', 'confirm', () => [member.name]),
    ),
  });
  const newPassword = useWatch({ control, name: 'newPassword' });

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    const r =
      mode === 'reset'
        ? await callApi('staff.resetPassword', passwordInput(v))
        : await callApi('staff.reactivate', passwordInput(v));
    if (r.ok) onDone();
    else setFormError(applyServerError(r.error, PASSWORD_FIELDS, setError));
  });

  const title =
    mode === 'reset' ? t('staff.resetTitle', { name: member.name }) : t('staff.reactivateTitle', { name: member.name });
  return (
    <Dialog title={title} onCancel={onCancel} testId={mode === 'reset' ? 'reset-dialog' : 'reactivate-dialog'}>
      <p className="muted">{mode === 'reset' ? t('staff.resetIntro') : t('staff.reactivateIntro')}</p>
      <p className="muted">{t('staffAccounts.temporaryPasswordNote')}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <NewPasswordFields
          form={{ register, errors }}
          names={['newPassword', 'confirm']}
          labels={[t('staff.newPassword'), t('staff.confirmPassword')]}
          value={newPassword}
          owner={member.name}
          autoFocus
        />
        <FormActions
          error={formError ?? rootError(errors)}
          onCancel={onCancel}
          submitLabel={mode === 'reset' ? t('staff.resetSubmit') : t('staff.reactivate')}
          submitDisabled={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
