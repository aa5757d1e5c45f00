import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

/** Every stream of the file that inflates, as text: the page contents, where the drawing operators are. */
export function pdfOperators(pdf: Buffer): string {
  return pdfStreams(pdf).join('\n');
}

/** Every stream of the file that inflates, one text each. */
export function pdfStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  const re = /stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not deflated (fonts, metadata): no drawing operators of ours in it.
    }
  }
  return out;
}

/** One rendered page: RGB pixels, one point of the page per pixel (72 dpi), and the PNG of it. */
export interface RenderedPage {
  width: number;
  height: number;
  rgb: Buffer;
  png: Buffer;
}

/** Renders every page with poppler's pdftoppm (Debian: poppler-utils), as a printer would see it. */
export function renderPages(pdf: Buffer, dpi = 72): RenderedPage[] {
  const dir = mkdtempSync(join(tmpdir(), 'report-'));
  try {
    writeFileSync(join(dir, 'report.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), join(dir, 'report.pdf'), join(dir, 'page')]);
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', join(dir, 'report.pdf'), join(dir, 'page')]);
    const ppms = readdirSync(dir)
      .filter((f) => f.endsWith('.ppm'))
      .sort();
    return ppms.map((f) => {
      const raw = readFileSync(join(dir, f));
      // P6 header: magic, width, height, max value, each followed by one whitespace.
      const header = raw.toString('latin1', 0, 40).match(/^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/);
      if (!header) throw new Error(`${f} is not a binary PPM`);
      return {
        width: Number(header[1]),
        height: Number(header[2]),
        rgb: raw.subarray(header[0].length),
        png: readFileSync(join(dir, f.replace(/\.ppm$/, '.png'))),
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Pixels in the disc around (cx, cy) whose colour is clearly not grey: dots coloured by a mix. */
export function colouredPixels(page: RenderedPage, cx: number, cy: number, radius: number): number {
  let count = 0;
  for (let y = Math.floor(cy - radius); y <= cy + radius; y++)
    for (let x = Math.floor(cx - radius); x <= cx + radius; x++) {
      if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2 || x < 0 || y < 0 || x >= page.width || y >= page.height)
        continue;
      const i = (y * page.width + x) * 3;
      const [r, g, b] = [page.rgb[i]!, page.rgb[i + 1]!, page.rgb[i + 2]!];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 40) count++;
    }
  return count;
}
