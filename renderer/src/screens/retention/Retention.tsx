import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DestructionRecord, ProposalView, RetentionDueItem } from '../../../../shared/schemas/retention';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { useApi } from '../../api';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { useChannelForm } from '../../components/channelForm';
import { formatCalendarDate, formatDateTime } from '../../clinicTime';
import { DestructionDetails, HoldList } from './HoldAndDestructionDetails';
import { ReasonDialog, RetentionDialogActions } from './ReasonDialog';
import { RetentionTable } from './RetentionTable';
import './retention.css';

/**
 * Retention (administrators): patients past retention with their holds, proposals waiting for a second
 * administrator, and the destruction log.
 */
export function Retention({ session }: { session: SessionInfo }) {
  const { t, i18n } = useTranslation();
  const overview = useApi('retention.overview', {});
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<ProposalView[] | null>(null);
  const [withdrawing, setWithdrawing] = useState<ProposalView | null>(null);
  const [done, setDone] = useState<{ at: string; destructions: DestructionRecord[] } | null>(null);
  const tz = session.timeZone;
  const v = overview.value;

  return (
    <section aria-labelledby="retention-title" className="rt-page" data-testid="retention">
      <div className="section-header">
        <h1 id="retention-title">{t('retention.title')}</h1>
      </div>
      <p className="muted">{t('retention.intro')}</p>
      <FormError error={overview.error} />
      <FormSuccess>{message}</FormSuccess>
      {done ? (
        <div className="notice notice--success" role="status" data-testid="destruction-done">
          <p>{t('retention.destroyedMessage', { count: done.destructions.length, at: formatDateTime(done.at, tz, i18n.language) })}</p>
          <p>{t('retention.backupNotice')}</p>
        </div>
      ) : null}
      {overview.state === 'loading' && !v ? <p className="muted">{t('common.loading')}</p> : null}
      {v ? (
        <>
          <p className="small muted">{t('retention.today', { date: formatCalendarDate(v.today, i18n.language) })}</p>
          {v.clinicHolds.length > 0 ? (
            <div className="notice notice--warning" data-testid="clinic-holds">
              {t('retention.clinicHolds', { count: v.clinicHolds.length })}
            </div>
          ) : null}
          <Proposals
            proposals={v.proposals}
            session={session}
            onConfirm={(list) => {
              setMessage(null);
              setDone(null);
              setConfirming(list);
            }}
            onWithdraw={setWithdrawing}
          />
          <DueList
            key={v.proposals.map((p) => p.id).join()}
            due={v.due}
            truncated={v.dueTruncated}
            timeZone={tz}
            onProposed={(n) => {
              setDone(null);
              setMessage(t('retention.proposed', { count: n }));
              overview.reload();
            }}
          />
          <section className="rt-section card" aria-labelledby="retention-log">
            <h2 id="retention-log">{t('retention.logTitle')}</h2>
            {v.recentDestructions.length === 0 ? (
              <p className="empty">{t('retention.noLog')}</p>
            ) : (
              <div className="rt-log">
                {v.recentDestructions.map((d) => (
                  <article key={d.proposalId} className="rt-log__item" data-testid={`log-${d.chartNo}`}>
                    <h3>
                      <span className="mono">{d.chartNo}</span> <span className="badge rt-badge--destroyed">{t('retention.tombstone.badge')}</span>
                    </h3>
                    <DestructionDetails record={d} timeZone={tz} />
                  </article>
                ))}
              </div>
            )}
          </section>
        </>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          proposals={confirming}
          onCancel={() => setConfirming(null)}
          onDone={(r) => {
            setConfirming(null);
            setDone(r);
            overview.reload();
          }}
        />
      ) : null}
      {withdrawing ? (
        <WithdrawDialog
          proposal={withdrawing}
          onCancel={() => setWithdrawing(null)}
          onDone={() => {
            setWithdrawing(null);
            setDone(null);
            setMessage(t('retention.withdrawn'));
            overview.reload();
          }}
        />
      ) : null}
    </section>
  );
}

function Proposals({
  proposals,
  session,
  onConfirm,
  onWithdraw,
}: {
  proposals: ProposalView[];
  session: SessionInfo;
  onConfirm: (list: ProposalView[]) => void;
  onWithdraw: (p: ProposalView) => void;
}) {
  const { t, i18n } = useTranslation();
  const tz = session.timeZone;
  // Only proposals someone else made, and with no hold since, can be confirmed here.
  const confirmable = proposals.filter((p) => p.proposedById !== session.staff.id && p.holds.length === 0);
  return (
    <section className="rt-section card" aria-labelledby="retention-proposals" data-testid="proposals">
      <h2 id="retention-proposals">{t('retention.proposalsTitle')}</h2>
      {proposals.length === 0 ? (
        <p className="empty">{t('retention.noProposals')}</p>
      ) : (
        <>
          <RetentionTable columns={['chartNo', 'name', 'retentionDate', 'proposedBy', 'holds']} buttonColumn>
            {proposals.map((p) => (
              <tr key={p.id} data-testid={`proposal-${p.chartNo}`}>
                <td className="mono nowrap">{p.chartNo}</td>
                <th scope="row" className="nowrap">
                  {p.nameZh}
                </th>
                <td className="nowrap">{formatCalendarDate(p.retentionDate, i18n.language)}</td>
                <td>
                  {p.proposedByName}
                  <div className="muted small">{formatDateTime(p.proposedAt, tz, i18n.language)}</div>
                  {p.proposedById === session.staff.id ? <div className="small">{t('retention.ownProposal')}</div> : null}
                </td>
                <td>
                  <HoldList holds={p.holds} timeZone={tz} />
                </td>
                <td>
                  <button type="button" className="btn btn--secondary btn--small" onClick={() => onWithdraw(p)}>
                    {t('retention.withdraw')}
                  </button>
                </td>
              </tr>
            ))}
          </RetentionTable>
          <div className="rt-actions">
            <button type="button" className="btn btn--danger" disabled={confirmable.length === 0} onClick={() => onConfirm(confirmable)}>
              {t('retention.confirm', { count: confirmable.length })}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function DueList({ due, truncated, timeZone, onProposed }: { due: RetentionDueItem[]; truncated: boolean; timeZone: string; onProposed: (n: number) => void }) {
  const { t, i18n } = useTranslation();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const propose = useChannelForm('retention.propose', []);
  const selectable = (d: RetentionDueItem) => d.holds.length === 0 && !d.pendingProposalId;
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <section className="rt-section card" aria-labelledby="retention-due" data-testid="due">
      <h2 id="retention-due">{t('retention.dueTitle')}</h2>
      {due.length === 0 ? (
        <p className="empty">{t('retention.noneDue')}</p>
      ) : (
        <>
          {truncated ? <p className="small muted">{t('retention.dueTruncated', { count: due.length })}</p> : null}
          <RetentionTable columns={['select', 'chartNo', 'name', 'lastEntry', 'retentionDate', 'holds']}>
            {due.map((d) => (
              <tr key={d.patientId} data-testid={`due-${d.chartNo}`}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('retention.columns.select') + ' ' + d.chartNo}
                    disabled={!selectable(d)}
                    checked={selected.has(d.patientId)}
                    onChange={() => toggle(d.patientId)}
                  />
                </td>
                <td className="mono nowrap">{d.chartNo}</td>
                <th scope="row" className="nowrap">
                  {d.nameZh}
                </th>
                <td className="nowrap">
                  {t(`retention.entryKinds.${d.lastEntryKind}`)} · {formatCalendarDate(d.lastEntryDate, i18n.language)}
                </td>
                <td className="nowrap">
                  {formatCalendarDate(d.retentionDate, i18n.language)}
                  {d.basis === 'adulthood' ? <div className="small muted">{t('patients.flags.minor')}</div> : null}
                </td>
                <td>
                  {d.pendingProposalId ? <span className="badge rt-badge--pending">{t('retention.pendingBadge')}</span> : null}
                  <HoldList holds={d.holds} timeZone={timeZone} />
                </td>
              </tr>
            ))}
          </RetentionTable>
          <FormError error={propose.formError} />
          <div className="rt-actions">
            <button
              type="button"
              className="btn btn--primary"
              disabled={selected.size === 0 || propose.busy}
              onClick={() =>
                void propose.submit({ patientIds: [...selected] }).then((r) => {
                  if (!r) return;
                  setSelected(new Set());
                  onProposed(r.length);
                })
              }
            >
              {t('retention.propose', { count: selected.size })}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function ConfirmDialog({
  proposals,
  onCancel,
  onDone,
}: {
  proposals: ProposalView[];
  onCancel: () => void;
  onDone: (r: { at: string; destructions: DestructionRecord[] }) => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const form = useChannelForm('retention.confirmDestruction', ['password']);
  return (
    <Dialog title={t('retention.confirmTitle')} onCancel={onCancel} testId="confirm-destruction">
      <form className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit({ proposalIds: proposals.map((p) => p.id), password }).then((r) => r && onDone({ at: r.destroyedAt, destructions: r.destructions }));
        }}
      >
        <p>{t('retention.confirmIntro')}</p>
        <ul className="rt-dialog-list">
          {proposals.map((p) => (
            <li key={p.id}>
              <span className="mono">{p.chartNo}</span> {p.nameZh}
            </li>
          ))}
        </ul>
        <p className="small">{t('retention.confirmKept')}</p>
        <div className="notice notice--warning" data-testid="backup-notice">
          {t('retention.backupNotice')}
        </div>
        <p className="small muted">{t('retention.auditNotice')}</p>
        <Field label={t('retention.password')} error={form.errors.password}>
          {(p) => <input {...p} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <RetentionDialogActions error={form.formError} onCancel={onCancel} submitLabel={t('retention.confirmSubmit')} busy={form.busy} danger />
      </form>
    </Dialog>
  );
}

function WithdrawDialog({ proposal, onCancel, onDone }: { proposal: ProposalView; onCancel: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useChannelForm('retention.withdrawProposal', ['reason']);
  return (
    <ReasonDialog
      title={t('retention.withdrawTitle', { chartNo: proposal.chartNo })}
      submitLabel={t('retention.withdraw')}
      form={form}
      onSubmit={(reason) => void form.submit({ proposalId: proposal.id, reason }).then((r) => r && onDone())}
      onCancel={onCancel}
    />
  );
}
