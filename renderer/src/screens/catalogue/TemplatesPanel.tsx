import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureListItem, TemplateVersionInfo } from '../../../../shared/schemas/catalogue';
import { Locale } from '../../../../shared/schemas/common';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { callApi, useApi } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormError, FormSuccess } from '../../components/FormMessage';
import { RecordTable } from '../../components/RecordTable';
import { formatDateTime } from '../../clinicTime';
import { scrollContentToTop } from '../patients/scroll';
import { TemplateEditorLoader } from './TemplateEditor';
import { TemplateViewDialog } from './TemplateView';

type LocaleId = Locale;
/** The language's draft as an editor found it when it opened: what its save names (issue 14). */
type DraftSeen = { templateId: string; editVersion: number; version: number } | null;
type Mode =
  | { kind: 'list' }
  | { kind: 'edit'; baseId: string | null; draftSeen: DraftSeen }
  | { kind: 'view'; templateId: string }
  | { kind: 'publish'; templateId: string; version: number; editVersion: number };

const draftIn = (rows: readonly TemplateVersionInfo[]): DraftSeen => {
  const d = rows.find((v) => v.status === 'draft');
  return d ? { templateId: d.id, editVersion: d.editVersion, version: d.version } : null;
};

/** The explanation sheets of one procedure, per language: versions, view, edit a draft, publish. */
export function TemplatesPanel({ procedure, session, onChanged }: { procedure: ProcedureListItem; session: SessionInfo; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const versions = useApi('templates.versions', { procedureId: procedure.id });
  const [locale, setLocale] = useState<LocaleId>('zh-TW');
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  // Counts the editors opened, so a reload after another seat's save starts a fresh editor.
  const [opened, setOpened] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const localeName = t(`catalogue.locales.${locale}`);
  const rows = versions.value?.filter((v) => v.locale === locale) ?? [];
  const current = rows.find((v) => v.status === 'published');

  const openEditor = (baseId: string | null, rowsSeen: readonly TemplateVersionInfo[]) => {
    setMessage(null);
    setOpened((n) => n + 1);
    setMode({ kind: 'edit', baseId, draftSeen: draftIn(rowsSeen) });
  };

  /** Another seat saved or published this language's draft: open the editor again on what is there now. */
  const reopenLatest = async () => {
    const r = await callApi('templates.versions', { procedureId: procedure.id });
    if (!r.ok) return;
    const now = r.value.filter((v) => v.locale === locale);
    const base = now.find((v) => v.status === 'draft') ?? now.find((v) => v.status === 'published') ?? null;
    openEditor(base?.id ?? null, now);
    versions.reload();
  };

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
        key={opened}
        procedureId={procedure.id}
        locale={locale}
        localeName={localeName}
        baseId={mode.baseId}
        draftSeen={mode.draftSeen}
        timeZone={session.timeZone}
        onReload={() => void reopenLatest()}
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
          <button type="button" className="btn btn--primary" onClick={() => openEditor(null, rows)}>
            {t('catalogue.templates.createFirst')}
          </button>
        ) : null}
      </div>
      <RecordTable
        rows={rows}
        rowKey={(v) => v.id}
        rowTestId="template-version"
        label={t('catalogue.templates.versions', { locale: localeName })}
        empty={versions.state === 'ok' ? <p className="empty">{t('catalogue.templates.none')}</p> : null}
        columns={[
          { id: 'version', header: t('catalogue.templates.version'), className: 'nowrap', cell: (v) => `v${v.version}` },
          {
            id: 'status',
            header: t('catalogue.templates.status'),
            className: 'nowrap',
            cell: (v) => (
              <>
                <span className={v.status === 'draft' ? 'badge badge--waiting' : 'badge badge--ok'}>
                  {v.status === 'draft' ? t('catalogue.templates.draft') : t('catalogue.templates.published')}
                </span>
                {v.id === current?.id ? <span className="badge badge--current">{t('catalogue.templates.current')}</span> : null}
              </>
            ),
          },
          { id: 'created', header: t('catalogue.templates.createdAt'), className: 'nowrap', cell: (v) => formatDateTime(v.createdAt, session.timeZone, i18n.language) },
          {
            id: 'published',
            header: t('catalogue.templates.publishedAt'),
            className: 'nowrap',
            cell: (v) => (v.publishedAt ? formatDateTime(v.publishedAt, session.timeZone, i18n.language) : '—'),
          },
          { id: 'fingerprint', header: t('catalogue.templates.fingerprint'), className: 'mono small', title: (v) => v.contentSha256, cell: (v) => v.contentSha256.slice(0, 12) },
        ]}
        actions={{
          label: t('staff.actions'),
          cell: (v) => (
            <>
              <button type="button" className="btn btn--secondary btn--small" onClick={() => setMode({ kind: 'view', templateId: v.id })}>
                {t('catalogue.templates.view')}
              </button>
              <button type="button" className="btn btn--secondary btn--small" onClick={() => openEditor(v.id, rows)}>
                {v.status === 'draft' ? t('catalogue.templates.editDraft') : t('catalogue.templates.newDraftFrom')}
              </button>
              {v.status === 'draft' ? (
                <button
                  type="button"
                  className="btn btn--primary btn--small"
                  onClick={() => setMode({ kind: 'publish', templateId: v.id, version: v.version, editVersion: v.editVersion })}
                >
                  {t('catalogue.templates.publish')}
                </button>
              ) : null}
            </>
          ),
        }}
      />
      {mode.kind === 'view' ? (
        <TemplateViewDialog templateId={mode.templateId} localeName={localeName} timeZone={session.timeZone} onClose={() => setMode({ kind: 'list' })} />
      ) : null}
      {mode.kind === 'publish' ? (
        <PublishDialog
          templateId={mode.templateId}
          version={mode.version}
          editVersion={mode.editVersion}
          timeZone={session.timeZone}
          onCancel={() => setMode({ kind: 'list' })}
          onReload={() => {
            setMode({ kind: 'list' });
            versions.reload();
          }}
          onPublished={() => changed(t('catalogue.templates.published_', { version: mode.version }))}
        />
      ) : null}
    </div>
  );
}

function PublishDialog({
  templateId,
  version,
  editVersion,
  timeZone,
  onCancel,
  onPublished,
  onReload,
}: {
  templateId: string;
  version: number;
  /** The draft's edit version as the list showed it: a newer save at another seat is refused, not published unseen. */
  editVersion: number;
  timeZone: string;
  onCancel: () => void;
  onPublished: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('catalogue.templates.publishTitle', { version })}
      testId="publish-dialog"
      confirmLabel={t('catalogue.templates.publish')}
      action={() => callApi('templates.publish', { templateId, expectedEditVersion: editVersion })}
      onDone={() => onPublished()}
      onCancel={onCancel}
      onReload={onReload}
      timeZone={timeZone}
    >
      <p>{t('catalogue.templates.publishBody')}</p>
    </ConfirmDialog>
  );
}
