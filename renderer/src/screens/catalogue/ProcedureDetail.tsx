import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureListItem } from '../../../../shared/schemas/catalogue';
import type { SessionInfo } from '../../../../shared/schemas/session';
import { tabId, tabPanelId, Tabs } from '../../components/Tabs';
import { ProcedureForm } from './ProcedureForm';
import { TemplatesPanel } from './TemplatesPanel';

type Tab = 'settings' | 'templates';
const TAB_PREFIX = 'procedure';

/** One procedure: its settings (cooling-off, witness, follow-up plan) and its explanation sheets. */
export function ProcedureDetail({
  procedure,
  session,
  onChanged,
}: {
  procedure: ProcedureListItem;
  session: SessionInfo;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('settings');
  return (
    <>
      <header className="phead card">
        <div className="phead__main">
          <div className="phead__names">
            <h1 id="procedure-title">{procedure.nameZh}</h1>
            <span className="phead__en" lang="en">
              {procedure.nameEn}
            </span>
          </div>
          <p className="phead__meta">
            <span className="mono">{procedure.code}</span>
            <span>{t(`catalogue.categories.${procedure.category}`)}</span>
            <span>{t(`catalogue.anaesthesiaTypes.${procedure.anaesthesia}`)}</span>
            <span>
              {t('catalogue.columns.coolingOff')} {t('catalogue.coolingOffValue', { count: procedure.coolingOffDays })}
            </span>
            <span className={procedure.active ? 'badge badge--ok' : 'badge badge--muted'}>
              {procedure.active ? t('catalogue.active') : t('catalogue.inactive')}
            </span>
          </p>
        </div>
      </header>
      <Tabs
        tabs={[
          { id: 'settings', label: t('catalogue.tabs.settings') },
          { id: 'templates', label: t('catalogue.tabs.templates') },
        ]}
        current={tab}
        onChange={setTab}
        idPrefix={TAB_PREFIX}
        label={procedure.nameZh}
      />
      <div role="tabpanel" id={tabPanelId(TAB_PREFIX, tab)} aria-labelledby={tabId(TAB_PREFIX, tab)} className="tabpanel">
        {tab === 'settings' ? (
          <div className="card">
            <ProcedureForm procedure={procedure} onSaved={onChanged} />
          </div>
        ) : (
          <TemplatesPanel procedure={procedure} session={session} onChanged={onChanged} />
        )}
      </div>
    </>
  );
}
