import path from 'node:path';
import { Option, type Command } from 'commander';
import type { ChannelName, In, Out } from '../../shared/api';
import { translate } from '../../shared/i18n';
import type { Locale } from '../../shared/schemas/common';
import type { EvidenceScope, PackVerification } from '../../shared/schemas/evidence';
import { normaliseFingerprint, verifyPack } from '../evidence/verify';
import type { Router } from '../router';

export interface CliHelpers {
  signedIn<T>(vault: string, as: string | undefined, work: (router: Router) => Promise<T>): Promise<T>;
  must<C extends ChannelName>(router: Router, channel: C, input: In<C>): Promise<Out<C>>;
  print(line?: string): void;
  fail(message: string, exitCode: number): never;
  exit: { ok: number; verificationFailed: number; badInput: number };
}

/** `verify` exit code for a pack that is intact but whose signing key nobody confirmed. */
export const SIGNER_UNCONFIRMED = 4;

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
    .option('--as <login-id>', 'act as this administrator')
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
    .description('check an evidence pack offline: BagIt structure, every hash, Payload-Oxum, the Ed25519 signature, consent bindings, audit links and checkpoint; exit 0 verified (key confirmed with --fingerprint), 4 intact but the key not confirmed, 1 tampered, invalid or signed by another key, 2 unreadable')
    .argument('<pack.zip>', 'the evidence pack')
    .option('--fingerprint <sha256>', "the clinic's public-key fingerprint as the clinic gave it to you (checked too)")
    .option('--json', 'print the result as JSON')
    .action(async (file: string, o: { fingerprint?: string; json?: boolean }) => {
      const expected = o.fingerprint ? normaliseFingerprint(o.fingerprint) : null;
      if (expected !== null && !/^[0-9a-f]{64}$/.test(expected)) h.fail('--fingerprint must be the 64 hexadecimal digits of a SHA-256 fingerprint', h.exit.badInput);
      const v = await verifyPack({ path: path.resolve(file) }, { expected: expected ? { fingerprint: expected, confirmation: 'given_fingerprint' } : null });
      if (o.json) h.print(JSON.stringify(v, null, 2));
      else {
        const label = (code: string) => translate(locale, `evidence.verify.problems.${code}`);
        if (v.readable) {
          h.print(`Pack:               ${v.info.packId ?? '?'} (${v.info.kind ?? '?'})`);
          h.print(`Clinic:             ${v.info.clinic ?? '?'}`);
          h.print(`Patient:            ${v.info.patient ?? '?'}`);
          h.print(`Signed by key:      ${v.signer.fingerprint ?? '?'}`);
          h.print(`Checked:            ${v.checked.payloadFiles} payload files, ${v.checked.tagFiles} tag files, ${v.checked.consents} consents, ${v.checked.signatures} signatures, ${v.checked.auditEvents} audit events`);
        }
        for (const p of v.problems) h.print(`FAIL ${p.file}: ${label(p.code)}${p.detail ? ` (${p.detail})` : ''}`);
        h.print(verdictLine(v));
      }
      if (!v.readable) h.fail(`cannot read ${file}`, 2);
      if (!v.ok) h.fail(`${file} does not verify`, h.exit.verificationFailed);
      // Intact is not verified: a script must not read success unless the signer's key was confirmed.
      if (v.verdict === 'intact_signer_unconfirmed') h.fail(`${file} is intact, but its signing key was not confirmed (give --fingerprint)`, SIGNER_UNCONFIRMED);
    });
}

/** What the CLI says at the end: never "verified" without saying whose key it was and whether anyone confirmed it. */
function verdictLine(v: PackVerification): string {
  switch (v.verdict) {
    case 'verified':
      return `Evidence pack verified: complete and unchanged, signed by the key ${v.signer.fingerprint ?? '?'}, which matches the fingerprint you gave.`;
    case 'intact_signer_unconfirmed':
      return [
        'Evidence pack intact: complete and internally consistent, but the signer is NOT confirmed.',
        `It was signed by the key ${v.signer.fingerprint ?? '?'}. Anyone can make a consistent pack with a key of their own:`,
        "ask the clinic for its key fingerprint (not from this pack) and run again with --fingerprint <sha256>.",
      ].join('\n');
    case 'signed_by_other_key':
      return `Evidence pack does NOT verify: it was signed by another key (${v.signer.fingerprint ?? '?'}), not ${v.signer.expectedFingerprint ?? 'the one this pack names'}.`;
    case 'invalid':
      return `Evidence pack does NOT verify: ${v.problems.length} problem(s).`;
    case 'unreadable':
      return 'Not a readable evidence pack.';
  }
}
