import type { ExportDocument } from '../../../core/export/document';
import type { LiveMomentInfo } from '../../../core/export/liveTables';
import { clockTime } from '../../../core/eventTime';
import { bareName } from '../../../core/headlineWords';
import { localize } from '../../../core/instrument';
import { liveClaim, liveSentence } from '../../../core/live';
import type { TableCell } from '../pdf/document';
import { shownOrX, spoken, type Report } from './context';
import { MUTED } from './draw';

const ROW = 16;

/** One moment's counts as the table shows them: null where hidden. */
function shownCounts(
  exported: ExportDocument,
  info: LiveMomentInfo,
): { counts: (number | null)[]; total: number | null } {
  const table = exported.counts.find((t) => t.id === info.table)!;
  const at = (r: number): number | null => (table.hidden[r]![0] ? null : table.values[r]![0]!);
  return { counts: info.options.map((_, r) => at(r)), total: at(info.options.length) };
}

/** The reveal's sentence, only where every count it needs is shown (the projector's noise rule). */
function finding(report: Report, info: LiveMomentInfo, counts: (number | null)[], total: number | null): string | null {
  if (total === null || counts.some((c) => c === null)) return null;
  const types = report.instrument.types;
  const typeAt = (id: string): number => types.findIndex((t) => t.id === id);
  const indexes = info.options.map((o) => typeAt(o.type));
  if (indexes.some((i) => i < 0)) return null;
  const asks = info.asks === null ? null : typeAt(info.asks);
  const claim = liveClaim({ counts: counts as number[], of: total }, indexes, asks, report.threshold);
  return claim && liveSentence(claim, report.words.live, (i) => bareName(localize(types[i]!.name, report.lang)));
}

/** One moment: its heading, its finding, and a table of options lettered as on the projector. Returns the y below. */
function moment(
  report: Report,
  exported: ExportDocument,
  info: LiveMomentInfo,
  n: number,
  x: number,
  y: number,
  w: number,
): number {
  const { doc, words, lang } = report;
  const { counts, total } = shownCounts(exported, info);
  const when = clockTime(info.openedAt, report.stamp.timeZone);
  doc.paragraph(`${words.live.moment(n, when, info.round)}: ${localize(info.title, lang)}`, x, y, w, {
    size: 10.5,
    bold: true,
  });
  y = doc.paragraph(localize(info.prompt, lang), x, y + 16, w, { size: 8.5, color: MUTED, height: 24 });
  const found = finding(report, info, counts, total);
  if (found) y = doc.paragraph(found, x, y + 2, w, { size: 9, bold: true });
  const cols = [x, x + 52, x + 160, x + w - 50];
  const widths = [48, 104, w - 214, 50];
  const head = { size: 8, bold: true, color: MUTED };
  const typeName = (id: string): string => {
    const type = report.instrument.types.find((t) => t.id === id);
    return type ? localize(type.name, lang) : id;
  };
  const top = y + 4;
  const cell =
    (text: string, c: number, row: number, style = {}): TableCell['draw'] =>
    () =>
      doc.line(text, cols[c]!, top + row * ROW, widths[c]!, { size: 8.5, ...style });
  const rows: TableCell[][] = [
    [words.live.letter, words.live.type, words.live.text, words.live.count].map((label, c) => ({
      header: 'Column' as const,
      draw: cell(label, c, 0, c === 3 ? { ...head, align: 'right' } : head),
    })),
    ...info.options.map((o, i): TableCell[] => [
      { header: 'Row', draw: cell(o.letter, 0, i + 1, { bold: true }) },
      { draw: cell(typeName(o.type), 1, i + 1) },
      { draw: cell(localize(o.text, lang), 2, i + 1) },
      { draw: cell(shownOrX(counts[i]!), 3, i + 1, { align: 'right' }), actual: spoken(report, counts[i]!) },
    ]),
    [
      { header: 'Row', draw: cell(words.live.total, 0, info.options.length + 1, { bold: true }) },
      { draw: cell('', 1, info.options.length + 1) },
      { draw: cell('', 2, info.options.length + 1) },
      {
        draw: cell(shownOrX(total), 3, info.options.length + 1, { align: 'right', bold: true }),
        actual: spoken(report, total),
      },
    ],
  ];
  doc.table(rows);
  return top + (info.options.length + 2) * ROW + 10;
}

/**
 * "De zaal in de zaal": the live moments of the talk, each its own small table with the same small-cell
 * suppression, on a page of their own after the day's two. As many as fit on that page; the rest are named.
 */
export function livePage(report: Report, exported: ExportDocument, margin: number): void {
  const { doc, words } = report;
  const width = doc.width - 2 * margin;
  doc.heading(2, words.live.title, margin, margin, width, { size: 15 });
  let y =
    doc.paragraph(words.live.intro(report.threshold), margin, margin + 24, width, {
      size: 8.5,
      color: MUTED,
      height: 40,
    }) + 8;
  const bottom = doc.height - margin - 20;
  let shown = 0;
  for (const info of exported.live) {
    const needed = 60 + (info.options.length + 2) * ROW;
    if (y + needed > bottom) break;
    y = moment(report, exported, info, shown + 1, margin, y, width) + 6;
    shown += 1;
  }
  if (shown < exported.live.length)
    doc.paragraph(words.live.more(exported.live.length - shown), margin, y, width, { size: 8.5 });
}
