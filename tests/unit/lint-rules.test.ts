import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The layers and the no-cycle rule live in eslint.config.js; this proves they bite. Each probe is a real file in
 * the folder whose rule it breaks (the cycle rule resolves imports on disk), written here and removed afterwards.
 */
const root = path.resolve(__dirname, '../..');
const probeDirs: string[] = [];

function probe(folder: string, files: Record<string, string>): string[] {
  const dir = path.join(root, folder, `lint-probe-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  probeDirs.push(dir);
  return Object.entries(files).map(([name, text]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  });
}

async function ruleIds(files: string[]): Promise<string[]> {
  // Type-aware rules are not what is tested here, and a fresh typed program for each probe would take long.
  const eslint = new ESLint({ cwd: root, overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } }, rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' } } });
  const results = await eslint.lintFiles(files);
  return results.flatMap((r) => r.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`));
}

beforeAll(() => {
  for (const d of probeDirs) fs.rmSync(d, { recursive: true, force: true });
});
afterAll(() => {
  for (const d of probeDirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('the lint configuration enforces the layers', () => {
  it('fails on an import cycle', async () => {
    const files = probe('electron/services', {
      'a.ts': "import { b } from './b';\nexport const a = (): number => b() + 1;\n",
      'b.ts': "import { a } from './a';\nexport const b = (): number => (Date.now() < 0 ? a() : 0);\n",
    });
    expect(await ruleIds(files)).toEqual(['import-x/no-cycle', 'import-x/no-cycle']);
  }, 120_000);

  it('fails when the store imports a service', async () => {
    const files = probe('electron/store', { 'x.ts': "import type { ServiceContext } from '../../services/context';\nexport type X = ServiceContext;\n" });
    expect(await ruleIds(files)).toEqual(['no-restricted-imports']);
  }, 120_000);

  it('fails when the evidence engine or the PDF code imports a service', async () => {
    const evidence = probe('electron/evidence', { 'x.ts': "import { consentsHandlers } from '../../services/consents/handlers';\nexport const x = consentsHandlers;\n" });
    const pdf = probe('electron/pdf', { 'x.ts': "import type { ServiceContext } from '../../services/context';\nexport type X = ServiceContext;\n" });
    expect(await ruleIds([...evidence, ...pdf])).toEqual(['no-restricted-imports', 'no-restricted-imports']);
  }, 120_000);

  it('fails when the domain calls the store, and allows it to name record types', async () => {
    const files = probe('electron/domain', {
      'calls.ts': "import { Vault } from '../../store/vault';\nexport const open = Vault.openWithPassword;\n",
      'names.ts': "import type { PatientRecord } from '../../store/patients/repository';\nexport type P = PatientRecord;\n",
    });
    const eslint = await ruleIds(files);
    expect(eslint).toEqual(['@typescript-eslint/no-restricted-imports']);
  }, 120_000);

  it('fails when shared/ imports Node or the main process', async () => {
    const files = probe('shared', { 'x.ts': "import fs from 'node:fs';\nimport type { Vault } from '../../electron/store/vault';\nexport const x = (v: Vault) => [fs, v];\n" });
    expect(await ruleIds(files)).toEqual(['no-restricted-imports', 'no-restricted-imports']);
  }, 120_000);

  it('fails when the renderer imports the main process', async () => {
    const files = probe('renderer/src', { 'x.ts': "import type { Vault } from '../../../electron/store/vault';\nexport type X = Vault;\n" });
    expect(await ruleIds(files)).toEqual(['no-restricted-imports']);
  }, 120_000);

  it('passes the same files without the break (the probes are otherwise clean)', async () => {
    const files = probe('electron/store', { 'clean.ts': "import type { Vault } from '../vault';\nexport type X = Vault;\n" });
    expect(await ruleIds(files)).toEqual([]);
  }, 120_000);
});
