import { asksAlt, dayAlt, leadsAlt } from './alt';
import { shownOrX, type Report } from './context';
import { GREY, hiddenMark, INK, MUTED, patternOf, patternRect, TRACK, type Box } from './draw';
import { percent } from './words';

const BALANCED_COLOR = '#7d7f86';
export const colorOf = (report: Report, i: number): string => report.instrument.types[i]?.color ?? BALANCED_COLOR;
export const patternFor = (report: Report, i: number) => patternOf(i, i >= report.instrument.types.length);

/** Height of the leading-type bars for this instrument. */
export const leadBarsHeight = (report: Report): number => report.figures.leads.length * 19;

/** Where the participants mainly work from: one patterned bar per leading type, with its count where shown. */
export function leadBars(report: Report, box: Box): number {
  const { doc, figures } = report;
  const pdf = doc.pdf;
  const max = Math.max(1, ...figures.leads.map((l) => l.count ?? 0));
  const labelW = 120;
  const numberW = 70;
  const barW = box.w - labelW - numberW - 8;
  const h = leadBarsHeight(report);
  doc.figure(leadsAlt(report), { ...box, h }, () => {
    figures.leads.forEach((lead, i) => {
      const y = box.y + i * 19;
      doc.line(report.leadLabels[i]!, box.x, y + 3, labelW - 6, { size: 9.5 });
      pdf.rect(box.x + labelW, y, barW, 14).fill(TRACK);
      if (lead.count === null) hiddenMark(pdf, box.x + labelW + 2, y + 2);
      else
        patternRect(
          pdf,
          { x: box.x + labelW, y, w: (barW * lead.count) / max, h: 14 },
          colorOf(report, i),
          patternFor(report, i),
        );
      const n = figures.participants;
      const share = lead.count !== null && n ? ` (${Math.round((lead.count / n) * 100)}%)` : '';
      doc.line(`${shownOrX(lead.count)}${share}`, box.x + box.w - numberW, y + 3, numberW, {
        size: 9.5,
        bold: true,
        align: 'right',
      });
    });
  });
  return box.y + h;
}

/**
 * What our work asks versus who we are: per type, the share of participants whose own situation asks it (dark,
 * hatched) beside the type's share of the mean mix (the type's colour and pattern). Labels sit in their own column.
 */
export function asksVersusMix(report: Report, box: Box): number {
  const { doc, figures, words, lang } = report;
  const pdf = doc.pdf;
  const labelW = 120;
  const numberW = 92;
  const barW = box.w - labelW - numberW - 8;
  const h = figures.asksVersusMix.length * 28;
  doc.figure(asksAlt(report), { ...box, h }, () => {
    figures.asksVersusMix.forEach((row, i) => {
      const y = box.y + i * 28;
      const n = figures.participants;
      const asks = row.asks !== null && n ? row.asks / n : null;
      doc.line(report.leadLabels[i]!, box.x, y + 6, labelW - 6, { size: 9.5, bold: true });
      pdf.rect(box.x + labelW, y, barW, 9).fill(TRACK);
      if (row.mix !== null)
        patternRect(
          pdf,
          { x: box.x + labelW, y, w: (barW * row.mix) / 100, h: 9 },
          colorOf(report, i),
          patternFor(report, i),
        );
      pdf.rect(box.x + labelW, y + 11, barW, 9).fill(TRACK);
      if (asks !== null) patternRect(pdf, { x: box.x + labelW, y: y + 11, w: barW * asks, h: 9 }, INK, 'diagonal');
      else hiddenMark(pdf, box.x + labelW + 1, y + 11, 9);
      const number = box.x + box.w - numberW;
      const who = row.mix === null ? 'x' : percent(row.mix, lang);
      doc.line(`${words.who} ${who}`, number, y + 0.5, numberW, { size: 8, align: 'right' });
      const asked = asks === null ? 'x' : `${Math.round(asks * 100)}%`;
      doc.line(`${words.asks} ${asked}`, number, y + 11.5, numberW, { size: 8, align: 'right' });
    });
  });
  return box.y + h;
}

/** Arrivals per hour as bars, with the running total as a line where the shown counts settle it. */
export function hourChart(report: Report, box: Box): void {
  const { doc, figures, words } = report;
  const pdf = doc.pdf;
  const hours = figures.hours;
  if (hours.length === 0) {
    doc.paragraph(words.noAnswers, box.x, box.y, box.w, { color: MUTED });
    return;
  }
  const plot = { x: box.x + 30, y: box.y + 4, w: box.w - 62, h: box.h - 30 };
  const maxBar = Math.max(1, ...hours.map((h) => h.count ?? 0));
  const maxLine = Math.max(1, figures.participants ?? 0, ...hours.map((h) => h.cumulative ?? 0));
  const slot = plot.w / hours.length;
  const bottom = plot.y + plot.h;
  doc.figure(dayAlt(report), { ...box, h: box.h - 12 }, () => {
    pdf
      .save()
      .lineWidth(0.6)
      .strokeColor(GREY)
      .moveTo(plot.x, bottom)
      .lineTo(plot.x + plot.w, bottom)
      .stroke();
    pdf.restore();
    const line: [number, number][] = [];
    hours.forEach((h, i) => {
      const x = plot.x + i * slot;
      const barW = Math.min(34, slot * 0.6);
      const bx = x + (slot - barW) / 2;
      if (h.count === null) hiddenMark(pdf, bx + barW / 2 - 5, bottom - 12);
      else {
        const bh = (plot.h * 0.85 * h.count) / maxBar;
        patternRect(pdf, { x: bx, y: bottom - bh, w: barW, h: bh }, '#5b6b9a', 'solid');
        doc.line(String(h.count), bx - 6, bottom - bh - 11, barW + 12, { size: 8, bold: true, align: 'center' });
      }
      doc.line(h.label.slice(0, 5), x, bottom + 4, slot, { size: 7.5, color: MUTED, align: 'center' });
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
      doc.line(words.inAll(last.cumulative), x + 6, y - 4, 60, { size: 8, bold: true });
    }
  });
  doc.paragraph(words.dayNote, box.x, bottom + 15, box.w, { size: 7.5, color: MUTED });
}
