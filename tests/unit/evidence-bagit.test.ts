import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  bagInfoValue,
  declaration,
  decodeManifestPath,
  encodeManifestPath,
  formatBagInfo,
  formatManifest,
  isSafeRelativePath,
  isValidDeclaration,
  parseBagInfo,
  parseManifest,
  payloadOxum,
} from '../../electron/evidence/bagit';
import { sha256Hex } from '../../electron/domain/hash';
import { readZip } from '../../electron/evidence/zip-reader';
import { ZipWriter } from '../../electron/evidence/zip-writer';

describe('BagIt text files (RFC 8493)', () => {
  it('declares version 1.0 in UTF-8, and reads nothing else as a declaration', () => {
    expect(declaration()).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    expect(isValidDeclaration(declaration())).toBe(true);
    expect(isValidDeclaration('BagIt-Version: 1.0\r\nTag-File-Character-Encoding: UTF-8\r\n')).toBe(true);
    expect(isValidDeclaration('BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n')).toBe(false);
    expect(isValidDeclaration('Tag-File-Character-Encoding: UTF-8\nBagIt-Version: 1.0\n')).toBe(false);
    expect(isValidDeclaration('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\nExtra: x\n')).toBe(false);
  });

  it('writes manifests sorted, two spaces between hash and path, paths with %, CR and LF percent-encoded', () => {
    const text = formatManifest([
      { path: 'data/b.txt', sha256: 'b'.repeat(64) },
      { path: 'data/a 100%.txt', sha256: 'a'.repeat(64) },
      { path: 'data/line\nbreak', sha256: 'c'.repeat(64) },
    ]);
    expect(text).toBe(`${'a'.repeat(64)}  data/a 100%25.txt\n${'b'.repeat(64)}  data/b.txt\n${'c'.repeat(64)}  data/line%0Abreak\n`);
    const parsed = parseManifest(text);
    expect(parsed.badLines).toEqual([]);
    expect(parsed.entries.map((e) => e.path)).toEqual(['data/a 100%.txt', 'data/b.txt', 'data/line\nbreak']);
    expect(decodeManifestPath(encodeManifestPath('x%0Ay\r'))).toBe('x%0Ay\r');
  });

  it('reads any run of whitespace, upper-case hex; names malformed lines by number', () => {
    const parsed = parseManifest(`${'A'.repeat(64)}\tdata/x\nnot a line\n${'b'.repeat(63)}  data/short\n${'c'.repeat(64)} data/one space\n`);
    expect(parsed.entries).toEqual([
      { sha256: 'a'.repeat(64), path: 'data/x' },
      { sha256: 'c'.repeat(64), path: 'data/one space' },
    ]);
    expect(parsed.badLines).toEqual([2, 3]);
  });

  it('bag-info.txt: label, colon, one space, value; continuation lines join; Payload-Oxum is octets.streams', () => {
    const text = formatBagInfo([
      ['Source-Organization', '美麗人生醫美診所'],
      ['External-Description', 'two\nlines'],
      ['Payload-Oxum', payloadOxum([10, 20, 5])],
    ]);
    expect(text).toBe('Source-Organization: 美麗人生醫美診所\nExternal-Description: two lines\nPayload-Oxum: 35.3\n');
    const info = parseBagInfo(`${text}Internal-Sender-Description: first\n   second\n`)!;
    expect(bagInfoValue(info, 'payload-oxum')).toBe('35.3');
    expect(bagInfoValue(info, 'Internal-Sender-Description')).toBe('first second');
    expect(parseBagInfo('no colon here\n')).toBeNull();
    expect(bagInfoValue(parseBagInfo('A: 1\nA: 2\n')!, 'A')).toBeNull();
  });

  it('accepts only relative paths that stay inside the bag', () => {
    for (const ok of ['data/x.pdf', 'bagit.txt', 'data/photos/中文.png']) expect(isSafeRelativePath(ok), ok).toBe(true);
    for (const bad of ['/etc/passwd', '../x', 'data/../../x', 'data//x', 'C:/x', 'C:\\x', 'data\\x', '~root/x', 'data/./x', '', 'a\u0000b', 'data/x\n']) {
      expect(isSafeRelativePath(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('streamed ZIP writer and reader', () => {
  it('writes files one at a time under one folder, hashing each, and reads them back with the same hashes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-zip-'));
    try {
      const file = path.join(dir, 'x.zip');
      const out = fs.createWriteStream(file);
      const zip = new ZipWriter(out, 'bag', new Date('2026-11-23T02:00:00.000Z'));
      const big = Buffer.alloc(3 * 1024 * 1024, 7);
      const a = await zip.addBuffer('data/a.txt', Buffer.from('你好\n'), true);
      const stream = new PassThrough();
      const pending = zip.addStream('data/big.bin', stream, false);
      for (let i = 0; i < 3; i++) stream.write(big.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024));
      stream.end();
      const b = await pending;
      expect(a).toEqual({ path: 'data/a.txt', sha256: sha256Hex(Buffer.from('你好\n')), size: 7 });
      expect(b).toEqual({ path: 'data/big.bin', sha256: sha256Hex(big), size: big.length });
      const bytes = await zip.finish();
      expect(bytes).toBe(fs.statSync(file).size);
      const read = await readZip({ path: file }, (n) => n.endsWith('.txt'));
      expect(read.map((e) => [e.name, e.sha256, e.bytes?.toString() ?? null])).toEqual([
        ['bag/data/a.txt', a.sha256, '你好\n'],
        ['bag/data/big.bin', b.sha256, null],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
