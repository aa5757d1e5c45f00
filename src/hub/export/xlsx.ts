import ExcelJS from 'exceljs';
import type { ExportDocument } from '../../core/export/document';
import { wallClockAsUtc } from '../../core/eventTime';
import { STAMP_LOSS_LABEL, stampLossLines } from '../../core/losses';

type Cell = string | number | Date | null;
const COUNT = '0';
const MEAN = '0.0';
const WHEN = 'dd-mm-yyyy hh:mm';
const bold = { bold: true };

/**
 * Excel refuses sheet names over 31 characters, with []:*?/\ in them, starting or ending with an apostrophe, or
 * twice the same (case-insensitive), and offers to "repair" the file; these names never do that.
 */
export function sheetName(raw: string, used: Set<string>): string {
  const clean =
    raw
      .replace(/[[\]:*?/\\]/g, '-')
      .replace(/^'+|'+$/g, '')
      .trim() || 'blad';
  let name = clean.slice(0, 31);
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${clean.slice(0, 31 - ` (${n})`.length)} (${n})`;
  used.add(name.toLowerCase());
  return name;
}

/** Widths from what the columns hold, so nothing is cut off or needs a drag on opening. */
function fitColumns(sheet: ExcelJS.Worksheet, fromRow: number): void {
  sheet.columns.forEach((column) => {
    let widest = 6;
    column.eachCell?.({ includeEmpty: false }, (cell, row) => {
      if (row < fromRow) return;
      const v = cell.value;
      const text = v instanceof Date ? '00-00-0000 00:00' : String(v ?? '');
      widest = Math.max(widest, text.length);
    });
    column.width = Math.min(widest + 2, 70);
  });
}

/** A sheet with a title, a bold header row frozen above the data (and the first column beside it), printed wide. */
function tableSheet(book: ExcelJS.Workbook, name: string, title: string | null, header: string[]): ExcelJS.Worksheet {
  const headerRow = title === null ? 1 : 2;
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: title === null ? 0 : 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  if (title !== null) sheet.addRow([title]).font = { ...bold, size: 12 };
  const row = sheet.addRow(header);
  row.font = bold;
  row.eachCell((cell) => (cell.border = { bottom: { style: 'thin' } }));
  return sheet;
}

/** Adds a data row: numbers get `numFmt`, hidden cells read "x", right-aligned like the numbers around them. */
function dataRow(sheet: ExcelJS.Worksheet, values: Cell[], numFmt: string): void {
  const row = sheet.addRow(values.map((v) => v ?? 'x'));
  row.eachCell((cell, col) => {
    if (col === 1) return;
    if (typeof cell.value === 'number') cell.numFmt = numFmt;
    else if (cell.value === 'x') cell.alignment = { horizontal: 'right' };
  });
}

/** One sheet per table, a sheet with the stamp, and the codebook; opens in Excel without a question. */
export async function toXlsx(doc: ExportDocument): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'De Ideale Ambtenaar';
  book.created = new Date(doc.stamp.generatedAt);
  const used = new Set<string>();
  const s = doc.stamp;
  const local = (iso: string | null): Date | string =>
    iso ? new Date(wallClockAsUtc(Date.parse(iso), s.timeZone)) : '-';

  const about = book.addWorksheet(sheetName('Over deze export', used));
  const rows: [string, Cell][] = [
    ['Evenement', s.event],
    ['Van', local(s.from)],
    ['Tot', local(s.to)],
    ['Tijdzone', s.timeZone],
    ['Gemaakt', local(s.generatedAt)],
    ['App-versie', s.appVersion],
    ['Instrument', s.instrument],
    ['Antwoorden op een ander instrument of een andere versie (niet in deze export)', s.otherAnswers],
    ['Antwoorden apart gezet door de organisator (niet in deze export)', s.setAside],
    ['Onderdrukt onder', s.suppressBelow],
    ...stampLossLines(s.losses, s.timeZone).map((text): [string, Cell] => [STAMP_LOSS_LABEL, text]),
    ['Controlegetal (sha256)', s.checksum],
  ];
  for (const [label, value] of rows) {
    const row = about.addRow([label, value]);
    row.getCell(1).font = bold;
    row.getCell(2).alignment = { horizontal: 'left', wrapText: true };
    if (value instanceof Date) row.getCell(2).numFmt = WHEN;
  }
  about.getColumn(1).width = 40;
  about.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
  about.getColumn(2).width = 70;

  for (const t of doc.counts) {
    const sheet = tableSheet(book, sheetName(t.id, used), t.title, [t.rowHeader, ...t.colLabels]);
    t.values.forEach((row, r) => {
      const label = r < t.rowLabels.length ? t.rowLabels[r]! : 'Totaal';
      dataRow(sheet, [label, ...row.map((v, c) => (t.hidden[r]![c] ? null : v))], COUNT);
    });
    sheet.lastRow!.font = bold;
    fitColumns(sheet, 2);
  }

  const m = doc.means;
  const means = tableSheet(book, sheetName(m.id, used), m.title, ['Groep', 'Aantal', ...m.colLabels]);
  m.rowLabels.forEach((label, r) => {
    dataRow(means, [label, m.n[r] ?? null, ...m.means[r]!], MEAN);
    const n = means.lastRow!.getCell(2);
    if (typeof n.value === 'number') n.numFmt = COUNT;
  });
  fitColumns(means, 2);

  const codebook = tableSheet(book, sheetName('codeboek', used), null, ['Variabele', 'Code', 'Nederlands', 'English']);
  for (const e of doc.codebook) codebook.addRow([e.variable, e.code, e.nl, e.en]);
  fitColumns(codebook, 1);
  [3, 4].forEach((c) => (codebook.getColumn(c).alignment = { wrapText: true, vertical: 'top' }));

  return Buffer.from(await book.xlsx.writeBuffer());
}
