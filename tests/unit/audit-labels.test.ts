import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../shared/i18n';

/** Every .ts file under electron/, read as text: the audit actions are string literals at their call sites. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') ? [fs.readFileSync(full, 'utf8')] : [];
  });
}

const code = sources(path.join(__dirname, '../../electron')).join('\n');
const actions = new Set([
  ...[...code.matchAll(/audit(?:EvenIfFailed)?\(\s*'([a-z_.]+)'/g)].map((m) => m[1]!),
  ...[...code.matchAll(/action: '([a-z_]+\.[a-z_.]+)'/g)].map((m) => m[1]!),
  // Services that save and audit in one helper: save(ctx, consultation, 'consultation.goals_saved', …)
  ...[...code.matchAll(/save\(ctx, \w+, '([a-z_]+\.[a-z_.]+)'/g)].map((m) => m[1]!),
]);
const subjects = new Set([...code.matchAll(/audit(?:EvenIfFailed)?\(\s*'[^']+',\s*\{\s*type:\s*'([a-z_]+)'/g)].map((m) => m[1]!));

describe('the audit trail speaks both languages', () => {
  it('finds the audited actions in the code (the scan itself works)', () => {
    expect(actions).toContain('patient.viewed');
    expect(actions).toContain('vault.created');
    expect(actions).toContain('consultation.disclosed');
    expect(subjects).toContain('patient');
  });

  for (const locale of ['zh-TW', 'en'] as const) {
    it(`labels every audited action and subject in ${locale}`, () => {
      const labels = messages[locale].auditActions as Record<string, string>;
      const subjectLabels = messages[locale].auditSubjects as Record<string, string>;
      expect([...actions].filter((a) => !labels[a.replace(/\./g, '_')])).toEqual([]);
      expect([...subjects].filter((s) => !subjectLabels[s])).toEqual([]);
    });
  }
});
