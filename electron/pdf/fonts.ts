import fs from 'node:fs';
import path from 'node:path';

/** Noto Sans TC (Noto Sans Hant) Regular, SIL OFL 1.1 (resources/fonts/OFL.txt); pdfkit embeds only the glyphs used. */
export const CJK_FONT_FILE = 'NotoSansHant-Regular.otf';
export const CJK_FONT_NAME = 'NotoSansHant-Regular';

/**
 * resources/ sits two folders above this module both in the sources (electron/pdf/) and in the bundle
 * (dist/electron/main.cjs, where esbuild defines import.meta.dirname as __dirname); the CLI and the browser
 * host also run from the project root. CONSENTVAULT_RESOURCES overrides all of them.
 */
function resourceRoots(): string[] {
  const roots: string[] = [];
  if (process.env.CONSENTVAULT_RESOURCES) roots.push(process.env.CONSENTVAULT_RESOURCES);
  const here = import.meta.dirname;
  if (typeof here === 'string' && here.length > 0) roots.push(path.resolve(here, '..', '..', 'resources'));
  roots.push(path.resolve(process.cwd(), 'resources'));
  return roots;
}

let cached: Buffer | null = null;

/** The CJK font's bytes, read once; a missing font is an installation fault, not a user error. */
export function cjkFontBytes(): Buffer {
  if (cached) return cached;
  for (const root of resourceRoots()) {
    const file = path.join(root, 'fonts', CJK_FONT_FILE);
    if (fs.existsSync(file)) {
      cached = fs.readFileSync(file);
      return cached;
    }
  }
  throw new Error(`The CJK font ${CJK_FONT_FILE} was not found under resources/fonts`);
}
