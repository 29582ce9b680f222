import type { AppCore } from '../../app-core';
import type { Vault } from '../../store/vault';
import { activeRun, startBackupRun, type BackupRun } from './runs';

/** How often the schedule looks at the clock. The interval itself is the administrator's (hours). */
export const SCHEDULE_CHECK_MS = 60_000;

/**
 * Scheduled backups while the vault is open: started at sign-in, stopped when the vault closes. Each check reads
 * the app's clock (so tests move time by hand and call `check()`), and starts a backup when the last attempt,
 * verified or not, is older than the interval. A failing folder is therefore retried once per interval, not
 * every minute.
 */
export class BackupSchedule {
  private timer: NodeJS.Timeout | null = null;
  private readonly app: AppCore;
  private readonly vault: Vault;

  constructor(app: AppCore, vault: Vault) {
    this.app = app;
    this.vault = vault;
  }

  start(everyMs = SCHEDULE_CHECK_MS): void {
    this.stop();
    this.timer = setInterval(() => {
      try {
        this.check();
      } catch (e) {
        console.error('[backups] scheduled backup not started:', e);
      }
    }, everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Starts a backup if one is due now; the run, or null. */
  check(): BackupRun | null {
    const { app, vault } = this;
    // A call holds the connection's transaction: look again at the next check.
    if (app.vault !== vault || !vault.db.open || vault.db.inTransaction || activeRun(app)) return null;
    const settings = vault.backups.settings();
    if (!settings.destination || settings.intervalHours === 0) return null;
    const last = vault.backups.lastAttempt();
    const now = app.clock.now().getTime();
    if (last && now - Date.parse(last.takenAt) < settings.intervalHours * 3_600_000) return null;
    return startBackupRun(app, vault, { trigger: 'schedule', actor: null, seat: null, destination: settings.destination });
  }
}
