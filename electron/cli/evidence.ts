import path from 'node:path';
import { Option, type Command } from 'commander';
import type { ChannelName, In, Out } from '../../shared/api';
import { translate } from '../../shared/i18n';
import type { Locale } from '../../shared/schemas/common';
import type { EvidenceScope } from '../../shared/schemas/evidence';
import { verifyPack } from '../evidence/verify';
import type { Router } from '../router';

export interface CliHelpers {
  signedIn<T>(vault: string, as: string | undefined, work: (router: Router) => Promise<T>): Promise<T>;
  must<C extends ChannelName>(router: Router, channel: C, input: In<C>): Promise<Out<C>>;
  print(line?: string): void;
  fail(message: string, exitCode: number): never;
  exit: { ok: number; verificationFailed: number; badInput: number };
}

const locale: Locale = (process.env.CONSENTVAULT_LANG ?? '').startsWith('zh') ? 'zh-TW' : 'en';

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** `consentvault export` (an administrator writes an evidence pack) and `consentvault verify` (anyone, no vault needed). */
export function registerEvidenceCommands(program: Command, h: CliHelpers): void {
  program
    .command('export')
    .description("write an evidence pack (BagIt ZIP, signed with the clinic's key) for one patient; administrators only")
    .requiredOption('--vault <dir>', 'vault folder')
    .requiredOption('--patient <chartNo>', "the patient's chart number")
    .option('--consultation <id>', 'only this consultation (with its consent and records)')
    .option('--from <date>', 'only records from this date (YYYY-MM-DD, clinic time)')
    .option('--to <date>', 'only records up to this date (YYYY-MM-DD, clinic time)')
    .addOption(new Option('--kind <kind>', 'lawyer: with the audit trail; patient: the patient’s copy without internal audit detail').choices(['lawyer', 'patient']).default('lawyer'))
    .addOption(new Option('--lang <locale>', 'language of evidence.pdf').choices(['zh-TW', 'en']).default('zh-TW'))
    .requiredOption('--out <file.zip>', 'the pack file to write (must not exist)')
    .option('--as <name>', 'act as this administrator')
    .action(async (o: { vault: string; patient: string; consultation?: string; from?: string; to?: string; kind: 'lawyer' | 'patient'; lang: Locale; out: string; as?: string }) => {
      if (o.consultation && (o.from || o.to)) h.fail('--consultation cannot be combined with --from/--to', h.exit.badInput);
      if (Boolean(o.from) !== Boolean(o.to)) h.fail('--from and --to go together', h.exit.badInput);
      const scope: EvidenceScope = o.consultation
        ? { type: 'consultation', consultationId: o.consultation }
        : o.from && o.to
          ? { type: 'dateRange', from: o.from, to: o.to }
          : { type: 'patient' };
      await h.signedIn(o.vault, o.as, async (router) => {
        const found = await h.must(router, 'patients.search', { query: o.patient, limit: 20 });
        const patient = found.find((p) => p.chartNo.toLowerCase() === o.patient.toLowerCase());
        if (!patient) h.fail(translate(locale, 'errors.patientNotFound') + ` (${o.patient})`, h.exit.badInput);
        const started = await h.must(router, 'evidence.startExport', { patientId: patient.id, scope, kind: o.kind, locale: o.lang, destination: path.resolve(o.out) });
        let status = await h.must(router, 'evidence.progress', { jobId: started.jobId });
        let shown = '';
        while (status.state === 'running') {
          await new Promise((resolve) => setTimeout(resolve, 100));
          status = await h.must(router, 'evidence.progress', { jobId: started.jobId });
          const line = `${status.phase} ${status.total > 0 ? Math.floor((100 * status.done) / status.total) : 0}%`;
          if (process.stderr.isTTY && line !== shown) process.stderr.write(`\r${(shown = line).padEnd(24)}`);
        }
        if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(26) + '\r');
        if (status.state !== 'done' || !status.result) h.fail(translate(locale, status.errorKey ?? 'evidence.export.failed'), status.state === 'cancelled' ? h.exit.badInput : h.exit.verificationFailed);
        const r = status.result;
        h.print(`Evidence pack ${String(r.packNo).padStart(4, '0')} written to ${r.path} (${size(r.bytes)})`);
        h.print(`Pack ID:            ${r.packId}`);
        h.print(`Payload files:      ${r.files}`);
        h.print(`evidence.pdf:       ${r.pages} pages, ${r.batesFirst} – ${r.batesLast}`);
        h.print(`Tag manifest:       ${r.tagManifestSha256}`);
      });
    });

  program
    .command('verify')
    .description('check an evidence pack offline: BagIt structure, every hash, Payload-Oxum, the Ed25519 signature, consent bindings, audit links; exit 0 valid, 1 tampered or invalid, 2 unreadable')
    .argument('<pack.zip>', 'the evidence pack')
    .option('--fingerprint <sha256>', "the clinic's public-key fingerprint as the clinic gave it to you (checked too)")
    .option('--json', 'print the result as JSON')
    .action(async (file: string, o: { fingerprint?: string; json?: boolean }) => {
      const v = await verifyPack({ path: path.resolve(file) });
      const expected = o.fingerprint?.replace(/[\s:]/g, '').toLowerCase();
      if (expected && v.readable && v.info.keyFingerprint !== expected) {
        v.problems.push({ file: 'clinic-public-key.pem', code: 'bad_public_key', detail: `fingerprint ${v.info.keyFingerprint ?? 'unknown'} is not ${expected}` });
        v.ok = false;
      }
      if (o.json) h.print(JSON.stringify(v, null, 2));
      else {
        const label = (code: string) => translate(locale, `evidence.verify.problems.${code}`);
        if (v.readable) {
          h.print(`Pack:               ${v.info.packId ?? '?'} (${v.info.kind ?? '?'})`);
          h.print(`Clinic:             ${v.info.clinic ?? '?'}`);
          h.print(`Patient:            ${v.info.patient ?? '?'}`);
          h.print(`Key fingerprint:    ${v.info.keyFingerprint ?? '?'}`);
          h.print(`Checked:            ${v.checked.payloadFiles} payload files, ${v.checked.tagFiles} tag files, ${v.checked.consents} consents, ${v.checked.signatures} signatures, ${v.checked.auditEvents} audit events`);
        }
        for (const p of v.problems) h.print(`FAIL ${p.file}: ${label(p.code)}${p.detail ? ` (${p.detail})` : ''}`);
        h.print(v.ok ? 'Evidence pack verified: complete and unchanged.' : v.readable ? `Evidence pack does NOT verify: ${v.problems.length} problem(s).` : 'Not a readable evidence pack.');
      }
      if (!v.readable) h.fail(`cannot read ${file}`, 2);
      if (!v.ok) h.fail(`${file} does not verify`, h.exit.verificationFailed);
    });
}
