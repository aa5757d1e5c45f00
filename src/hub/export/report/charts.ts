import type { ReportFigures } from '../../../core/export/reportFigures';
import type { Instrument } from '../../../core/instrument';
import { fitText, GREY, hiddenMark, INK, MUTED, patternOf, patternRect, TRACK, type Box, type Pdf } from './draw';

const BALANCED_COLOR = '#7d7f86';
const colorOf = (instrument: Instrument, i: number): string => instrument.types[i]?.color ?? BALANCED_COLOR;
const patternFor = (instrument: Instrument, i: number) => patternOf(i, i >= instrument.types.length);

/** Where the participants mainly work from: one patterned bar per leading type, with its count where shown. */
export function leadBars(pdf: Pdf, box: Box, instrument: Instrument, figures: ReportFigures): number {
  const max = Math.max(1, ...figures.leads.map((l) => l.count ?? 0));
  const labelW = 120;
  const numberW = 70;
  const barW = box.w - labelW - numberW - 8;
  let y = box.y;
  figures.leads.forEach((lead, i) => {
    fitText(pdf, lead.label, box.x, y + 3, labelW - 6, { size: 9.5 });
    pdf.rect(box.x + labelW, y, barW, 14).fill(TRACK);
    if (lead.count === null) hiddenMark(pdf, box.x + labelW + 2, y + 2);
    else
      patternRect(
        pdf,
        { x: box.x + labelW, y, w: (barW * lead.count) / max, h: 14 },
        colorOf(instrument, i),
        patternFor(instrument, i),
      );
    const share =
      lead.count !== null && figures.participants ? ` (${Math.round((lead.count / figures.participants) * 100)}%)` : '';
    fitText(pdf, lead.count === null ? 'x' : `${lead.count}${share}`, box.x + box.w - numberW, y + 3, numberW, {
      size: 9.5,
      bold: true,
      align: 'right',
    });
    y += 19;
  });
  return y;
}

/**
 * What our work asks versus who we are: per type, the share of participants whose own situation asks it (dark,
 * hatched) beside the type's share of the mean mix (the type's colour and pattern). Labels sit in their own column.
 */
export function asksVersusMix(pdf: Pdf, box: Box, instrument: Instrument, figures: ReportFigures): number {
  const labelW = 120;
  const numberW = 92;
  const barW = box.w - labelW - numberW - 8;
  let y = box.y;
  figures.asksVersusMix.forEach((row, i) => {
    const asks = row.asks !== null && figures.participants ? row.asks / figures.participants : null;
    fitText(pdf, row.label, box.x, y + 6, labelW - 6, { size: 9.5, bold: true });
    pdf.rect(box.x + labelW, y, barW, 9).fill(TRACK);
    if (row.mix !== null)
      patternRect(
        pdf,
        { x: box.x + labelW, y, w: (barW * row.mix) / 100, h: 9 },
        colorOf(instrument, i),
        patternFor(instrument, i),
      );
    pdf.rect(box.x + labelW, y + 11, barW, 9).fill(TRACK);
    if (asks !== null) patternRect(pdf, { x: box.x + labelW, y: y + 11, w: barW * asks, h: 9 }, INK, 'diagonal');
    else hiddenMark(pdf, box.x + labelW + 1, y + 11, 9);
    const number = box.x + box.w - numberW;
    const percent = (v: number): string => `${v.toFixed(1).replace('.', ',')}%`;
    fitText(pdf, `wie we zijn ${row.mix === null ? 'x' : percent(row.mix)}`, number, y + 0.5, numberW, {
      size: 8,
      align: 'right',
    });
    fitText(pdf, `werk vraagt ${asks === null ? 'x' : `${Math.round(asks * 100)}%`}`, number, y + 11.5, numberW, {
      size: 8,
      align: 'right',
    });
    y += 28;
  });
  return y;
}

/** Arrivals per hour as bars, with the running total as a line where the shown counts settle it. */
export function hourChart(pdf: Pdf, box: Box, figures: ReportFigures): void {
  const hours = figures.hours;
  if (hours.length === 0) {
    fitText(pdf, 'Nog geen antwoorden.', box.x, box.y, box.w, { color: MUTED });
    return;
  }
  const plot = { x: box.x + 30, y: box.y + 4, w: box.w - 62, h: box.h - 30 };
  const maxBar = Math.max(1, ...hours.map((h) => h.count ?? 0));
  const maxLine = Math.max(1, figures.participants ?? 0, ...hours.map((h) => h.cumulative ?? 0));
  const slot = plot.w / hours.length;
  const bottom = plot.y + plot.h;
  pdf
    .save()
    .lineWidth(0.6)
    .strokeColor(GREY)
    .moveTo(plot.x, bottom)
    .lineTo(plot.x + plot.w, bottom)
    .stroke()
    .restore();
  const line: [number, number][] = [];
  hours.forEach((h, i) => {
    const x = plot.x + i * slot;
    const barW = Math.min(34, slot * 0.6);
    const bx = x + (slot - barW) / 2;
    if (h.count === null) hiddenMark(pdf, bx + barW / 2 - 5, bottom - 12);
    else {
      const bh = (plot.h * 0.85 * h.count) / maxBar;
      patternRect(pdf, { x: bx, y: bottom - bh, w: barW, h: bh }, '#5b6b9a', 'solid');
      fitText(pdf, String(h.count), bx - 6, bottom - bh - 11, barW + 12, { size: 8, bold: true, align: 'center' });
    }
    fitText(pdf, h.label.slice(0, 5), x, bottom + 4, slot, { size: 7.5, color: MUTED, align: 'center' });
    if (h.cumulative !== null) line.push([x + slot / 2, bottom - (plot.h * h.cumulative) / maxLine]);
  });
  pdf.save().lineWidth(1.6).strokeColor(INK).dash(4, { space: 2 });
  line.forEach(([x, y], i) => (i === 0 ? pdf.moveTo(x, y) : pdf.lineTo(x, y)));
  if (line.length > 1) pdf.stroke();
  pdf.undash();
  for (const [x, y] of line) pdf.rect(x - 2.5, y - 2.5, 5, 5).fill(INK);
  pdf.restore();
  const last = hours[hours.length - 1]!;
  if (last.cumulative !== null && line.length > 0) {
    const [x, y] = line[line.length - 1]!;
    fitText(pdf, `${last.cumulative} in totaal`, x + 6, y - 4, 60, { size: 8, bold: true });
  }
  fitText(
    pdf,
    'Staven: deelnemers per uur (begin van het uur). Gestreepte lijn met blokjes: het totaal tot en met dat uur.',
    box.x,
    bottom + 15,
    box.w,
    { size: 7.5, color: MUTED },
  );
}

/** The stand and every round side by side: per group its size and the count per leading type, where shown. */
export function roundsChart(
  pdf: Pdf,
  box: Box,
  instrument: Instrument,
  figures: ReportFigures,
  leadLabels: string[],
): number {
  const labelW = 130;
  const totalW = 44;
  const colW = (box.w - labelW - totalW) / leadLabels.length;
  const max = Math.max(1, ...figures.rounds.flatMap((r) => r.perLead.map((v) => v ?? 0)));
  let y = box.y;
  leadLabels.forEach((label, c) =>
    fitText(pdf, label, box.x + labelW + c * colW, y, colW - 6, { size: 8, bold: true, color: MUTED }),
  );
  fitText(pdf, 'Samen', box.x + box.w - totalW, y, totalW, { size: 8, bold: true, color: MUTED, align: 'right' });
  y += 13;
  figures.rounds.forEach((round, r) => {
    const name = r === 0 ? 'Bij de stand (buiten een ronde)' : `Ronde: ${round.label}`;
    fitText(pdf, name, box.x, y + 2, labelW - 6, { size: 9 });
    round.perLead.forEach((v, c) => {
      const x = box.x + labelW + c * colW;
      const w = colW - 30;
      pdf.rect(x, y, w, 12).fill(TRACK);
      if (v === null) hiddenMark(pdf, x + 1, y + 1);
      else patternRect(pdf, { x, y, w: (w * v) / max, h: 12 }, colorOf(instrument, c), patternFor(instrument, c));
      fitText(pdf, v === null ? 'x' : String(v), x + w + 2, y + 2, 26, { size: 8.5, bold: true });
    });
    fitText(pdf, round.total === null ? 'x' : String(round.total), box.x + box.w - totalW, y + 2, totalW, {
      size: 9,
      bold: true,
      align: 'right',
    });
    y += 18;
  });
  return y;
}

/** The profiles named, in three columns: a leading type, two-sided, a balanced mix (chameleon or all-rounder). */
export function profileColumns(pdf: Pdf, box: Box, figures: ReportFigures): number {
  const columns = [
    { kind: 'leading', title: 'Eén leidend type' },
    { kind: 'two-sided', title: 'Twee kanten' },
    { kind: 'balanced', title: 'In balans' },
  ] as const;
  const colW = box.w / columns.length;
  let bottom = box.y;
  columns.forEach((col, i) => {
    const x = box.x + i * colW;
    let y = box.y;
    fitText(pdf, col.title, x, y, colW - 10, { size: 9.5, bold: true });
    y += 14;
    for (const p of figures.profiles.filter((q) => q.kind === col.kind)) {
      fitText(pdf, p.label, x, y, colW - 44, { size: 8.5 });
      fitText(pdf, p.count === null ? 'x' : String(p.count), x + colW - 44, y, 30, {
        size: 8.5,
        bold: true,
        align: 'right',
      });
      y += 12;
    }
    bottom = Math.max(bottom, y);
  });
  return bottom;
}
