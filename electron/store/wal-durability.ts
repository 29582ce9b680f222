import fs from 'node:fs';

/**
 * Durable commits without holding the event loop (issue 14). The vault runs in WAL mode with synchronous=NORMAL,
 * so a COMMIT writes its frames to the write-ahead log but does not wait for the disk; this class then makes them
 * durable with an fdatasync of the log on libuv's thread pool, and a call is answered only once a sync that
 * started after its commit has finished. One sync covers every commit written before it began, so thirty seats'
 * commits share a few syncs instead of each stalling the server for one (group commit).
 *
 * Why this is as safe as synchronous=FULL for what was acknowledged: SQLite syncs the log before every checkpoint
 * and the database after it under NORMAL, so a commit is on disk once either its log frames were synced (here) or a
 * checkpoint moved them into the synced database. A crash at any moment still leaves a consistent vault (WAL's
 * checksums and salts drop frames that were not completely written); what a power cut can lose is only what no one
 * was told was saved.
 */
export class WalDurability {
  private commitSeq = 0;
  private durableSeq = 0;
  private running: { upTo: number; done: Promise<void> } | null = null;
  private queued: Promise<void> | null = null;
  private readonly walFile: string;
  private readonly log: { sync(): Promise<void>; close(): Promise<void> };

  /** `log` replaces the log file's sync (tests count and hold syncs). */
  constructor(dbFile: string, log?: { sync(): Promise<void>; close(): Promise<void> }) {
    this.walFile = `${dbFile}-wal`;
    this.log = log ?? new LogFile(this.walFile);
  }

  /** A transaction just committed: its number, to wait for. */
  committed(): number {
    return ++this.commitSeq;
  }

  get lastCommit(): number {
    return this.commitSeq;
  }

  /** The newest commit known to be on disk. */
  get durableUpTo(): number {
    return this.durableSeq;
  }

  /** Settles once commit `seq` (by default every commit so far) is on disk; rejects if the disk refused the sync. */
  whenDurable(seq: number = this.commitSeq): Promise<void> {
    if (seq <= this.durableSeq) return Promise.resolve();
    if (this.running && this.running.upTo >= seq) return this.running.done;
    // The sync that starts after the running one covers every commit made until it starts: all waiters share it.
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    const queued = this.running.done
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.start();
      });
    this.queued = queued;
    return queued;
  }

  private start(): Promise<void> {
    const upTo = this.commitSeq;
    const done = (async () => {
      if (upTo <= this.durableSeq) return;
      try {
        await this.log.sync();
      } catch (e) {
        // Closed meanwhile: closing checkpointed and synced everything, this sync included.
        if (upTo <= this.durableSeq) return;
        throw e;
      }
      this.durableSeq = Math.max(this.durableSeq, upTo);
    })();
    const entry = { upTo, done };
    this.running = entry;
    const clear = () => {
      if (this.running === entry) this.running = null;
    };
    done.then(clear, clear);
    return done;
  }

  /** The same, on this thread: before a step that must not run ahead of the disk (a key-slot file, closing). */
  syncNow(): void {
    if (this.durableSeq >= this.commitSeq) return;
    const upTo = this.commitSeq;
    syncFileNow(this.walFile);
    this.durableSeq = Math.max(this.durableSeq, upTo);
  }

  /** The log was checkpointed into the database and that was synced (closing, TRUNCATE): everything is on disk. */
  allDurable(): void {
    this.durableSeq = this.commitSeq;
    void this.log.close().catch(() => undefined);
  }
}

/**
 * The log stays one file while the vault's connection is open (a checkpoint rewinds or truncates it in place), so
 * its descriptor is kept; it is checked against the path's inode at each sync in case the file was replaced.
 */
class LogFile {
  private handle: fs.promises.FileHandle | null = null;
  private inode = -1;
  private readonly file: string;
  constructor(file: string) {
    this.file = file;
  }

  async sync(): Promise<void> {
    const now = fs.statSync(this.file, { throwIfNoEntry: false });
    // No log file means nothing is waiting in one: the last checkpoint moved it all into the (synced) database.
    if (!now) return this.close();
    let handle = this.handle;
    if (!handle || now.ino !== this.inode) {
      await this.close();
      handle = await fs.promises.open(this.file, 'r+');
      this.handle = handle;
      this.inode = (await handle.stat()).ino;
    }
    await handle.datasync();
  }

  async close(): Promise<void> {
    const h = this.handle;
    this.handle = null;
    this.inode = -1;
    await h?.close();
  }
}

/** fdatasync of one file on this thread; a missing file has nothing to sync. */
export function syncFileNow(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r+');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  try {
    fs.fdatasyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
