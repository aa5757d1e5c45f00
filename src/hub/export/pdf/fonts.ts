import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The embedded fonts (assets/fonts, DejaVu Sans: see its README and licence there), by the name pdfkit knows them. */
export const FONT_FILES = { Body: 'DejaVuSans.ttf', Bold: 'DejaVuSans-Bold.ttf' } as const;
export type FontName = keyof typeof FONT_FILES;

/** What a character no embedded font holds prints as: visible, and read back as itself by a text extractor. */
export const REPLACEMENT = '\uFFFD';

/** The part of a pdfkit font this module reads: whether the font file maps a code point to a glyph. */
interface LoadedFont {
  font?: { hasGlyphForCodePoint?: (codePoint: number) => boolean };
}

/** Registers the embedded fonts with the document; a missing file stops the export with its path. */
export function registerFonts(pdf: PDFKit.PDFDocument, fontsDir: string): void {
  for (const [name, file] of Object.entries(FONT_FILES)) {
    const path = join(fontsDir, file);
    if (!existsSync(path)) throw new Error(`the report's font is missing: ${path}`);
    pdf.registerFont(name, path);
  }
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Zero-width joiners, variation selectors, direction marks: nothing to print, so dropped when the rest prints. */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;

/**
 * Makes any text printable in the embedded fonts: each grapheme (what a reader sees as one character) prints as
 * itself when both fonts hold it, else as its compatibility form (full-width "Ａ" as "A"), else as one
 * {@link REPLACEMENT}, so an emoji in an event name is a visible mark and never the bytes of a wrong encoding.
 * White space of any kind (a tab or a new line in a round's name) is one space.
 */
export class Printable {
  private readonly has: ((codePoint: number) => boolean)[];
  private readonly cache = new Map<string, string>();

  constructor(pdf: PDFKit.PDFDocument) {
    this.has = (Object.keys(FONT_FILES) as FontName[]).map((name) => {
      pdf.font(name);
      // pdfkit keeps the fontkit font of an embedded TrueType font as `_font.font`; it has no public accessor.
      const font = (pdf as unknown as { _font?: LoadedFont })._font?.font;
      const check = font?.hasGlyphForCodePoint;
      if (!font || !check) throw new Error(`pdfkit did not load ${name} as an embedded font`);
      return (codePoint: number) => check.call(font, codePoint);
    });
  }

  private covered(text: string): boolean {
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (!this.has.every((has) => has(code))) return false;
    }
    return true;
  }

  private grapheme(g: string): string {
    if (/^\s+$/u.test(g)) return ' ';
    const cached = this.cache.get(g);
    if (cached !== undefined) return cached;
    const visible = (s: string): string => [...s].filter((c) => !IGNORABLE.test(c)).join('');
    const own = visible(g);
    const compatible = visible(g.normalize('NFKC'));
    const out =
      own.length > 0 && this.covered(own)
        ? own
        : compatible.length > 0 && this.covered(compatible)
          ? compatible
          : own.length === 0 && g.length > 0
            ? ''
            : REPLACEMENT;
    this.cache.set(g, out);
    return out;
  }

  /** The text as the report prints it. */
  text(text: string): string {
    let out = '';
    for (const { segment } of graphemes.segment(text)) out += this.grapheme(segment);
    return out;
  }
}
