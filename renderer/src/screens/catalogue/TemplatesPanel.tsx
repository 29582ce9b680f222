import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureListItem } from '../../../../shared/schemas/catalogue';
import { Locale } from '../../../../shared/schemas/common';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { callApi, useApi } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { formatDateTime } from '../../clinicTime';
import { scrollContentToTop } from '../patients/scroll';
import { TemplateEditorLoader } from './TemplateEditor';
import { TemplateViewDialog } from './TemplateView';

type LocaleId = Locale;
type Mode = { kind: 'list' } | { kind: 'edit'; baseId: string | null } | { kind: 'view'; templateId: string } | { kind: 'publish'; templateId: string; version: number };

/** The explanation sheets of one procedure, per language: versions, view, edit a draft, publish. */
export function TemplatesPanel({ procedure, session, onChanged }: { procedure: ProcedureListItem; session: SessionInfo; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const versions = useApi('templates.versions', { procedureId: procedure.id });
  const [locale, setLocale] = useState<LocaleId>('zh-TW');
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [message, setMessage] = useState<string | null>(null);
  const localeName = t(`catalogue.locales.${locale}`);
  const rows = versions.value?.filter((v) => v.locale === locale) ?? [];
  const draft = rows.find((v) => v.status === 'draft');
  const current = rows.find((v) => v.status === 'published');

  const changed = (text: string) => {
    scrollContentToTop();
    setMode({ kind: 'list' });
    setMessage(text);
    versions.reload();
    onChanged();
  };

  if (mode.kind === 'edit') {
    return (
      <TemplateEditorLoader
        procedureId={procedure.id}
        locale={locale}
        localeName={localeName}
        baseId={mode.baseId}
        existingDraftVersion={draft?.version ?? null}
        onCancel={() => {
          scrollContentToTop();
          setMode({ kind: 'list' });
        }}
        onSaved={(v) => changed(t('catalogue.templates.draftSaved', { version: v }))}
      />
    );
  }

  return (
    <div className="templates">
      <p className="muted">{t('catalogue.templates.intro')}</p>
      <div className="segmented" role="group" aria-label={t('catalogue.templates.language')}>
        {Locale.options.map((l) => (
          <button
            key={l}
            type="button"
            className="segmented__item"
            aria-pressed={l === locale}
            onClick={() => {
              setMessage(null);
              setLocale(l);
            }}
          >
            {t(`catalogue.locales.${l}`)}
          </button>
        ))}
      </div>
      <FormSuccess>{message}</FormSuccess>
      <FormError error={versions.error} />
      <div className="section-header section-header--sub">
        <h2>{t('catalogue.templates.versions', { locale: localeName })}</h2>
        {rows.length === 0 && versions.state === 'ok' ? (
          <button type="button" className="btn btn--primary" onClick={() => setMode({ kind: 'edit', baseId: null })}>
            {t('catalogue.templates.createFirst')}
          </button>
        ) : null}
      </div>
      {versions.state === 'ok' && rows.length === 0 ? <p className="empty">{t('catalogue.templates.none')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table" aria-label={t('catalogue.templates.versions', { locale: localeName })}>
            <thead>
              <tr>
                <th scope="col">{t('catalogue.templates.version')}</th>
                <th scope="col">{t('catalogue.templates.status')}</th>
                <th scope="col">{t('catalogue.templates.createdAt')}</th>
                <th scope="col">{t('catalogue.templates.publishedAt')}</th>
                <th scope="col">{t('catalogue.templates.fingerprint')}</th>
                <th scope="col" className="table__actions-head">
                  <span className="visually-hidden">{t('staff.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => (
                <tr key={v.id} data-testid="template-version">
                  <th scope="row" className="nowrap">
                    v{v.version}
                  </th>
                  <td className="nowrap">
                    <span className={v.status === 'draft' ? 'badge badge--waiting' : 'badge badge--ok'}>
                      {v.status === 'draft' ? t('catalogue.templates.draft') : t('catalogue.templates.published')}
                    </span>
                    {v.id === current?.id ? <span className="badge badge--current">{t('catalogue.templates.current')}</span> : null}
                  </td>
                  <td className="nowrap">{formatDateTime(v.createdAt, session.timeZone, i18n.language)}</td>
                  <td className="nowrap">{v.publishedAt ? formatDateTime(v.publishedAt, session.timeZone, i18n.language) : '—'}</td>
                  <td className="mono small" title={v.contentSha256}>
                    {v.contentSha256.slice(0, 12)}
                  </td>
                  <td className="table__actions">
                    <button type="button" className="btn btn--secondary btn--small" onClick={() => setMode({ kind: 'view', templateId: v.id })}>
                      {t('catalogue.templates.view')}
                    </button>
                    <button type="button" className="btn btn--secondary btn--small" onClick={() => setMode({ kind: 'edit', baseId: v.id })}>
                      {v.status === 'draft' ? t('catalogue.templates.editDraft') : t('catalogue.templates.newDraftFrom')}
                    </button>
                    {v.status === 'draft' ? (
                      <button type="button" className="btn btn--primary btn--small" onClick={() => setMode({ kind: 'publish', templateId: v.id, version: v.version })}>
                        {t('catalogue.templates.publish')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {mode.kind === 'view' ? (
        <TemplateViewDialog templateId={mode.templateId} localeName={localeName} timeZone={session.timeZone} onClose={() => setMode({ kind: 'list' })} />
      ) : null}
      {mode.kind === 'publish' ? (
        <PublishDialog
          templateId={mode.templateId}
          version={mode.version}
          onCancel={() => setMode({ kind: 'list' })}
          onPublished={() => changed(t('catalogue.templates.published_', { version: mode.version }))}
        />
      ) : null}
    </div>
  );
}

function PublishDialog({ templateId, version, onCancel, onPublished }: { templateId: string; version: number; onCancel: () => void; onPublished: () => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('catalogue.templates.publishTitle', { version })}
      testId="publish-dialog"
      confirmLabel={t('catalogue.templates.publish')}
      action={() => callApi('templates.publish', { templateId })}
      onDone={() => onPublished()}
      onCancel={onCancel}
    >
      <p>{t('catalogue.templates.publishBody')}</p>
    </ConfirmDialog>
  );
}
