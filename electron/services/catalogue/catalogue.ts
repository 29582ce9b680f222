import { randomUUID } from 'node:crypto';
import type { Out, Parsed } from '../../../shared/api';
import type { Procedure } from '../../../shared/schemas/catalogue';
import { fail, failField } from '../../domain/errors';
import type { ServiceContext } from '../context';
import { failEditedElsewhere, requireVersion } from '../edited-elsewhere';

export function requireProcedure(ctx: ServiceContext, procedureId: string): Procedure {
  return ctx.vault().catalogue.get(procedureId) ?? fail('not_found', 'errors.procedureNotFound');
}

export function listProcedures(ctx: ServiceContext, input: Parsed<'procedures.list'>): Out<'procedures.list'> {
  const repo = ctx.vault().catalogue;
  return repo
    .list()
    .filter((p) => p.active || input.includeInactive)
    .map((p) => {
      const versions = repo.versions(p.id);
      const published = (locale: 'zh-TW' | 'en') => versions.find((v) => v.locale === locale && v.status === 'published')?.version ?? null;
      return { ...p, publishedVersion: { 'zh-TW': published('zh-TW'), en: published('en') }, hasDraft: versions.some((v) => v.status === 'draft') };
    });
}

/** Creates a procedure, or changes one; the code is the procedure's identity and never changes. */
export function saveProcedure(ctx: ServiceContext, input: Parsed<'procedures.save'>): Out<'procedures.save'> {
  const repo = ctx.vault().catalogue;
  const at = ctx.clock.now().toISOString();
  if (!input.procedureId) {
    if (repo.getByCode(input.fields.code)) failField('conflict', 'code', 'errors.procedureCodeTaken');
    const created = repo.insert(randomUUID(), input.fields, at);
    ctx.audit('procedure.created', { type: 'procedure', id: created.id }, { code: created.code, coolingOffDays: created.coolingOffDays, priceItems: created.priceList.items.length, pricePackages: created.priceList.packages.length });
    return created;
  }
  const current = requireProcedure(ctx, input.procedureId);
  const lastSave = () => repo.procedureLastSave(current.id) ?? fail('not_found', 'errors.procedureNotFound');
  if (input.expectedVersion !== undefined) requireVersion(ctx, lastSave(), input.expectedVersion);
  if (input.fields.code !== current.code) failField('rule_violation', 'code', 'errors.procedureCodeFixed');
  // A client that does not send the price list leaves it as it is.
  const updated =
    repo.update({ ...current, ...input.fields, priceList: input.fields.priceList ?? current.priceList, active: input.active ?? current.active }, at, ctx.session().staff.id) ??
    failEditedElsewhere(ctx, lastSave());
  const changed = (Object.keys(input.fields) as (keyof typeof input.fields)[]).filter((k) => JSON.stringify(current[k]) !== JSON.stringify(updated[k]));
  if (current.active !== updated.active) changed.push('active' as never);
  ctx.audit('procedure.updated', { type: 'procedure', id: current.id }, { fields: changed, coolingOffDays: updated.coolingOffDays, ...(changed.includes('priceList') ? { priceItems: updated.priceList.items.length, pricePackages: updated.priceList.packages.length } : {}) });
  return updated;
}

export function currentTemplate(ctx: ServiceContext, input: Parsed<'templates.current'>): Out<'templates.current'> {
  requireProcedure(ctx, input.procedureId);
  return ctx.vault().catalogue.latestPublished(input.procedureId, input.locale) ?? fail('not_found', 'errors.templateNotPublished');
}

export function getTemplate(ctx: ServiceContext, input: Parsed<'templates.get'>): Out<'templates.get'> {
  return ctx.vault().catalogue.template(input.templateId) ?? fail('not_found', 'errors.templateNotFound');
}

export function templateVersions(ctx: ServiceContext, input: Parsed<'templates.versions'>): Out<'templates.versions'> {
  requireProcedure(ctx, input.procedureId);
  return ctx.vault().catalogue.versions(input.procedureId);
}

/**
 * Editing never touches a published version: it writes (or rewrites) the one draft after it. The draft must still
 * be the one the editor opened on, at the same edit version; otherwise another seat saved or published meanwhile,
 * and nothing is written.
 */
export function saveTemplateDraft(ctx: ServiceContext, input: Parsed<'templates.saveDraft'>): Out<'templates.saveDraft'> {
  requireProcedure(ctx, input.procedureId);
  const repo = ctx.vault().catalogue;
  const by = ctx.session().staff.id;
  const at = ctx.clock.now().toISOString();
  const current = repo.draft(input.procedureId, input.locale);
  const expected = input.expectedDraft;
  const asOpened = expected === null ? current === null : current?.id === expected.templateId && current.editVersion === expected.editVersion;
  if (!asOpened) {
    // Name the last save of the draft there now, or, when there is none, of the one the editor had (its publishing).
    const last = repo.templateLastSave(current?.id ?? expected!.templateId) ?? fail('not_found', 'errors.templateNotFound');
    failEditedElsewhere(ctx, last);
  }
  const draft = current
    ? (repo.rewriteDraft(current.id, current.editVersion, input.content, by, at) ?? failEditedElsewhere(ctx, repo.templateLastSave(current.id)!))
    : repo.insertDraft(randomUUID(), input.procedureId, input.locale, input.content, by, at);
  ctx.audit('template.draft_saved', { type: 'disclosure_template', id: draft.id }, { procedureId: input.procedureId, locale: input.locale, version: draft.version });
  return draft;
}

/** Publishes the draft as the administrator saw it: a newer save from another seat is refused, not published unseen. */
export function publishTemplate(ctx: ServiceContext, input: Parsed<'templates.publish'>): Out<'templates.publish'> {
  const repo = ctx.vault().catalogue;
  const t = repo.template(input.templateId) ?? fail('not_found', 'errors.templateNotFound');
  if (t.status !== 'draft') fail('rule_violation', 'errors.templateAlreadyPublished');
  const lastSave = () => repo.templateLastSave(t.id) ?? fail('not_found', 'errors.templateNotFound');
  requireVersion(ctx, lastSave(), input.expectedEditVersion);
  if (!repo.publish(t.id, input.expectedEditVersion, ctx.session().staff.id, ctx.clock.now().toISOString())) failEditedElsewhere(ctx, lastSave());
  const published = repo.template(t.id)!;
  ctx.audit('template.published', { type: 'disclosure_template', id: t.id }, { procedureId: t.procedureId, locale: t.locale, version: t.version });
  return published;
}
