import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, makeTestApp } from '../support/app';
import { CONSULTANT } from '../support/staff';

const REQUIRED = ['double_eyelid', 'rhinoplasty_implant', 'liposuction', 'breast_augmentation', 'ha_filler', 'botulinum_toxin', 'picosecond_laser', 'hifu'];

describe('procedure catalogue and disclosure templates', () => {
  let t: ReturnType<typeof makeTestApp>;
  beforeEach(async () => {
    t = makeTestApp();
    await t.setup();
    await t.ok('session.signIn', { loginId: ADMIN.name, password: ADMIN.password });
  });

  it('seeds every new vault with the starter catalogue, each procedure published in zh-TW and en', async () => {
    const list = await t.ok('procedures.list', {});
    expect(list.length).toBeGreaterThanOrEqual(8);
    const codes = list.map((p) => p.code);
    for (const code of REQUIRED) expect(codes.some((c) => c.startsWith(code.split('_')[0]!))).toBe(true);
    for (const p of list) {
      expect(p.publishedVersion).toEqual({ 'zh-TW': 1, en: 1 });
      expect(p.coolingOffDays).toBeGreaterThanOrEqual(p.category === 'surgical' ? 14 : 1);
      const zh = await t.ok('templates.current', { procedureId: p.id, locale: 'zh-TW' });
      const en = await t.ok('templates.current', { procedureId: p.id, locale: 'en' });
      expect(zh.content.risks.map((r) => r.id)).toEqual(en.content.risks.map((r) => r.id));
      expect(zh.content.alternatives.some((a) => a.id === 'no_treatment')).toBe(true);
    }
  });

  it('editing a published template creates a new draft version; publishing freezes it; the old version stays readable', async () => {
    const [p] = await t.ok('procedures.list', {});
    const v1 = await t.ok('templates.current', { procedureId: p!.id, locale: 'zh-TW' });
    const edited = { ...v1.content, limitations: v1.content.limitations + '（修訂）' };
    const draft = await t.ok('templates.saveDraft', { procedureId: p!.id, locale: 'zh-TW', expectedDraft: null, content: edited });
    expect(draft).toMatchObject({ version: 2, status: 'draft', editVersion: 1 });
    const again = await t.ok('templates.saveDraft', {
      procedureId: p!.id,
      locale: 'zh-TW',
      expectedDraft: { templateId: draft.id, editVersion: draft.editVersion },
      content: { ...edited, aftercare: '加強冰敷' },
    });
    expect(again).toMatchObject({ id: draft.id, version: 2, editVersion: 2 });
    expect((await t.ok('templates.current', { procedureId: p!.id, locale: 'zh-TW' })).version).toBe(1);
    const published = await t.ok('templates.publish', { templateId: draft.id, expectedEditVersion: again.editVersion });
    expect(published).toMatchObject({ status: 'published', publishedByName: ADMIN.name });
    expect((await t.ok('templates.current', { procedureId: p!.id, locale: 'zh-TW' })).content.aftercare).toBe('加強冰敷');
    expect((await t.ok('templates.get', { templateId: v1.id })).content).toEqual(v1.content);
    const republish = await t.call('templates.publish', { templateId: draft.id, expectedEditVersion: again.editVersion });
    expect(!republish.ok && republish.error.messageKey).toBe('errors.templateAlreadyPublished');
  });

  it('a published template cannot be changed even by SQL (trigger)', async () => {
    const [p] = await t.ok('procedures.list', {});
    const v1 = await t.ok('templates.current', { procedureId: p!.id, locale: 'en' });
    expect(() => t.app.vault!.db.prepare("UPDATE disclosure_templates SET content = '{}' WHERE id = ?").run(v1.id)).toThrow(/immutable/);
    expect(() => t.app.vault!.db.prepare('DELETE FROM disclosure_templates WHERE id = ?').run(v1.id)).toThrow(/never deleted/);
  });

  it('refuses a template without the no-treatment alternative, and a cooling-off period under one day', async () => {
    const [p] = await t.ok('procedures.list', {});
    const v1 = await t.ok('templates.current', { procedureId: p!.id, locale: 'en' });
    const bad = await t.call('templates.saveDraft', { procedureId: p!.id, locale: 'en', expectedDraft: null, content: { ...v1.content, alternatives: v1.content.alternatives.filter((a) => a.id !== 'no_treatment') } });
    expect(!bad.ok && bad.error.issues?.[0]).toMatchObject({ path: ['content', 'alternatives'], messageKey: 'validation.noTreatmentAlternative' });
    const { id: _id, active: _a, createdAt: _c, updatedAt: _u, version: _v, publishedVersion: _pv, hasDraft: _hd, ...fields } = p!;
    const zero = await t.call('procedures.save', { procedureId: p!.id, expectedVersion: p!.version, fields: { ...fields, coolingOffDays: 0 } });
    expect(!zero.ok && zero.error.issues?.[0]).toMatchObject({ path: ['fields', 'coolingOffDays'], messageKey: 'validation.coolingOffMin' });
  });

  it('an admin changes a procedure’s cooling-off days (audited); a consultant may read but not edit the catalogue', async () => {
    const [p] = await t.ok('procedures.list', {});
    const { id: _id, active: _a, createdAt: _c, updatedAt: _u, version: _v, publishedVersion: _pv, hasDraft: _hd, ...fields } = p!;
    const saved = await t.ok('procedures.save', { procedureId: p!.id, expectedVersion: p!.version, fields: { ...fields, coolingOffDays: 21 } });
    expect(saved.coolingOffDays).toBe(21);
    const [event] = await t.ok('audit.recent', { limit: 1 });
    expect(event).toMatchObject({ action: 'procedure.updated', subjectId: p!.id, details: { fields: ['coolingOffDays'], coolingOffDays: 21 } });
    await t.ok('staff.add', CONSULTANT);
    await t.ok('session.signOut', {});
    await t.ok('session.signIn', { loginId: CONSULTANT.name, password: CONSULTANT.password });
    expect((await t.ok('procedures.list', {})).length).toBeGreaterThanOrEqual(8);
    const denied = await t.call('procedures.save', { procedureId: p!.id, expectedVersion: p!.version, fields: { ...fields, coolingOffDays: 1 } });
    expect(!denied.ok && denied.error.code).toBe('forbidden');
  });
});
