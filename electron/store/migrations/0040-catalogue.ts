import { createHash, randomUUID } from 'node:crypto';
import { STARTER_CATALOGUE } from './0040-starter-catalogue-data';
import type { Migration } from './types';

/**
 * The procedure catalogue and its versioned disclosure templates, seeded with the starter catalogue.
 * A published template is frozen by triggers; editing one means a new draft version.
 */
export const migration0040: Migration = {
  version: 40,
  name: 'catalogue',
  up(db) {
    db.exec(`
      CREATE TABLE procedures (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        category TEXT NOT NULL CHECK (category IN ('surgical', 'injectable', 'energy_device', 'other')),
        anaesthesia TEXT NOT NULL CHECK (anaesthesia IN ('none', 'topical', 'local', 'sedation', 'general')),
        witness_required INTEGER NOT NULL CHECK (witness_required IN (0, 1)),
        cooling_off_days INTEGER NOT NULL CHECK (cooling_off_days >= 1),
        follow_up_plan TEXT NOT NULL,
        active INTEGER NOT NULL CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE disclosure_templates (
        id TEXT PRIMARY KEY,
        procedure_id TEXT NOT NULL REFERENCES procedures (id),
        locale TEXT NOT NULL CHECK (locale IN ('zh-TW', 'en')),
        version INTEGER NOT NULL CHECK (version >= 1),
        status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
        content TEXT NOT NULL,
        content_sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES staff (id),
        published_at TEXT,
        published_by TEXT REFERENCES staff (id),
        UNIQUE (procedure_id, locale, version)
      ) STRICT;
      CREATE UNIQUE INDEX disclosure_templates_one_draft ON disclosure_templates (procedure_id, locale) WHERE status = 'draft';

      CREATE TRIGGER disclosure_templates_published_frozen BEFORE UPDATE ON disclosure_templates
      WHEN OLD.status = 'published'
      BEGIN SELECT RAISE(ABORT, 'a published disclosure template is immutable'); END;
      CREATE TRIGGER disclosure_templates_published_kept BEFORE DELETE ON disclosure_templates
      WHEN OLD.status = 'published'
      BEGIN SELECT RAISE(ABORT, 'a published disclosure template is never deleted'); END;
    `);
    const at = new Date().toISOString();
    const insertProcedure = db.prepare(
      `INSERT INTO procedures (id, code, name_zh, name_en, category, anaesthesia, witness_required, cooling_off_days, follow_up_plan, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    );
    const insertTemplate = db.prepare(
      `INSERT INTO disclosure_templates (id, procedure_id, locale, version, status, content, content_sha256, created_at, created_by, published_at, published_by)
       VALUES (?, ?, ?, 1, 'published', ?, ?, ?, NULL, ?, NULL)`,
    );
    for (const p of STARTER_CATALOGUE) {
      const procedureId = randomUUID();
      insertProcedure.run(procedureId, p.code, p.nameZh, p.nameEn, p.category, p.anaesthesia, p.witnessRequired ? 1 : 0, p.coolingOffDays, JSON.stringify(p.followUpPlan), at, at);
      for (const locale of ['zh-TW', 'en'] as const) {
        const content = JSON.stringify(p.templates[locale]);
        insertTemplate.run(randomUUID(), procedureId, locale, content, createHash('sha256').update(content).digest('hex'), at, at);
      }
    }
  },
};
