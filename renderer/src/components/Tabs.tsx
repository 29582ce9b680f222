import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: ReactNode;
  /** A count shown beside the label (e.g. how many entries the panel lists). */
  count?: number | undefined;
}

/** The id of a tab's panel, for `<div role="tabpanel" id={tabPanelId(...)}>`. */
export function tabPanelId(prefix: string, id: string): string {
  return `${prefix}-panel-${id}`;
}
export function tabId(prefix: string, id: string): string {
  return `${prefix}-tab-${id}`;
}

/** A row of tabs (WAI-ARIA tabs pattern: arrow keys, Home and End move between them). */
export function Tabs<T extends string>({
  tabs,
  current,
  onChange,
  idPrefix,
  label,
}: {
  tabs: readonly TabItem<T>[];
  current: T;
  onChange: (id: T) => void;
  idPrefix: string;
  label: string;
}) {
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onChange(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab, index) => (
        <button
          key={tab.id}
          ref={(el) => {
            if (el) refs.current.set(tab.id, el);
            else refs.current.delete(tab.id);
          }}
          type="button"
          role="tab"
          id={tabId(idPrefix, tab.id)}
          aria-selected={tab.id === current}
          aria-controls={tabPanelId(idPrefix, tab.id)}
          tabIndex={tab.id === current ? 0 : -1}
          className="tabs__tab"
          onClick={() => onChange(tab.id)}
          onKeyDown={(e) => move(e, index)}
        >
          {tab.label}
          {tab.count !== undefined ? <span className="tabs__count">{tab.count}</span> : null}
        </button>
      ))}
    </div>
  );
}
