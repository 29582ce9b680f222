import { describe, expect, it } from 'vitest';
import { STARTER_CATALOGUE } from '../../electron/store/migrations/0040-starter-catalogue-data';
import {
  addClinicTeam, addPatient, AT, appendAuditEvent, applyMigration, countOf, databaseBefore, foreignKeyViolations, indexPatient, PATIENT_MEI, rowsOf,
  sha256Hex, TEAM,
} from './support';

function vaultAt30() {
  const db = databaseBefore(40);
  addClinicTeam(db);
  addPatient(db, PATIENT_MEI);
  indexPatient(db, PATIENT_MEI);
  appendAuditEvent(db, { action: 'patient.created', subjectType: 'patient', subjectId: PATIENT_MEI.id });
  return db;
}

interface ProcedureRow {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  category: string;
  anaesthesia: string;
  witness_required: number;
  cooling_off_days: number;
  follow_up_plan: string;
  active: number;
}
interface TemplateRow {
  id: string;
  procedure_id: string;
  locale: string;
  version: number;
  status: string;
  content: string;
  content_sha256: string;
  created_by: string | null;
  published_at: string | null;
}

describe('migration 0040 catalogue', () => {
  it('seeds every starter procedure as shipped, active, with its follow-up plan', () => {
    const db = vaultAt30();
    applyMigration(db, 40);
    const procedures = rowsOf(db, 'procedures', 'rowid') as unknown as ProcedureRow[];
    expect(procedures.map((p) => p.code)).toEqual(STARTER_CATALOGUE.map((s) => s.code));
    for (const starter of STARTER_CATALOGUE) {
      const p = procedures.find((r) => r.code === starter.code)!;
      expect(p).toMatchObject({
        name_zh: starter.nameZh,
        name_en: starter.nameEn,
        category: starter.category,
        anaesthesia: starter.anaesthesia,
        witness_required: starter.witnessRequired ? 1 : 0,
        cooling_off_days: starter.coolingOffDays,
        active: 1,
      });
      expect(JSON.parse(p.follow_up_plan)).toEqual(starter.followUpPlan);
    }
  });

  it('gives each starter procedure one published version-1 template per locale, hashed over its content', () => {
    const db = vaultAt30();
    applyMigration(db, 40);
    const templates = rowsOf(db, 'disclosure_templates') as unknown as TemplateRow[];
    expect(templates).toHaveLength(STARTER_CATALOGUE.length * 2);
    for (const starter of STARTER_CATALOGUE) {
      const procedureId = (db.prepare('SELECT id FROM procedures WHERE code = ?').get(starter.code) as { id: string }).id;
      for (const locale of ['zh-TW', 'en'] as const) {
        const t = templates.find((r) => r.procedure_id === procedureId && r.locale === locale)!;
        expect(t).toMatchObject({ version: 1, status: 'published', created_by: null });
        expect(t.published_at).not.toBeNull();
        expect(JSON.parse(t.content)).toEqual(starter.templates[locale]);
        expect(t.content_sha256).toBe(sha256Hex(t.content));
      }
    }
    expect(foreignKeyViolations(db)).toEqual([]);
  });

  it('leaves the staff, patients, search index and audit trail of a version-30 vault untouched', () => {
    const db = vaultAt30();
    const before = ['staff', 'clinic_settings', 'patients', 'patient_name_grams', 'audit_events'].map((t) => rowsOf(db, t));
    const search = db.prepare('SELECT rowid, patient_id, body FROM patient_search').all();
    applyMigration(db, 40);
    expect(['staff', 'clinic_settings', 'patients', 'patient_name_grams', 'audit_events'].map((t) => rowsOf(db, t))).toEqual(before);
    expect(db.prepare('SELECT rowid, patient_id, body FROM patient_search').all()).toEqual(search);
  });

  it('freezes a published template and allows only one draft per procedure and locale', () => {
    const db = vaultAt30();
    applyMigration(db, 40);
    const published = (rowsOf(db, 'disclosure_templates') as unknown as TemplateRow[])[0]!;
    expect(() => db.prepare(`UPDATE disclosure_templates SET content = '{}' WHERE id = ?`).run(published.id)).toThrow(/published disclosure template is immutable/);
    expect(() => db.prepare('DELETE FROM disclosure_templates WHERE id = ?').run(published.id)).toThrow(/never deleted/);

    const draft = db.prepare(
      `INSERT INTO disclosure_templates (id, procedure_id, locale, version, status, content, content_sha256, created_at, created_by)
       VALUES (?, ?, ?, ?, 'draft', '{}', ?, ?, ?)`,
    );
    draft.run('draft-v2', published.procedure_id, published.locale, 2, sha256Hex('{}'), AT, TEAM.physician);
    expect(() => draft.run('draft-v3', published.procedure_id, published.locale, 3, sha256Hex('{}'), AT, TEAM.physician)).toThrow(/UNIQUE/);
    // A draft is still work in progress: it may be edited or thrown away.
    db.prepare(`UPDATE disclosure_templates SET content = '{"title":"v2"}' WHERE id = 'draft-v2'`).run();
    db.prepare(`DELETE FROM disclosure_templates WHERE id = 'draft-v2'`).run();
    expect(countOf(db, 'disclosure_templates')).toBe(STARTER_CATALOGUE.length * 2);
  });
});
