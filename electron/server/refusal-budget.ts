/**
 * How many times one network address may do something in a window: wrong pairing codes (the brute-force limit)
 * and audited refusals (so a flood of junk requests cannot fill the audit trail). In memory: a restart forgives.
 */
export class RefusalBudget {
  private readonly perWindow: number;
  private readonly windowMs: number;
  private readonly used = new Map<string, { since: number; count: number }>();

  constructor(opts: { perWindow?: number; windowMs?: number } = {}) {
    this.perWindow = opts.perWindow ?? 60;
    this.windowMs = opts.windowMs ?? 10 * 60_000;
  }

  private entry(key: string, now: number): { since: number; count: number } {
    let e = this.used.get(key);
    if (!e || now - e.since >= this.windowMs) {
      e = { since: now, count: 0 };
      this.used.set(key, e);
      if (this.used.size > 10_000) for (const [k, v] of this.used) if (now - v.since >= this.windowMs) this.used.delete(k);
    }
    return e;
  }

  /** Whether any is left, without using one. */
  left(key: string, now: number): boolean {
    return this.entry(key, now).count < this.perWindow;
  }

  /** Uses one; false when none was left. */
  take(key: string, now: number): boolean {
    const e = this.entry(key, now);
    if (e.count >= this.perWindow) return false;
    e.count++;
    return true;
  }
}
