import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { ChannelName, In, Out } from '../../shared/api';
import type { ApiError } from '../../shared/errors';
import { translate } from '../../shared/i18n';
import type { Locale } from '../../shared/schemas/common';
import { DEFAULT_TIME_ZONE } from '../../shared/schemas/settings';
import { ROLES } from '../../shared/schemas/staff';
import { AppCore, fixedConfigStore } from '../app-core';
import { DEFAULT_DEMO_PASSWORD, seedDemoVault } from '../demo/seed';
import { DemoClock, HISTORY_DAYS_AGO } from '../demo/seed-consents';
import { createRouter, type Router } from '../router';
import { Vault, vaultExists } from '../store/vault';
import { registerBackupCommands } from './backups';
import { registerEvidenceCommands } from './evidence';
import { registerServeCommand } from './serve';
import { registerUnattendedKeyCommands } from './unattended-key';
import { promptSecret } from './prompt';

/** Exit codes promised in the README. */
export const EXIT = { ok: 0, verificationFailed: 1, badInput: 2, credentials: 3 } as const;

export class CliFailure extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.exitCode = exitCode;
  }
}

const locale: Locale = (process.env.CONSENTVAULT_LANG ?? '').startsWith('zh') ? 'zh-TW' : 'en';

/** Input fields named as the options the person typed. */
const FIELD_OPTIONS: Record<string, string> = {
  clinicName: '--clinic',
  adminName: '--admin-name',
  adminPassword: 'CONSENTVAULT_NEW_PASSWORD',
  vaultDir: '--vault',
  timeZone: '--time-zone',
  name: '--name',
  loginId: '--login',
  adminLoginId: '--admin-login',
  role: '--role',
  licenceNo: '--licence',
  specialty: '--specialty',
  password: 'CONSENTVAULT_NEW_PASSWORD',
  newPassword: 'CONSENTVAULT_NEW_PASSWORD',
  consentId: '--consent',
  chartNo: '--patient',
};

function describeError(e: ApiError): string {
  const head = translate(locale, e.messageKey, e.params);
  const fields = (e.issues ?? []).map((i) => `${FIELD_OPTIONS[String(i.path[0])] ?? i.path.join('.')}: ${translate(locale, i.messageKey)}`);
  return fields.length ? `${head} (${fields.join('; ')})` : head;
}

function exitCodeFor(e: ApiError): number {
  if (e.code === 'invalid_credentials' || e.code === 'locked' || e.code === 'forbidden' || e.code === 'unauthenticated') return EXIT.credentials;
  if (e.code === 'internal') return EXIT.verificationFailed;
  return EXIT.badInput;
}

async function must<C extends ChannelName>(router: Router, channel: C, input: In<C>): Promise<Out<C>> {
  const r = await router.call(channel, input);
  if (!r.ok) throw new CliFailure(describeError(r.error), exitCodeFor(r.error));
  return r.value as Out<C>;
}

async function secretFrom(envName: string, question: string, confirm = false): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) throw new CliFailure(`${envName} is not set and there is no terminal to ask for it.`, EXIT.badInput);
  const first = await promptSecret(question);
  if (confirm && (await promptSecret('Repeat: ')) !== first) throw new CliFailure('The two entries do not match.', EXIT.badInput);
  return first;
}

function newRouter(vaultDir: string | null): { app: AppCore; router: Router } {
  const app = new AppCore({ config: fixedConfigStore(vaultDir), host: { defaultVaultPath: vaultDir ?? '', commandLine: true } });
  return { app, router: createRouter(app, { checkOutput: true, logError: () => undefined }) };
}

function resolveVault(dir: string): string {
  return path.resolve(dir);
}

/**
 * Signs in as --as LOGIN-ID (or CONSENTVAULT_USER; default: the administrator created at init) with
 * CONSENTVAULT_PASSWORD or a prompt. Staff from before login ids have their name as their login id.
 */
async function signedIn<T>(vaultOpt: string, as: string | undefined, work: (router: Router) => Promise<T>): Promise<T> {
  const dir = resolveVault(vaultOpt);
  if (!fs.existsSync(dir)) throw new CliFailure(translate(locale, 'errors.vaultMissing', { path: dir }), EXIT.badInput);
  if (!vaultExists(dir)) throw new CliFailure(translate(locale, 'errors.notAVault') + ` (${dir})`, EXIT.badInput);
  let loginId = as ?? process.env.CONSENTVAULT_USER;
  loginId ??= Vault.firstStaffLoginKey(dir) ?? undefined;
  if (!loginId) throw new CliFailure('No staff account in this vault; use --as LOGIN-ID.', EXIT.badInput);
  const password = await secretFrom('CONSENTVAULT_PASSWORD', `Password for ${loginId}: `);
  const { app, router } = newRouter(dir);
  const session = await must(router, 'session.signIn', { loginId, password });
  if (session.passwordChangeRequired) {
    await router.call('session.signOut', {});
    app.closeVault();
    throw new CliFailure(`${loginId} must first replace the password an administrator set: sign in to the app and choose a new one.`, EXIT.credentials);
  }
  try {
    return await work(router);
  } finally {
    await router.call('session.signOut', {});
    app.closeVault();
  }
}

/** Set once stdout's reader has gone away (`consentvault … | head -1`): the rest of the output is dropped. */
let stdoutClosed = false;

function print(line = ''): void {
  if (stdoutClosed || process.stdout.destroyed) return;
  process.stdout.write(line + '\n');
}

/**
 * Makes a closed pipe on stdout or stderr end the output quietly, as coreutils do, instead of an uncaught
 * EPIPE stack trace. The command still runs to its end, so it signs out and closes the vault, and its exit
 * status is its own. Called once by bin/consentvault.mjs, not by runCli, so in-process callers keep their streams.
 */
export function quietOnClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
      if (stream === process.stdout) stdoutClosed = true;
    });
  }
}

export function buildProgram(): Command {
  const program = new Command('consentvault')
    .description('ConsentVault administration and verification')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('init')
    .description('create a new vault with its first administrator (password from CONSENTVAULT_NEW_PASSWORD or a prompt)')
    .requiredOption('--vault <dir>', 'vault folder (empty or not yet existing)')
    .requiredOption('--clinic <name>', 'clinic name')
    .requiredOption('--admin-name <name>', "first administrator's name (shown on records)")
    .option('--admin-login <id>', "first administrator's login id (default: the name)")
    .option('--time-zone <tz>', 'clinic time zone', DEFAULT_TIME_ZONE)
    .option('--clear-abandoned', 'first remove an interrupted set-up left in the folder (vault files without keyslots.json; never a complete vault or other files)')
    .action(async (o: { vault: string; clinic: string; adminName: string; adminLogin?: string; timeZone: string; clearAbandoned?: boolean }) => {
      const password = await secretFrom('CONSENTVAULT_NEW_PASSWORD', `New password for ${o.adminName}: `, true);
      const { router } = newRouter(null);
      const vaultDir = resolveVault(o.vault);
      if (o.clearAbandoned) {
        const cleared = await must(router, 'setup.clearAbandoned', { vaultDir });
        if (cleared.removed.length > 0) print(`Cleared an interrupted set-up in ${vaultDir}: ${cleared.removed.join(', ')}`);
      }
      const created = await router.call('setup.createVault', {
        clinicName: o.clinic,
        timeZone: o.timeZone,
        vaultDir,
        adminName: o.adminName,
        ...(o.adminLogin !== undefined ? { adminLoginId: o.adminLogin } : {}),
        adminPassword: password,
      });
      if (!created.ok) {
        const hint = created.error.messageKey === 'errors.abandonedSetup' ? ' To remove it and set up again, re-run init with --clear-abandoned.' : '';
        throw new CliFailure(describeError(created.error) + hint, exitCodeFor(created.error));
      }
      const r = created.value as Out<'setup.createVault'>;
      print(`Vault created at ${r.vaultPath}`);
      print(`Recovery code: ${r.recoveryCode}`);
      print('Write the recovery code down and keep it somewhere safe: it is shown only once and is the only way back in if every administrator password is lost.');
    });

  const staff = program.command('staff').description('staff accounts');
  staff
    .command('add')
    .description('add a staff member (a temporary password from CONSENTVAULT_NEW_PASSWORD or a prompt: they choose their own at first sign-in)')
    .requiredOption('--vault <dir>', 'vault folder')
    .requiredOption('--name <name>', 'name shown on records (two people may share one)')
    .option('--login <id>', 'login id they sign in with (unique; default: the name)')
    .addOption(new Option('--role <role>', 'role').choices([...ROLES]).makeOptionMandatory())
    .option('--licence <no>', "physician's licence number")
    .option('--specialty <s>', "physician's specialty")
    .option('--as <login-id>', 'act as this administrator (default: the one created at init)')
    .action(async (o: { vault: string; name: string; login?: string; role: (typeof ROLES)[number]; licence?: string; specialty?: string; as?: string }) => {
      await signedIn(o.vault, o.as, async (router) => {
        const password = await secretFrom('CONSENTVAULT_NEW_PASSWORD', `New password for ${o.name}: `, true);
        const m = await must(router, 'staff.add', {
          name: o.name,
          ...(o.login !== undefined ? { loginId: o.login } : {}),
          role: o.role,
          password,
          ...(o.licence !== undefined ? { licenceNo: o.licence } : {}),
          ...(o.specialty !== undefined ? { specialty: o.specialty } : {}),
        });
        print(`Added ${m.role} ${m.name}, login id ${m.loginId} (${m.id}); they choose their own password at first sign-in`);
      });
    });
  staff
    .command('list')
    .description('list staff accounts')
    .requiredOption('--vault <dir>', 'vault folder')
    .option('--as <login-id>', 'act as this administrator')
    .option('--json', 'print JSON')
    .action(async (o: { vault: string; as?: string; json?: boolean }) => {
      await signedIn(o.vault, o.as, async (router) => {
        const list = await must(router, 'staff.list', { includeInactive: true });
        if (o.json) return print(JSON.stringify(list, null, 2));
        print(['LOGIN', 'NAME', 'ROLE', 'LICENCE', 'SPECIALTY', 'STATUS'].join('\t'));
        for (const m of list) {
          const status = !m.active ? 'inactive' : m.passwordChangeRequired ? 'active (temporary password)' : 'active';
          print([m.loginId, m.name, m.role, m.licenceNo ?? '-', m.specialty ?? '-', status].join('\t'));
        }
      });
    });

  program
    .command('audit')
    .description('audit trail')
    .command('verify')
    .description('recompute the hash chain; exit 1 and name the first broken event if it does not hold')
    .requiredOption('--vault <dir>', 'vault folder')
    .option('--as <login-id>', 'act as this administrator')
    .action(async (o: { vault: string; as?: string }) => {
      await signedIn(o.vault, o.as, async (router) => {
        const v = await must(router, 'audit.verify', {});
        if (v.firstBreak) throw new CliFailure(`Audit chain broken at event #${v.firstBreak.seq} (${v.firstBreak.reason}); ${v.checked} events before it verified.`, EXIT.verificationFailed);
        print(`Audit chain intact: ${v.checked} events, head #${v.headSeq ?? 0} ${v.headHash ?? ''}`);
        for (const p of v.records.problems) print(`FAIL #${p.seq} ${p.action} consent ${p.consentId}: ${p.problem.replace(/_/g, ' ')} (the record the audit trail names is gone or differs)`);
        print(`Consent records:  ${v.records.checked} audited events checked against their rows, ${v.records.problems.length} problem(s)`);
        if (v.records.destroyed > 0) print(`                  ${v.records.destroyed} of them name consents destroyed after retention (checked against the tombstone's hashes)`);
        const cp = v.checkpoint;
        print(`Checkpoint:       ${cp.state}${cp.checkpointSeq !== null ? ` (signed at #${cp.checkpointSeq}, ${cp.checkpointAt ?? '?'})` : ''}${cp.detail ? `: ${cp.detail}` : ''}`);
        if (!v.ok) {
          const why = [v.records.problems.length > 0 ? 'records named by the audit trail are missing or differ' : '', cp.state !== 'ok' ? `the chain is ${cp.state === 'cut' ? 'shorter than its signed checkpoint (cut)' : cp.state === 'rewritten' ? 'rewritten under its signed checkpoint' : `not confirmed by a checkpoint (${cp.state})`}` : ''].filter(Boolean);
          throw new CliFailure(`Audit trail does not verify: ${why.join('; ')}.`, EXIT.verificationFailed);
        }
        print('Audit trail verified.');
      });
    });

  program
    .command('info')
    .description('schema version, counts and the audit chain head')
    .requiredOption('--vault <dir>', 'vault folder')
    .option('--as <login-id>', 'act as this administrator')
    .option('--json', 'print JSON')
    .action(async (o: { vault: string; as?: string; json?: boolean }) => {
      await signedIn(o.vault, o.as, async (router) => {
        const i = await must(router, 'vault.info', {});
        if (o.json) return print(JSON.stringify(i, null, 2));
        print(`Vault:            ${i.vaultPath}`);
        print(`Schema version:   ${i.schemaVersion} (this app: ${i.appSchemaVersion})`);
        print(`Active staff:     ${Object.entries(i.activeStaffByRole).map(([r, n]) => `${r} ${n}`).join(', ')}`);
        print(`Audit events:     ${i.auditEvents}`);
        print(`Chain head:       ${i.chainHead ? `#${i.chainHead.seq} ${i.chainHead.hash}` : '(empty)'}`);
        print(`Signing key:      ${i.signingKeyFingerprint ?? '(none)'}`);
      });
    });

  program
    .command('patients')
    .description('patients')
    .command('list')
    .description('list patients (newest first, or matching --search); the listing is audited as a view')
    .requiredOption('--vault <dir>', 'vault folder')
    .option('--search <text>', 'any part of a name, chart number, phone or ID', '')
    .option('--limit <n>', 'at most this many (1–200)', '50')
    .option('--as <login-id>', 'act as this staff member')
    .option('--json', 'print JSON')
    .action(async (o: { vault: string; search: string; limit: string; as?: string; json?: boolean }) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new CliFailure('--limit must be a whole number from 1 to 200', EXIT.badInput);
      await signedIn(o.vault, o.as, async (router) => {
        const list = await must(router, 'patients.search', { query: o.search, limit });
        if (o.json) {
          return print(JSON.stringify(list.map((p) => ({ id: p.id, chartNo: p.chartNo, name: p.nameZh, nameEn: p.nameEn, age: p.age, consultationCount: p.consultationCount })), null, 2));
        }
        print(['CHART', 'NAME', 'AGE', 'CONSULTATIONS'].join('\t'));
        for (const p of list) print([p.chartNo, p.nameZh, p.age, p.consultationCount].join('\t'));
      });
    });

  program
    .command('consents')
    .description('consents')
    .command('list')
    .description('consents with patient chart number, procedure, status and the issued document SHA-256 (audited as a view)')
    .requiredOption('--vault <dir>', 'vault folder')
    .option('--patient <chartNo>', "only this patient's consents (chart number)")
    .option('--as <login-id>', 'act as this staff member')
    .option('--json', 'print JSON')
    .action(async (o: { vault: string; patient?: string; as?: string; json?: boolean }) => {
      await signedIn(o.vault, o.as, async (router) => {
        const list = await must(router, 'consents.list', { limit: 1000, ...(o.patient !== undefined ? { chartNo: o.patient } : {}) });
        if (o.json) {
          return print(JSON.stringify(list.map((c) => ({ id: c.id, chartNo: c.chartNo, procedure: c.procedureName, status: c.status, sha256: c.sha256, finalSha256: c.finalSha256, issuedAt: c.issuedAt })), null, 2));
        }
        print(['ID', 'CHART', 'PROCEDURE', 'STATUS', 'SHA256'].join('\t'));
        for (const c of list) print([c.id, c.chartNo, c.procedureName, c.status, c.sha256].join('\t'));
      });
    });

  program
    .command('consent')
    .description('one consent')
    .command('verify')
    .description("recompute a consent's stored hashes and check its signatures' bindings; exit 1 if anything does not hold")
    .requiredOption('--vault <dir>', 'vault folder')
    .requiredOption('--consent <id>', 'consent ID')
    .option('--as <login-id>', 'act as this staff member')
    .action(async (o: { vault: string; consent: string; as?: string }) => {
      await signedIn(o.vault, o.as, async (router) => {
        const v = await must(router, 'consents.verify', { consentId: o.consent });
        for (const c of v.checks) print(`${c.ok ? 'ok  ' : 'FAIL'} ${c.check}  ${c.detail}`);
        if (!v.ok) throw new CliFailure(`Consent ${v.consentId} does not verify: ${v.checks.filter((c) => !c.ok).map((c) => c.check).join(', ')}`, EXIT.verificationFailed);
        print(`Consent ${v.consentId} verified: ${v.checks.length} checks passed`);
      });
    });

  program
    .command('demo')
    .description('create a demo vault with synthetic, deterministic data (password from CONSENTVAULT_NEW_PASSWORD or the demo default)')
    .requiredOption('--vault <dir>', 'vault folder (empty or not yet existing)')
    .option('--seed <n>', 'seed for the synthetic data', '1')
    .option('--patients <n>', 'synthetic patients (the first 60 with consultations in every state)', '0')
    .action(async (o: { vault: string; seed: string; patients: string }) => {
      const patients = Number(o.patients);
      if (!Number.isInteger(patients) || patients < 0 || patients > 200_000) throw new CliFailure('--patients must be a whole number from 0 to 200000', EXIT.badInput);
      const seed = Number(o.seed);
      if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) throw new CliFailure('--seed must be a whole number from 0 to 4294967295', EXIT.badInput);
      const password = process.env.CONSENTVAULT_NEW_PASSWORD || DEFAULT_DEMO_PASSWORD;
      const dir = resolveVault(o.vault);
      // The demo clinic's history starts three weeks back, so its consents can be signed after real cooling-off periods.
      const clock = new DemoClock(HISTORY_DAYS_AGO);
      const router = createRouter(new AppCore({ config: fixedConfigStore(null), host: { defaultVaultPath: '' }, clock }), { checkOutput: true, logError: () => undefined });
      try {
        const { clinic, recoveryCode, consultations } = await seedDemoVault(router, dir, seed, password, patients, clock);
        print(`Demo vault created at ${dir} for ${clinic.clinicName}`);
        print(`Recovery code: ${recoveryCode}`);
        print(`Every demo account's password: ${password}`);
        for (const s of [clinic.admin, ...clinic.staff]) print(`  ${s.role.padEnd(10)} ${s.name}${s.specialty ? `  ${s.specialty} ${s.licenceNo}` : ''}`);
        if (patients > 0) {
          print(`Patients: ${patients}; consultations by state: ${Object.entries(consultations).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
        }
      } catch (e) {
        if (e instanceof Error && 'code' in e && 'messageKey' in e) {
          const err = e as unknown as ApiError;
          throw new CliFailure(describeError(err), exitCodeFor(err));
        }
        throw e;
      }
    });

  // What every command file is handed: how to sign in, answer, print and fail with an exit code.
  const fail = (message: string, exitCode: number): never => {
    throw new CliFailure(message, exitCode);
  };
  const commands = { signedIn, must, print, fail, exit: EXIT };
  registerEvidenceCommands(program, commands);
  registerBackupCommands(program, {
    ...commands,
    publicRouter: () => newRouter(null).router,
    secretFrom: (envName, question) => secretFrom(envName, question),
  });
  registerUnattendedKeyCommands(program, commands);

  registerServeCommand(program, {
    must,
    print,
    fail,
    secretFrom: (envName, question) => secretFrom(envName, question),
    exit: EXIT,
    locale,
  });

  return program;
}

/** Runs the CLI and returns the exit code (never calls process.exit, so tests can run it in-process). */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.badInput;
    }
    if (e instanceof CliFailure) {
      process.stderr.write(`consentvault: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`consentvault: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.verificationFailed;
  }
}

