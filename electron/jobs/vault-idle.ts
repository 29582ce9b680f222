import type { AppCore } from '../app-core';
import type { Vault } from '../store/vault';

/**
 * Runs `fn` in a transaction of its own as soon as no router call holds one open (a call may keep its
 * transaction across awaits), on the same vault the job started with; skipped if that vault was closed since.
 * How a job's outcome reaches the audit trail.
 */
export function whenVaultIdle(app: AppCore, vault: Vault, fn: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (app.vault !== vault || !vault.db.open) return resolve();
      if (vault.db.inTransaction) {
        setTimeout(attempt, 5);
        return;
      }
      try {
        vault.transaction(fn);
        resolve();
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
    attempt();
  });
}
