import ExcelJS from 'exceljs';
import type { ExportDocument } from '../../core/export/document';

/** One sheet per table, a sheet with the stamp, and a codebook sheet. Suppressed cells read "x". */
export async function toXlsx(doc: ExportDocument): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'De Ideale Ambtenaar';
  book.created = new Date(doc.stamp.generatedAt);
  const bold = { font: { bold: true } };

  const about = book.addWorksheet('Over deze export');
  const s = doc.stamp;
  about.addRows([
    ['Evenement', s.event],
    ['Van', s.from ?? '-'],
    ['Tot', s.to ?? '-'],
    ['Gemaakt', s.generatedAt],
    ['App-versie', s.appVersion],
    ['Instrument', s.instrument],
    ['Antwoorden op een ander instrument of een andere versie (niet in deze export)', s.otherAnswers],
    ['Onderdrukt onder', s.suppressBelow],
    ['Controlegetal (sha256)', s.checksum],
  ]);
  about.getColumn(1).font = bold.font;
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 70;

  for (const t of doc.counts) {
    const sheet = book.addWorksheet(t.id.slice(0, 31));
    sheet.addRow([t.title]).font = bold.font;
    sheet.addRow([t.rowHeader, ...t.colLabels]).font = bold.font;
    t.values.forEach((row, r) => {
      sheet.addRow([
        r < t.rowLabels.length ? t.rowLabels[r] : 'Totaal',
        ...row.map((v, c) => (t.hidden[r]![c] ? 'x' : v)),
      ]);
    });
    sheet.getColumn(1).width = 34;
  }

  const m = doc.means;
  const means = book.addWorksheet(m.id);
  means.addRow([m.title]).font = bold.font;
  means.addRow(['Groep', 'Aantal', ...m.colLabels]).font = bold.font;
  m.rowLabels.forEach((label, r) => means.addRow([label, m.n[r] ?? 'x', ...m.means[r]!.map((v) => v ?? 'x')]));
  means.getColumn(1).width = 30;

  const codebook = book.addWorksheet('codeboek');
  codebook.addRow(['Variabele', 'Code', 'Nederlands', 'English']).font = bold.font;
  for (const e of doc.codebook) codebook.addRow([e.variable, e.code, e.nl, e.en]);
  codebook.getColumn(3).width = 50;
  codebook.getColumn(4).width = 50;

  return Buffer.from(await book.xlsx.writeBuffer());
}
