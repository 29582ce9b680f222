import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { Locale } from '../../../shared/schemas/common';
import { sha256Hex } from '../../domain/hash';
import { lastSaveOf, type LastSave } from '../edit-versions';
import { EMPTY_PRICE_LIST, PriceList, type DisclosureTemplate, type FollowUpPlan, type Procedure, type ProcedureFields, type TemplateContent } from '../../../shared/schemas/catalogue';

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
  price_list: string;
  active: number;
  created_at: string;
  updated_at: string;
  version: number;
}

interface TemplateRow {
  id: string;
  procedure_id: string;
  locale: string;
  version: number;
  status: string;
  content: string;
  content_sha256: string;
  created_at: string;
  published_at: string | null;
  published_by_name: string | null;
  edit_version: number;
}

function rowToProcedure(r: ProcedureRow): Procedure {
  return {
    id: r.id,
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    category: r.category as Procedure['category'],
    anaesthesia: r.anaesthesia as Procedure['anaesthesia'],
    witnessRequired: r.witness_required === 1,
    coolingOffDays: r.cooling_off_days,
    followUpPlan: JSON.parse(r.follow_up_plan) as FollowUpPlan,
    // Parsed, not cast: the column is JSON the schema vouches for only when it is read back through it.
    priceList: PriceList.parse(JSON.parse(r.price_list)),
    active: r.active === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

function rowToTemplate(r: TemplateRow): DisclosureTemplate {
  return {
    id: r.id,
    procedureId: r.procedure_id,
    locale: r.locale as Locale,
    version: r.version,
    status: r.status as DisclosureTemplate['status'],
    content: JSON.parse(r.content) as TemplateContent,
    createdAt: r.created_at,
    publishedAt: r.published_at,
    publishedByName: r.published_by_name,
    editVersion: r.edit_version,
  };
}

export interface TemplateVersionInfo {
  id: string;
  locale: Locale;
  version: number;
  status: DisclosureTemplate['status'];
  createdAt: string;
  publishedAt: string | null;
  contentSha256: string;
  editVersion: number;
}

const TEMPLATE_SELECT = `SELECT t.*, s.name AS published_by_name FROM disclosure_templates t LEFT JOIN staff s ON s.id = t.published_by`;

export class CatalogueRepository {
  private readonly listStmt: Statement;
  private readonly byIdStmt: Statement;
  private readonly byCodeStmt: Statement;
  private readonly insertStmt: Statement;
  private readonly updateStmt: Statement;
  private readonly templateByIdStmt: Statement;
  private readonly latestPublishedStmt: Statement;
  private readonly versionsStmt: Statement;
  private readonly draftStmt: Statement;
  private readonly maxVersionStmt: Statement;
  private readonly insertTemplateStmt: Statement;
  private readonly updateDraftStmt: Statement;
  private readonly publishStmt: Statement;
  private readonly procedureLastSaveStmt: Statement;
  private readonly templateLastSaveStmt: Statement;

  constructor(db: Database) {
    this.listStmt = db.prepare('SELECT * FROM procedures ORDER BY category, name_zh');
    this.byIdStmt = db.prepare('SELECT * FROM procedures WHERE id = ?');
    this.byCodeStmt = db.prepare('SELECT * FROM procedures WHERE code = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO procedures (id, code, name_zh, name_en, category, anaesthesia, witness_required, cooling_off_days, follow_up_plan, price_list, active, created_at, updated_at)
       VALUES (@id, @code, @nameZh, @nameEn, @category, @anaesthesia, @witnessRequired, @coolingOffDays, @followUpPlan, @priceList, 1, @at, @at)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE procedures SET name_zh = @nameZh, name_en = @nameEn, category = @category, anaesthesia = @anaesthesia,
       witness_required = @witnessRequired, cooling_off_days = @coolingOffDays, follow_up_plan = @followUpPlan, price_list = @priceList, active = @active,
       updated_at = @at, updated_by = @by, version = @version + 1 WHERE id = @id AND version = @version`,
    );
    this.templateByIdStmt = db.prepare(`${TEMPLATE_SELECT} WHERE t.id = ?`);
    this.latestPublishedStmt = db.prepare(
      `${TEMPLATE_SELECT} WHERE t.procedure_id = ? AND t.locale = ? AND t.status = 'published' ORDER BY t.version DESC LIMIT 1`,
    );
    this.versionsStmt = db.prepare(
      `SELECT id, locale, version, status, created_at, published_at, content_sha256, edit_version FROM disclosure_templates
       WHERE procedure_id = ? ORDER BY locale, version DESC`,
    );
    this.draftStmt = db.prepare(`${TEMPLATE_SELECT} WHERE t.procedure_id = ? AND t.locale = ? AND t.status = 'draft'`);
    this.maxVersionStmt = db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM disclosure_templates WHERE procedure_id = ? AND locale = ?');
    this.insertTemplateStmt = db.prepare(
      `INSERT INTO disclosure_templates (id, procedure_id, locale, version, status, content, content_sha256, created_at, created_by, published_at, published_by,
         edit_version, updated_at, updated_by)
       VALUES (@id, @procedureId, @locale, @version, 'draft', @content, @sha, @at, @by, NULL, NULL, 1, @at, @by)`,
    );
    this.updateDraftStmt = db.prepare(
      `UPDATE disclosure_templates SET content = @content, content_sha256 = @sha, edit_version = @editVersion + 1, updated_at = @at, updated_by = @by
       WHERE id = @id AND status = 'draft' AND edit_version = @editVersion`,
    );
    // A published version was last changed by its publishing.
    this.templateLastSaveStmt = db.prepare(
      `SELECT edit_version AS version, COALESCE(published_at, updated_at, created_at) AS updated_at, COALESCE(published_by, updated_by, created_by) AS updated_by
       FROM disclosure_templates WHERE id = ?`,
    );
    this.procedureLastSaveStmt = db.prepare('SELECT version, updated_at, updated_by FROM procedures WHERE id = ?');
    this.publishStmt = db.prepare(
      `UPDATE disclosure_templates SET status = 'published', published_at = @at, published_by = @by WHERE id = @id AND status = 'draft' AND edit_version = @editVersion`,
    );
  }

  list(): Procedure[] {
    return (this.listStmt.all() as ProcedureRow[]).map(rowToProcedure);
  }
  get(id: string): Procedure | null {
    const r = this.byIdStmt.get(id) as ProcedureRow | undefined;
    return r ? rowToProcedure(r) : null;
  }
  getByCode(code: string): Procedure | null {
    const r = this.byCodeStmt.get(code) as ProcedureRow | undefined;
    return r ? rowToProcedure(r) : null;
  }
  insert(id: string, f: ProcedureFields, at: string): Procedure {
    this.insertStmt.run({
      ...f,
      id,
      at,
      witnessRequired: f.witnessRequired ? 1 : 0,
      followUpPlan: JSON.stringify(f.followUpPlan),
      priceList: JSON.stringify(f.priceList ?? EMPTY_PRICE_LIST),
    });
    return this.get(id)!;
  }
  /** Saves the procedure over the version it was read at; null when another save replaced that version. */
  update(p: Procedure, at: string, by: string): Procedure | null {
    const changed = this.updateStmt.run({
      ...p,
      at,
      by,
      witnessRequired: p.witnessRequired ? 1 : 0,
      active: p.active ? 1 : 0,
      followUpPlan: JSON.stringify(p.followUpPlan),
      priceList: JSON.stringify(p.priceList),
    }).changes;
    return changed === 1 ? this.get(p.id)! : null;
  }

  /** Who saved the procedure last, when, and its version now (for a refused save). */
  procedureLastSave(id: string): LastSave | null {
    return lastSaveOf(this.procedureLastSaveStmt.get(id));
  }

  template(id: string): DisclosureTemplate | null {
    const r = this.templateByIdStmt.get(id) as TemplateRow | undefined;
    return r ? rowToTemplate(r) : null;
  }
  latestPublished(procedureId: string, locale: Locale): DisclosureTemplate | null {
    const r = this.latestPublishedStmt.get(procedureId, locale) as TemplateRow | undefined;
    return r ? rowToTemplate(r) : null;
  }
  draft(procedureId: string, locale: Locale): DisclosureTemplate | null {
    const r = this.draftStmt.get(procedureId, locale) as TemplateRow | undefined;
    return r ? rowToTemplate(r) : null;
  }
  versions(procedureId: string): TemplateVersionInfo[] {
    return (
      this.versionsStmt.all(procedureId) as {
        id: string;
        locale: string;
        version: number;
        status: string;
        created_at: string;
        published_at: string | null;
        content_sha256: string;
        edit_version: number;
      }[]
    ).map((r) => ({
      id: r.id,
      locale: r.locale as Locale,
      version: r.version,
      status: r.status as DisclosureTemplate['status'],
      createdAt: r.created_at,
      publishedAt: r.published_at,
      contentSha256: r.content_sha256,
      editVersion: r.edit_version,
    }));
  }

  /** A new draft, numbered after every earlier version of its language. */
  insertDraft(id: string, procedureId: string, locale: Locale, content: TemplateContent, by: string, at: string): DisclosureTemplate {
    const json = JSON.stringify(content);
    const version = (this.maxVersionStmt.get(procedureId, locale) as { v: number }).v + 1;
    this.insertTemplateStmt.run({ id, procedureId, locale, version, content: json, sha: sha256Hex(json), at, by });
    return this.template(id)!;
  }

  /** The draft's content replaced over the edit version it was read at; null when another save replaced that version. */
  rewriteDraft(id: string, editVersion: number, content: TemplateContent, by: string, at: string): DisclosureTemplate | null {
    const json = JSON.stringify(content);
    const changed = this.updateDraftStmt.run({ id, editVersion, content: json, sha: sha256Hex(json), by, at }).changes;
    return changed === 1 ? this.template(id)! : null;
  }

  /** Who saved the template last and when (its publisher, once published), and its edit version now. */
  templateLastSave(id: string): LastSave | null {
    return lastSaveOf(this.templateLastSaveStmt.get(id));
  }

  /** Publishes the draft at the edit version it was shown at; false when it is not that draft any more. */
  publish(id: string, editVersion: number, by: string, at: string): boolean {
    return this.publishStmt.run({ id, editVersion, by, at }).changes === 1;
  }
}
