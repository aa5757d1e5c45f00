import type { Instrument } from '../../core/instrument';
import { localize, type Language } from '../../core/instrument';
import { roundedPercentages } from '../../core/scoring';
import { typeName } from '../kiosk/describe';

/** What the saved image shows: the same words as the result screen. */
export interface ResultPicture {
  instrument: Instrument;
  lang: Language;
  shares: readonly number[];
  sentence: string;
  reflectionTitle: string;
  reflection: string;
  /** A line of the participant's own under the reflection (the workshop page's "what I will try"). */
  extra?: { title: string; text: string };
}

const WIDTH = 1080;
const HEIGHT = 1350;
const PAD = 80;

/** Breaks text into lines that fit `width` on the canvas. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws the result on a portrait canvas (1080 × 1350, a phone's photo roll shows it whole). */
export function drawResult(canvas: HTMLCanvasElement, picture: ResultPicture): void {
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const ctx = canvas.getContext('2d')!;
  const font = (size: number, weight = 400): string => `${weight} ${size}px system-ui, 'Noto Sans', sans-serif`;
  ctx.fillStyle = '#0b1020';
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  ctx.textBaseline = 'top';
  let y = PAD;
  const write = (text: string, size: number, color: string, weight = 400, gap = 1.3): void => {
    ctx.font = font(size, weight);
    ctx.fillStyle = color;
    for (const line of wrap(ctx, text, WIDTH - 2 * PAD)) {
      ctx.fillText(line, PAD, y);
      y += size * gap;
    }
  };
  write(localize(picture.instrument.title, picture.lang).toUpperCase(), 34, '#ffd166', 700);
  y += 24;
  write(picture.sentence, 64, '#ffffff', 700, 1.18);
  y += 48;
  const percents = roundedPercentages(picture.shares);
  picture.instrument.types.forEach((type, i) => {
    ctx.font = font(40, 600);
    ctx.fillStyle = '#ffffff';
    ctx.fillText(`${type.mark}  ${typeName(picture.instrument, type.id, picture.lang)}`, PAD, y);
    ctx.textAlign = 'right';
    ctx.fillText(`${percents[i]}%`, WIDTH - PAD, y);
    ctx.textAlign = 'left';
    y += 56;
    ctx.fillStyle = '#151c33';
    ctx.fillRect(PAD, y, WIDTH - 2 * PAD, 28);
    ctx.fillStyle = type.color;
    ctx.fillRect(PAD, y, (WIDTH - 2 * PAD) * (picture.shares[i] ?? 0), 28);
    y += 64;
  });
  y += 24;
  write(picture.reflectionTitle.toUpperCase(), 30, '#ffd166', 700);
  y += 8;
  write(picture.reflection, 40, '#c9d1e8', 400);
  if (picture.extra) {
    y += 40;
    write(picture.extra.title.toUpperCase(), 30, '#ffd166', 700);
    y += 8;
    write(picture.extra.text, 40, '#ffffff', 600);
  }
}

/** Saves the canvas as a PNG on the phone (its browser's download, which ends up in its files or photos). */
export function downloadPng(canvas: HTMLCanvasElement, name: string): Promise<void> {
  return new Promise((resolve) => {
    canvas.toBlob((blob) => {
      if (!blob) return resolve();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      resolve();
    }, 'image/png');
  });
}
