import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureListItem } from '../../../../shared/schemas/catalogue';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { useApi } from '../../api';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { Icon } from '../../components/Icon';
import { ProcedureDetail } from './ProcedureDetail';
import { ProcedureForm } from './ProcedureForm';
import './catalogue.css';

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'procedure'; procedureId: string };

/** Procedure catalogue (admin): every procedure with its rules, and its explanation sheets by language and version. */
export function Catalogue({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const list = useApi('procedures.list', { includeInactive: true });
  const [view, setView] = useState<View>({ kind: 'list' });
  const [message, setMessage] = useState<string | null>(null);

  if (view.kind === 'procedure') {
    const procedure = list.value?.find((p) => p.id === view.procedureId);
    return (
      <section aria-labelledby="procedure-title">
        <button
          type="button"
          className="btn btn--link back"
          onClick={() => {
            setMessage(null);
            setView({ kind: 'list' });
          }}
        >
          <Icon name="arrowLeft" size={16} />
          {t('catalogue.back')}
        </button>
        <FormSuccess>{message}</FormSuccess>
        {procedure ? (
          <ProcedureDetail procedure={procedure} session={session} onChanged={list.reload} />
        ) : list.state === 'loading' ? (
          <p className="muted">{t('common.loading')}</p>
        ) : (
          <FormError error={list.error ?? { code: 'not_found', messageKey: 'errors.procedureNotFound' }} />
        )}
      </section>
    );
  }

  return (
    <section aria-labelledby="catalogue-title">
      <div className="section-header">
        <h1 id="catalogue-title">{view.kind === 'new' ? t('catalogue.addTitle') : t('catalogue.title')}</h1>
        {view.kind === 'list' ? (
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => {
              setMessage(null);
              setView({ kind: 'new' });
            }}
          >
            <Icon name="plus" />
            {t('catalogue.add')}
          </button>
        ) : null}
      </div>
      {view.kind === 'new' ? (
        <div className="card card--panel">
          <ProcedureForm
            onCancel={() => setView({ kind: 'list' })}
            onSaved={(p) => {
              list.reload();
              setMessage(t('catalogue.form.created', { name: p.nameZh }));
              setView({ kind: 'procedure', procedureId: p.id });
            }}
          />
        </div>
      ) : (
        <>
          <p className="muted">{t('catalogue.intro')}</p>
          <FormSuccess>{message}</FormSuccess>
          <FormError error={list.error} />
          {list.state === 'loading' ? <p className="muted">{t('common.loading')}</p> : null}
          {list.state === 'ok' ? (
            <ProcedureTable rows={list.value} onOpen={(id) => setView({ kind: 'procedure', procedureId: id })} />
          ) : null}
        </>
      )}
    </section>
  );
}

function ProcedureTable({ rows, onOpen }: { rows: ProcedureListItem[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="empty">{t('catalogue.none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--rows" aria-labelledby="catalogue-title">
        <thead>
          <tr>
            <th scope="col">{t('catalogue.columns.name')}</th>
            <th scope="col">{t('catalogue.columns.category')}</th>
            <th scope="col">{t('catalogue.columns.anaesthesia')}</th>
            <th scope="col">{t('catalogue.columns.witness')}</th>
            <th scope="col" className="num-head">
              {t('catalogue.columns.coolingOff')}
            </th>
            <th scope="col">{t('catalogue.columns.templates')}</th>
            <th scope="col">{t('catalogue.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} className={`row--link ${p.active ? '' : 'row--inactive'}`} data-testid="procedure-row" onClick={() => onOpen(p.id)}>
              <th scope="row">
                <button
                  type="button"
                  className="row__open"
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(p.id);
                  }}
                >
                  {p.nameZh}
                </button>
                <span className="row__sub" lang="en">
                  {p.nameEn}
                </span>
              </th>
              <td className="nowrap">{t(`catalogue.categories.${p.category}`)}</td>
              <td className="nowrap">{t(`catalogue.anaesthesiaTypes.${p.anaesthesia}`)}</td>
              <td className="nowrap">{p.witnessRequired ? t('catalogue.witnessRequired') : t('catalogue.witnessNotRequired')}</td>
              <td className="num">{t('catalogue.coolingOffValue', { count: p.coolingOffDays })}</td>
              <td>
                <span className="sheet-versions">
                  {(['zh-TW', 'en'] as const).map((l) => {
                    const v = p.publishedVersion[l];
                    return (
                      <span key={l} className={v === null ? 'muted nowrap' : 'nowrap'}>
                        {v === null
                          ? t('catalogue.noPublished', { locale: t(`catalogue.locales.${l}`) })
                          : t('catalogue.publishedShort', { locale: t(`catalogue.locales.${l}`), version: v })}
                      </span>
                    );
                  })}
                  {p.hasDraft ? <span className="badge badge--waiting">{t('catalogue.draftBadge')}</span> : null}
                </span>
              </td>
              <td>
                <span className={p.active ? 'badge badge--ok' : 'badge badge--muted'}>{p.active ? t('catalogue.active') : t('catalogue.inactive')}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
