// The package's own index.d.ts is not reachable through its "exports" map; its API is better-sqlite3's,
// so borrow those types (from @types/better-sqlite3) for the same runtime module.
declare module 'better-sqlite3-multiple-ciphers' {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the only way to re-export an `export =` module's types
  import BetterSqlite3 = require('better-sqlite3');
  export = BetterSqlite3;
}
