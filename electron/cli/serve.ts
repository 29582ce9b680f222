import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ChannelName, In, Out } from '../../shared/api';
import { translate } from '../../shared/i18n';
import { AppCore, fixedConfigStore } from '../app-core';
import { createRouter, type Router } from '../router';
import { startClinicServer } from '../server/server';
import { DomainError } from '../domain/errors';
import { makeContext } from '../services/context';
import { openUnattended, type UnattendedStart } from '../services/seats/unattended-key';
import { Vault, vaultExists } from '../store/vault';

export interface ServeCommandDeps {
  must<C extends ChannelName>(router: Router, channel: C, input: In<C>): Promise<Out<C>>;
  print(line?: string): void;
  fail(message: string, exitCode: number): never;
  secretFrom(envName: string, question: string): Promise<string>;
  exit: { badInput: number; credentials: number };
  locale: 'en' | 'zh-TW';
}

/** HOST:PORT, with [v6]:PORT for IPv6. */
export function parseListen(value: string): { host: string; port: number } | null {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(value);
  if (!m) return null;
  const port = Number(m[3]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return null;
  return { host: (m[1] ?? m[2])!, port };
}

/**
 * `consentvault serve`: the clinic server, headless. Either an administrator unlocks the vault at start (so the
 * key is in this process's memory while it runs, and nowhere on disk; their own sign-in then ends: the server is
 * not anyone's seat), or, where an administrator turned it on, the unattended-start key file opens it with nobody
 * there (`--key-file`; its events are recorded as that administrator, `via: 'unattended_key'`). It runs until
 * SIGINT or SIGTERM, then closes the vault with a signed checkpoint.
 */
export function registerServeCommand(program: Command, deps: ServeCommandDeps): void {
  program
    .command('serve')
    .description('run the clinic server for other seats (an administrator unlocks the vault: password from CONSENTVAULT_PASSWORD or a prompt; or --key-file)')
    .requiredOption('--vault <dir>', 'vault folder')
    .requiredOption('--listen <host:port>', 'address to listen on (HTTPS unless 127.0.0.1 or ::1), e.g. 0.0.0.0:8443')
    .option('--as <login-id>', 'the administrator who unlocks the vault (default: the one created at init)')
    .option('--key-file <file>', 'start unattended with the key file `unattended-key create` wrote (no password; anyone with it and the vault folder can open every record)')
    .option('--renderer-dir <dir>', 'the built renderer, for browser seats (default: the one installed with this command)')
    .option('--pair <device-name>', 'also print a pairing code for a first seat (valid 10 minutes), made by the administrator who unlocks')
    .action(async (o: { vault: string; listen: string; as?: string; keyFile?: string; rendererDir?: string; pair?: string }) => {
      const listen = parseListen(o.listen) ?? deps.fail(`--listen must be HOST:PORT (e.g. 0.0.0.0:8443), got "${o.listen}"`, deps.exit.badInput);
      const dir = path.resolve(o.vault);
      if (!fs.existsSync(dir)) deps.fail(translate(deps.locale, 'errors.vaultMissing', { path: dir }), deps.exit.badInput);
      if (!vaultExists(dir)) deps.fail(translate(deps.locale, 'errors.notAVault') + ` (${dir})`, deps.exit.badInput);
      if (o.keyFile !== undefined && (o.as !== undefined || o.pair !== undefined)) deps.fail(translate(deps.locale, 'unattended.cli.keyFileWithOthers'), deps.exit.badInput);
      const app = new AppCore({ config: fixedConfigStore(dir), host: { defaultVaultPath: dir, commandLine: true }, spareJobWorker: true });
      const router = createRouter(app, { checkOutput: true, logError: (channel, e) => console.error(`[server] ${channel} failed:`, e) });
      const unattended = o.keyFile !== undefined ? await openWithKeyFile(app, path.resolve(o.keyFile), deps) : null;
      if (!unattended) await unlockWithPassword(app, router, dir, o.as, deps);
      app.keepVaultOpen = true;
      const vault = app.vault!;
      /** An event of the server itself: the unlocking administrator's session, or the key's administrator. */
      const serverEvent = (action: 'server.started' | 'server.stopped', details: Record<string, unknown>) => {
        if (!unattended) return vault.transaction(() => makeContext(app).audit(action, null, details));
        const at = app.clock.now().toISOString();
        const event = { ...unattended.actor, at, action, subjectType: null, subjectId: null, details: { ...details, via: 'unattended_key', keyId: unattended.keyId }, seat: app.deskCaller.seat };
        vault.transaction(() => vault.appendAudit(event));
      };
      const wantedRenderer = o.rendererDir !== undefined ? path.resolve(o.rendererDir) : installedRendererDir();
      const rendererDir = fs.existsSync(path.join(wantedRenderer, 'index.html')) ? wantedRenderer : null;
      // Paired PCs with the desktop app still work; browser seats and tablets would get nothing at the address.
      if (!rendererDir) deps.print(translate(deps.locale, 'seats.cli.noRenderer', { path: wantedRenderer }));
      let server;
      try {
        server = await startClinicServer({ app, router, vaultDir: dir, listen, rendererDir, headless: true });
      } catch (e) {
        if (unattended) serverEvent('server.stopped', { headless: true, reason: 'could_not_listen' });
        else await router.call('session.signOut', {});
        app.keepVaultOpen = false;
        app.closeVault();
        return deps.fail(`could not listen on ${o.listen}: ${e instanceof Error ? e.message : String(e)}`, deps.exit.badInput);
      }
      const running = server;
      app.clinicServer = {
        status: () => running.status(),
        start: () => Promise.resolve(running.status()),
        stop: () => Promise.resolve(running.status()),
      };
      serverEvent('server.started', { addresses: running.addresses, certificateSha256: running.certificateSha256, headless: true });
      // The first seat needs a code from an administrator: the one unlocking makes it, if asked.
      const firstCode = o.pair !== undefined ? await deps.must(router, 'seats.createPairingCode', { deviceName: o.pair, kind: 'desktop' }) : null;
      // The administrator only unlocked the vault: their sign-in ends now (the server is nobody's seat).
      if (!unattended) await deps.must(router, 'session.signOut', {});
      deps.print(`ConsentVault clinic server for ${vault.clinicSettings().clinicName}`);
      if (unattended) deps.print(translate(deps.locale, 'unattended.cli.startedUnattended', { name: unattended.actor.actorName }));
      for (const a of running.addresses) deps.print(`Address: ${a}`);
      deps.print(`Certificate SHA-256: ${running.certificateSha256 ?? '(none: plain HTTP on loopback)'}`);
      // The fingerprint is the clinic's certificate authority's: it stays when the server certificate is renewed.
      if (running.certificateSha256 && running.addresses[0]) deps.print(`Tablets install the clinic's certificate authority from ${running.addresses[0]}/clinic-ca.pem (check the fingerprint above).`);
      if (firstCode) deps.print(`Pairing code for ${firstCode.deviceName}: ${firstCode.code} (valid until ${firstCode.expiresAt})`);
      deps.print('Pair a seat with a pairing code from Settings › Seats on a signed-in administrator seat. Press Ctrl+C to stop.');
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await running.close();
      app.clinicServer = null;
      // Wait for a call still in the queue, then record the stop and sign the chain's head as the vault closes.
      await router.call('app.status', {});
      if (app.vault) serverEvent('server.stopped', { headless: true });
      app.keepVaultOpen = false;
      app.jobs.cancelAll();
      app.closeVault('close');
      deps.print('Clinic server stopped; the vault is closed and its chain checkpoint written.');
    });
}

/** An administrator's password opens the vault (their sign-in); anyone else is refused and the vault closed. */
async function unlockWithPassword(app: AppCore, router: Router, dir: string, as: string | undefined, deps: ServeCommandDeps): Promise<void> {
  const loginId = as ?? process.env.CONSENTVAULT_USER ?? Vault.firstStaffLoginKey(dir) ?? deps.fail('No staff account in this vault; use --as LOGIN-ID.', deps.exit.badInput);
  const password = await deps.secretFrom('CONSENTVAULT_PASSWORD', `Password for ${loginId}: `);
  const session = await deps.must(router, 'session.signIn', { loginId, password });
  if (session.staff.role !== 'admin' || session.passwordChangeRequired) {
    await router.call('session.signOut', {});
    app.closeVault();
    deps.fail(`${loginId} cannot start the clinic server: only an administrator with a password of their own may.`, deps.exit.credentials);
  }
}

/** The unattended-start key file opens the vault; a missing, open, revoked or wrong one is refused, nothing written. */
async function openWithKeyFile(app: AppCore, keyFile: string, deps: ServeCommandDeps): Promise<UnattendedStart> {
  try {
    return await openUnattended(app, keyFile);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    const code = e.code === 'invalid_credentials' || e.code === 'forbidden' || e.code === 'locked' ? deps.exit.credentials : deps.exit.badInput;
    return deps.fail(translate(deps.locale, e.messageKey, e.params ?? {}), code);
  }
}

/**
 * The built screens installed beside this command, wherever it is run from: dist/renderer next to the built
 * CLI's dist/cli (an installed package, or the checkout after `npm run build`), or the checkout's dist/renderer
 * when the CLI runs from its sources.
 */
export function installedRendererDir(): string {
  const beside = path.resolve(import.meta.dirname, '..', 'renderer');
  const checkout = path.resolve(import.meta.dirname, '..', '..', 'dist', 'renderer');
  return [beside, checkout].find((d) => fs.existsSync(path.join(d, 'index.html'))) ?? beside;
}
