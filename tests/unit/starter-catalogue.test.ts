import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STARTER_CATALOGUE } from '../../electron/store/migrations/0040-starter-catalogue-data';
import { ProcedureFields, TemplateContent } from '../../shared/schemas/catalogue';
import type { Locale } from '../../shared/schemas/common';

const REQUIRED = ['double_eyelid', 'rhinoplasty_implant', 'liposuction', 'breast_augmentation', 'ha_filler', 'botulinum_toxin', 'picosecond_laser', 'hifu'];
const CJK = /[\u4e00-\u9fff]/;
const CATALOGUE_FOLDER = new URL('../../electron/store/migrations/starter-catalogue/', import.meta.url);

/** SHA-256 of each starter procedure file exactly as shipped with migration 0040. */
const SHIPPED_SHA256: Record<string, string> = {
  'botulinum-toxin.json': '36a54dd8cb3e93f21f1347f0904ae42c76baf8be6655922cddb877ce605658f4',
  'breast-augmentation.json': '424c36d9dae0ff72c9acef094ae158beafedd22b68ac58cad45ff14250bacc8c',
  'double-eyelid.json': '55f86015ddc0a1bfae05d1246bc06ccb7ddb225f35d039c2b0129223018582a1',
  'ha-filler.json': 'c87f794edcb78fe64ea3c6a60828326a87423ffa840e4ac96215676e57c282f0',
  'hifu.json': 'b7ba0ae2a2be96309f791cda1e5cc45817014fa70d174c6ae6b25c12d24e78dc',
  'liposuction.json': 'b6e2c46b947e7ac52c223040ea0ed1ce26f95c4c50cfcd3d23b69535c02449cd',
  'picosecond-laser.json': 'ce91e56ed4b8563ff6b1d3cbf735e0fecf4ace516cdf299d23cde900e2505361',
  'rhinoplasty-implant.json': '1ce89accb82fa65e6c1b408287f72883c57bc3698846c5b0548add7fc77baa6c',
};
const FROZEN = 'the starter catalogue is frozen with migration 0040: vaults already hold these exact sheets, so a new or corrected catalogue needs a new migration, not an edit to this file';

const fileOf = (code: string) => `${code.replaceAll('_', '-')}.json`;
const readCatalogueFile = (file: string) => readFileSync(new URL(file, CATALOGUE_FOLDER));

describe('the starter catalogue seeded into every vault', () => {
  it('has the eight required procedures, each code once', () => {
    const codes = STARTER_CATALOGUE.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of REQUIRED) expect(codes).toContain(code);
  });

  it('seeds every JSON file in the starter-catalogue folder, one file per procedure named after its code', () => {
    const files = readdirSync(CATALOGUE_FOLDER).filter((f) => f.endsWith('.json')).sort();
    expect(STARTER_CATALOGUE.map((p) => fileOf(p.code)).sort()).toEqual(files);
    for (const p of STARTER_CATALOGUE) expect(JSON.parse(readCatalogueFile(fileOf(p.code)).toString('utf8'))).toEqual(p);
  });

  it('keeps each file byte for byte as shipped with migration 0040', () => {
    const files = readdirSync(CATALOGUE_FOLDER).filter((f) => f.endsWith('.json')).sort();
    expect(files, FROZEN).toEqual(Object.keys(SHIPPED_SHA256).sort());
    for (const file of files) {
      expect(createHash('sha256').update(readCatalogueFile(file)).digest('hex'), `${file}: ${FROZEN}`).toBe(SHIPPED_SHA256[file]);
    }
  });

  for (const p of STARTER_CATALOGUE) {
    describe(p.code, () => {
      // The data module types the sheets as unknown (a frozen migration may not import the schemas); parsing types them here.
      const sheet = (l: Locale) => TemplateContent.parse(p.templates[l]);
      const fields = () => {
        const { templates: _templates, ...rest } = p;
        return ProcedureFields.parse(rest);
      };

      it(`passes the procedure and template schemas in both languages (${fileOf(p.code)})`, () => {
        expect(() => fields()).not.toThrow();
        expect(() => sheet('zh-TW')).not.toThrow();
        expect(() => sheet('en')).not.toThrow();
      });
      it('uses the same item ids, in the same order, in both languages', () => {
        const ids = (l: Locale) => {
          const t = sheet(l);
          return [t.risks, t.alternatives, t.contraindications, t.comprehensionQuestions].map((list) => list.map((x) => x.id));
        };
        expect(ids('en')).toEqual(ids('zh-TW'));
        const answers = (l: Locale) => sheet(l).comprehensionQuestions.map((q) => [q.correctIndex, q.options.length, q.topic]);
        expect(answers('en')).toEqual(answers('zh-TW'));
        const risks = (l: Locale) => sheet(l).risks.map((r) => [r.frequency, r.severity]);
        expect(risks('en')).toEqual(risks('zh-TW'));
      });
      it('waits at least 14 days for surgery and 1 day otherwise, and names at least one severe risk', () => {
        const f = fields();
        expect(f.coolingOffDays).toBeGreaterThanOrEqual(f.category === 'surgical' ? 14 : 1);
        expect(sheet('zh-TW').risks.some((r) => r.severity === 'severe')).toBe(true);
      });
      it('is written in Chinese in the zh-TW template', () => {
        const t = sheet('zh-TW');
        for (const s of [t.title, t.purpose, t.howItIsDone, t.limitations, ...t.risks.map((r) => r.text), ...t.comprehensionQuestions.map((q) => q.question)]) {
          expect(s).toMatch(CJK);
        }
        for (const f of fields().followUpPlan) expect(f.focus).toMatch(CJK);
      });
    });
  }
});
