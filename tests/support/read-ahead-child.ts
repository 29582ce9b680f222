/**
 * A process whose only work is waiting for files read ahead (tests/integration/export-read-ahead.test.ts): it
 * proves the reading thread keeps the event loop alive while the export waits for it.
 * Usage: read-ahead-child.ts DB_PATH KEY_HEX SHA256...
 */
import { PackBlobStore } from '../../electron/store/evidence/pack-blobs';
import { readAhead } from '../../electron/evidence/read-ahead';

const [dbPath, keyHex, ...shas] = process.argv.slice(2) as [string, string, ...string[]];
const key = Buffer.from(keyHex, 'hex');
let readHere = 0;
const here = new PackBlobStore(dbPath, Buffer.from(key));
const ahead = readAhead(shas.map((sha256) => ({ from: 'attachment', sha256 })), { dbPath, key }, (s) => {
  readHere++;
  return here.read('attachment', (s as { sha256: string }).sha256);
}, Number.MAX_SAFE_INTEGER);
let bytes = 0;
for (const sha256 of shas) bytes += (await ahead.next({ from: 'attachment', sha256 })).bytes.length;
await ahead.close();
here.close();
console.log(JSON.stringify({ files: shas.length, bytes, readHere }));
