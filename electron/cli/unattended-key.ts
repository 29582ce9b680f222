import path from 'node:path';
import type { Command } from 'commander';
import { translate } from '../../shared/i18n';
import type { Locale } from '../../shared/schemas/common';
import type { CliHelpers } from './evidence';

const locale: Locale = (process.env.CONSENTVAULT_LANG ?? '').startsWith('zh') ? 'zh-TW' : 'en';
const say = (key: string, params?: Record<string, string>): string => translate(locale, `unattended.${key}`, params);

/** The warning, every time a key file is made: what the file can open, where it may live, when to revoke it. */
export function unattendedWarning(): string[] {
  return [`${say('warningTitle')}:`, `  ${say('warning')}`, `  ${say('keepLocal')}`, `  ${say('revokeWhen')}`, `  ${say('attribution')}`];
}

/**
 * `consentvault unattended-key create|revoke|status`: an administrator turns the clinic server's unattended start on
 * (a key file for `serve --key-file`) or off. Signing in with the administrator's password is the explicit act.
 */
export function registerUnattendedKeyCommands(program: Command, h: CliHelpers & { exit: { credentials: number } }): void {
  const cmd = program.command('unattended-key').description("the clinic server's optional unattended-start key file (serve --key-file), made or revoked by an administrator");

  cmd
    .command('create')
    .description('write a key file that starts `serve` without a password, replacing any earlier one (password of the administrator from CONSENTVAULT_PASSWORD or a prompt)')
    .requiredOption('--vault <dir>', 'vault folder')
    .requiredOption('--out <file>', "where to write the key file: on the server's own disk, outside the vault and backup folders; it must not exist")
    .option('--as <login-id>', 'the administrator who turns it on (and whom unattended starts are recorded as)')
    .action(async (o: { vault: string; out: string; as?: string }) => {
      const keyFile = path.resolve(o.out);
      await h.signedIn(o.vault, o.as, async (router) => {
        const made = await h.must(router, 'seats.createUnattendedKey', { keyFile, acknowledged: true });
        for (const line of unattendedWarning()) h.print(line);
        h.print();
        h.print(say('cli.created', { path: made.keyFile }));
        if (made.replacedKeyId) h.print(say('cli.replaced'));
        h.print(say('cli.startWith', { vault: path.resolve(o.vault), path: made.keyFile }));
      });
    });

  cmd
    .command('revoke')
    .description('turn unattended start off: every copy of the key file stops opening the vault')
    .requiredOption('--vault <dir>', 'vault folder')
    .option('--as <login-id>', 'act as this administrator')
    .action(async (o: { vault: string; as?: string }) => {
      await h.signedIn(o.vault, o.as, async (router) => {
        const before = await h.must(router, 'seats.unattendedKeyStatus', {});
        if (!before.active || !before.keyId) return h.print(say('cli.noneToRevoke'));
        await h.must(router, 'seats.revokeUnattendedKey', {});
        h.print(say('cli.revoked', { keyId: before.keyId }));
      });
    });

  cmd
    .command('status')
    .description('whether an unattended-start key is in force, who made it and when')
    .requiredOption('--vault <dir>', 'vault folder')
    .option('--as <login-id>', 'act as this administrator')
    .action(async (o: { vault: string; as?: string }) => {
      await h.signedIn(o.vault, o.as, async (router) => {
        const s = await h.must(router, 'seats.unattendedKeyStatus', {});
        if (!s.active || !s.keyId) return h.print(say('cli.statusNone'));
        h.print(say('cli.statusActive', { keyId: s.keyId, name: s.createdByName ?? '?', time: s.createdAt ?? '?' }));
        if (s.creatorActive === false) h.print(say('creatorGone'));
      });
    });
}
