// The package's own index.d.ts is not reachable through its "exports" map; its API is better-sqlite3's,
// so borrow those types (from @types/better-sqlite3) for the same runtime module.
declare module 'better-sqlite3-multiple-ciphers' {
  import BetterSqlite3 = require('better-sqlite3');
  export = BetterSqlite3;
}
