import type { Out, Parsed } from '../../../shared/api';
import type { ServiceContext } from '../context';
import { failEditedElsewhere, requireVersion } from '../edited-elsewhere';

export function getSettings(ctx: ServiceContext): Out<'settings.get'> {
  const vault = ctx.vault();
  return { ...vault.clinicSettings(), version: vault.settings.lastSave().version };
}

/** Saves the Settings screen over the version it loaded (issue 14); a stale save is refused and writes nothing. */
export function updateSettings(ctx: ServiceContext, input: Parsed<'settings.update'>): Out<'settings.update'> {
  const vault = ctx.vault();
  const last = vault.settings.lastSave();
  requireVersion(ctx, last, input.expectedVersion);
  const { expectedVersion, ...fields } = input;
  const before = vault.clinicSettings();
  const after = { ...before, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
  const changed = Object.fromEntries(
    (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]).map((k) => [k, { from: before[k], to: after[k] }]),
  );
  if (Object.keys(changed).length === 0) return { ...before, version: last.version };
  if (!vault.settings.update(after, ctx.clock.now().toISOString(), ctx.session().staff.id, expectedVersion)) failEditedElsewhere(ctx, vault.settings.lastSave());
  ctx.audit('settings.updated', { type: 'clinic_settings', id: '1' }, { changed });
  return getSettings(ctx);
}

export function printedDates(ctx: ServiceContext): Out<'settings.printedDates'> {
  return { era: ctx.vault().settings.printedDateEra() };
}

export function setPrintedDates(ctx: ServiceContext, input: Parsed<'settings.setPrintedDates'>): Out<'settings.setPrintedDates'> {
  const settings = ctx.vault().settings;
  const before = settings.printedDateEra();
  if (before !== input.era) {
    settings.setPrintedDateEra(input.era, ctx.clock.now().toISOString(), ctx.session().staff.id);
    ctx.audit('settings.printed_dates_changed', { type: 'clinic_settings', id: 'clinic' }, { from: before, to: input.era });
  }
  return { era: input.era };
}
