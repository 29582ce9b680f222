import type { Out, Parsed } from '../../../shared/api';
import type { ServiceContext } from '../context';

export function getSettings(ctx: ServiceContext): Out<'settings.get'> {
  return ctx.vault().clinicSettings();
}

export function updateSettings(ctx: ServiceContext, input: Parsed<'settings.update'>): Out<'settings.update'> {
  const vault = ctx.vault();
  const before = vault.clinicSettings();
  const after = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  const changed = Object.fromEntries(
    (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]).map((k) => [k, { from: before[k], to: after[k] }]),
  );
  if (Object.keys(changed).length === 0) return before;
  const saved = vault.settings.update(after, ctx.clock.now().toISOString());
  ctx.audit('settings.updated', { type: 'clinic_settings', id: '1' }, { changed });
  return saved;
}

export function printedDates(ctx: ServiceContext): Out<'settings.printedDates'> {
  return { era: ctx.vault().settings.printedDateEra() };
}

export function setPrintedDates(ctx: ServiceContext, input: Parsed<'settings.setPrintedDates'>): Out<'settings.setPrintedDates'> {
  const settings = ctx.vault().settings;
  const before = settings.printedDateEra();
  if (before !== input.era) {
    settings.setPrintedDateEra(input.era, ctx.clock.now().toISOString());
    ctx.audit('settings.printed_dates_changed', { type: 'clinic_settings', id: 'clinic' }, { from: before, to: input.era });
  }
  return { era: input.era };
}
