import { labelOfKey, profileName } from '../../../core/export/profileLabels';
import type { ReportFigures } from '../../../core/export/reportFigures';
import type { TableCell } from '../pdf/document';
import { colorOf, patternFor } from './charts';
import { shownOrX, spoken, type Report } from './context';
import { hiddenMark, MUTED, patternRect, TRACK, type Box } from './draw';

const ROW = 18;
const HEAD = 13;
type Round = ReportFigures['rounds'][number] & { index: number };

/**
 * The rounds that fit in `height`: all of them, or the stand and the largest rounds (by shown size, hidden ones
 * last) with a count of the rest, so forty rounds never push the report onto a third page.
 */
export function roundsThatFit(rounds: ReportFigures['rounds'], height: number): { rows: Round[]; more: number } {
  const all = rounds.map((r, index) => ({ ...r, index }));
  const fit = Math.max(1, Math.floor((height - HEAD) / ROW));
  if (all.length <= fit) return { rows: all, more: 0 };
  // One row less: the line that counts the rest takes its place.
  const keep = Math.max(0, fit - 2);
  const largest = all
    .slice(1)
    .sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || a.index - b.index)
    .slice(0, keep);
  return { rows: [all[0]!, ...largest], more: all.length - 1 - largest.length };
}

/** The stand and the rounds side by side, as a table: per group the count per leading type, and the group's size. */
export function roundsTable(report: Report, box: Box, height: number): { bottom: number; shown: Round[] } {
  const { doc, figures, words } = report;
  const pdf = doc.pdf;
  const { rows, more } = roundsThatFit(figures.rounds, height);
  const labelW = 130;
  const totalW = 44;
  const colW = (box.w - labelW - totalW) / report.leadLabels.length;
  const max = Math.max(1, ...rows.flatMap((r) => r.perLead.map((v) => v ?? 0)));
  const rowY = (i: number): number => box.y + HEAD + i * ROW;
  // The bars repeat the numbers beside them: decoration for a screen reader, which reads the table.
  doc.artifact(() =>
    rows.forEach((round, i) =>
      round.perLead.forEach((v, c) => {
        const x = box.x + labelW + c * colW;
        const w = colW - 30;
        pdf.rect(x, rowY(i), w, 12).fill(TRACK);
        if (v === null) hiddenMark(pdf, x + 1, rowY(i) + 1);
        else patternRect(pdf, { x, y: rowY(i), w: (w * v) / max, h: 12 }, colorOf(report, c), patternFor(report, c));
      }),
    ),
  );
  const head = { size: 8, bold: true, color: MUTED };
  const header: TableCell[] = [
    { header: 'Column', draw: () => doc.line(words.group, box.x, box.y, labelW - 6, head) },
    ...report.leadLabels.map((label, c): TableCell => ({
      header: 'Column',
      draw: () => doc.line(label, box.x + labelW + c * colW, box.y, colW - 6, head),
    })),
    {
      header: 'Column',
      draw: () => doc.line(words.together, box.x + box.w - totalW, box.y, totalW, { ...head, align: 'right' }),
    },
  ];
  const body = rows.map((round, i): TableCell[] => {
    const y = rowY(i);
    const name = round.index === 0 ? words.stand : words.round(round.label);
    return [
      { header: 'Row', draw: () => doc.line(name, box.x, y + 2, labelW - 6, { size: 9, minSize: 7 }) },
      ...round.perLead.map((v, c): TableCell => ({
        actual: v === null ? spoken(report, v) : undefined,
        draw: () => doc.line(shownOrX(v), box.x + labelW + c * colW + colW - 28, y + 2, 26, { size: 8.5, bold: true }),
      })),
      {
        actual: round.total === null ? spoken(report, null) : undefined,
        draw: () =>
          doc.line(shownOrX(round.total), box.x + box.w - totalW, y + 2, totalW, {
            size: 9,
            bold: true,
            align: 'right',
          }),
      },
    ];
  });
  doc.table([header, ...body]);
  let bottom = rowY(rows.length);
  if (more > 0) bottom = doc.paragraph(words.moreRounds(more), box.x, bottom + 1, box.w, { size: 8.5, color: MUTED });
  return { bottom, shown: rows };
}

const KINDS = ['leading', 'two-sided', 'balanced'] as const;

/** Height of the profile columns: the longest column, under its head. */
export const profilesHeight = (figures: ReportFigures): number =>
  14 + 12 * Math.max(...KINDS.map((kind) => figures.profiles.filter((p) => p.kind === kind).length));

/** The profiles named, in three small tables side by side: a leading type, two-sided, a balanced mix. */
export function profileTables(report: Report, box: Box): number {
  const { doc, figures, words } = report;
  const colW = box.w / KINDS.length;
  KINDS.forEach((kind, i) => {
    const x = box.x + i * colW;
    const profiles = figures.profiles.filter((p) => p.kind === kind);
    doc.table([
      [
        {
          header: 'Column',
          draw: () => doc.line(words.profileKinds[kind], x, box.y, colW - 50, { size: 9.5, bold: true }),
        },
        {
          header: 'Column',
          draw: () => doc.line(words.count, x + colW - 44, box.y + 1.5, 30, { size: 7, color: MUTED, align: 'right' }),
        },
      ],
      ...profiles.map((p, r): TableCell[] => {
        const y = box.y + 14 + r * 12;
        const name = profileName(labelOfKey(p.key), report.instrument, report.lang);
        return [
          { header: 'Row', draw: () => doc.line(name, x, y, colW - 48, { size: 8.5 }) },
          {
            actual: p.count === null ? spoken(report, null) : undefined,
            draw: () => doc.line(shownOrX(p.count), x + colW - 44, y, 30, { size: 8.5, bold: true, align: 'right' }),
          },
        ];
      }),
    ]);
  });
  return box.y + profilesHeight(figures);
}
