import path from 'node:path';
import type { Command } from 'commander';
import type { Out } from '../../shared/api';
import { translate } from '../../shared/i18n';
import type { Locale } from '../../shared/schemas/common';
import type { Router } from '../router';
import type { CliHelpers } from './evidence';

export interface BackupCliHelpers extends CliHelpers {
  /** A router with no vault configured (set-up channels: a restore). */
  publicRouter(): Router;
  secretFrom(envName: string, question: string): Promise<string>;
}

const locale: Locale = (process.env.CONSENTVAULT_LANG ?? '').startsWith('zh') ? 'zh-TW' : 'en';

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** `consentvault backup` (an administrator makes a verified backup) and `consentvault restore` (into a new folder). */
export function registerBackupCommands(program: Command, h: BackupCliHelpers): void {
  program
    .command('backup')
    .description('make a backup of the vault into a folder (encrypted copy, key slots, signed manifest), verify it, then give it its final name; administrators only')
    .requiredOption('--vault <dir>', 'vault folder')
    .requiredOption('--to <folder>', 'the folder the backup goes into (a USB drive, a NAS share); it must exist')
    .option('--as <login-id>', 'act as this administrator')
    .action(async (o: { vault: string; to: string; as?: string }) => {
      await h.signedIn(o.vault, o.as, async (router) => {
        const { jobId } = await h.must(router, 'backups.start', { destination: path.resolve(o.to) });
        let status: Out<'jobs.status'> = await h.must(router, 'jobs.status', { jobId });
        let shown = '';
        while (status.state === 'queued' || status.state === 'running') {
          await new Promise((resolve) => setTimeout(resolve, 100));
          status = await h.must(router, 'jobs.status', { jobId });
          const line = `${status.phase} ${status.total > 0 ? Math.floor((100 * status.done) / status.total) : 0}%`;
          if (process.stderr.isTTY && line !== shown) process.stderr.write(`\r${(shown = line).padEnd(24)}`);
        }
        if (process.stderr.isTTY && shown) process.stderr.write('\n');
        const r = status.kind === 'backup.create' ? status.result : null;
        if (r?.status === 'verified') {
          h.print(`Backup verified: ${r.path}`);
          h.print(`Size:             ${size(r.bytes ?? 0)}`);
          h.print(`Chain head:       #${r.headSeq ?? 0} ${r.headHash ?? ''}`);
          h.print(`Copy:             ${(r.copyMs / 1000).toFixed(1)} s; verification ${(r.verifyMs / 1000).toFixed(1)} s`);
          return;
        }
        const reason = translate(locale, `backups.failures.${r?.failure ?? 'failed'}`);
        const where = r?.failure === 'verification_failed' ? ` Kept aside at ${r.path}${r.detail ? ` (${r.detail})` : ''}.` : '';
        h.fail(`${reason}${where}`, r?.failure === 'verification_failed' ? h.exit.verificationFailed : h.exit.badInput);
      });
    });

  program
    .command('restore')
    .description('restore a backup into a new folder: every hash is checked first, then a staff password (CONSENTVAULT_PASSWORD) or --recovery-code opens it; never over an existing vault')
    .requiredOption('--from <backup>', 'the backup folder (consentvault-backup-…)')
    .requiredOption('--vault <newdir>', 'the new vault folder (empty or not yet existing)')
    .option('--as <login-id>', 'open it with this staff member’s password as it was when the backup was taken')
    .option('--recovery-code', 'open it with the recovery code (from CONSENTVAULT_RECOVERY_CODE or a prompt) instead of a password')
    .action(async (o: { from: string; vault: string; as?: string; recoveryCode?: boolean }) => {
      const router = h.publicRouter();
      let credential: { kind: 'password'; loginId: string; password: string } | { kind: 'recovery_code'; recoveryCode: string };
      if (o.recoveryCode) {
        credential = { kind: 'recovery_code', recoveryCode: await h.secretFrom('CONSENTVAULT_RECOVERY_CODE', 'Recovery code: ') };
      } else {
        const loginId = o.as ?? process.env.CONSENTVAULT_USER;
        if (!loginId) h.fail('Name the staff member with --as LOGIN-ID (or use --recovery-code).', h.exit.badInput);
        credential = { kind: 'password', loginId, password: await h.secretFrom('CONSENTVAULT_PASSWORD', `Password for ${loginId}: `) };
      }
      const r = await h.must(router, 'setup.restoreBackup', { backupDir: path.resolve(o.from), vaultDir: path.resolve(o.vault), credential });
      h.print(`Restored ${r.clinicName} from ${r.backupName} (taken ${r.takenAt}) into ${r.vaultPath}`);
      h.print(`Chain head:       #${r.headSeq} (the restore is recorded in the audit trail with the checkpoint it continues from)`);
    });
}
