import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { readZip } from '../../electron/evidence/zip-reader';
import { tempDir } from '../support/app';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const openDescriptors = () => fs.readdirSync('/proc/self/fd').length;

/** A real ZIP on disk: a stored entry of several 1 MiB pieces between compressed ones, and an empty one. */
async function zipOnDisk(dir: string, files: [string, Buffer, boolean][]): Promise<string> {
  const file = path.join(dir, 'pack.zip');
  const zip = new ZipFile();
  for (const [name, data, compress] of files) zip.addBuffer(data, name, { compress, mtime: new Date('2026-12-01T00:00:00Z') });
  zip.end();
  await new Promise<void>((resolve, reject) => zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject));
  return file;
}

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('reading a pack in 1 MiB pieces from its own descriptor', () => {
  it('every entry, in one piece or many, stored or compressed, reads whole to its own hash; the file is closed after', async () => {
    const dir = tempDir('zip-pieces-');
    dirs.push(dir);
    const files: [string, Buffer, boolean][] = [
      ['bag/data/records.json', Buffer.from(JSON.stringify({ a: 'x'.repeat(200_000) })), true],
      ['bag/data/photos/front.png', randomBytes(3 * 1024 * 1024 + 17), false],
      ['bag/data/empty.txt', Buffer.alloc(0), false],
      ['bag/data/evidence.pdf', randomBytes(1024 * 1024), false],
      ['bag/manifest-sha256.txt', Buffer.from('deadbeef  data/x\n'.repeat(5000)), true],
    ];
    const file = await zipOnDisk(dir, files);
    const before = openDescriptors();
    const read = await readZip({ path: file }, (name) => name.endsWith('.json'));
    expect(read.map((e) => [e.name, e.error, e.sha256])).toEqual(files.map(([name, data]) => [name, null, sha(data)]));
    expect(read[0]!.bytes?.equals(files[0]![1])).toBe(true);
    expect(openDescriptors()).toBe(before);
  });

});
