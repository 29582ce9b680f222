import { describe, expect, it } from 'vitest';
import { STARTER_CATALOGUE } from '../../electron/store/migrations/0040-starter-catalogue-data';
import { ProcedureFields, TemplateContent } from '../../shared/schemas/catalogue';

const REQUIRED = ['double_eyelid', 'rhinoplasty_implant', 'liposuction', 'breast_augmentation', 'ha_filler', 'botulinum_toxin', 'picosecond_laser', 'hifu'];
const CJK = /[\u4e00-\u9fff]/;

describe('the starter catalogue seeded into every vault', () => {
  it('has the eight required procedures, each code once', () => {
    const codes = STARTER_CATALOGUE.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of REQUIRED) expect(codes).toContain(code);
  });

  for (const p of STARTER_CATALOGUE) {
    describe(p.code, () => {
      it('passes the procedure and template schemas in both languages', () => {
        const { templates, ...fields } = p;
        expect(() => ProcedureFields.parse(fields)).not.toThrow();
        expect(() => TemplateContent.parse(templates['zh-TW'])).not.toThrow();
        expect(() => TemplateContent.parse(templates.en)).not.toThrow();
      });
      it('uses the same item ids, in the same order, in both languages', () => {
        const ids = (l: 'zh-TW' | 'en') => {
          const t = p.templates[l];
          return [t.risks, t.alternatives, t.contraindications, t.comprehensionQuestions].map((list) => list.map((x) => x.id));
        };
        expect(ids('en')).toEqual(ids('zh-TW'));
        const answers = (l: 'zh-TW' | 'en') => p.templates[l].comprehensionQuestions.map((q) => [q.correctIndex, q.options.length, q.topic]);
        expect(answers('en')).toEqual(answers('zh-TW'));
        const risks = (l: 'zh-TW' | 'en') => p.templates[l].risks.map((r) => [r.frequency, r.severity]);
        expect(risks('en')).toEqual(risks('zh-TW'));
      });
      it('waits at least 14 days for surgery and 1 day otherwise, and names at least one severe risk', () => {
        expect(p.coolingOffDays).toBeGreaterThanOrEqual(p.category === 'surgical' ? 14 : 1);
        expect(p.templates['zh-TW'].risks.some((r) => r.severity === 'severe')).toBe(true);
      });
      it('is written in Chinese in the zh-TW template', () => {
        const t = p.templates['zh-TW'];
        for (const s of [t.title, t.purpose, t.howItIsDone, t.limitations, ...t.risks.map((r) => r.text), ...t.comprehensionQuestions.map((q) => q.question)]) {
          expect(s).toMatch(CJK);
        }
        for (const f of p.followUpPlan) expect(f.focus).toMatch(CJK);
      });
    });
  }
});
