import type { Database } from 'better-sqlite3-multiple-ciphers';

/** A shipped migration is frozen: never edited, and it imports nothing of the app but this type. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
