import { isoMinute } from '../eventTime';
import { STAMP_LOSS_LABEL, stampLossLines } from '../losses';
import type { ExportDocument } from './document';

/**
 * The export as one CSV text, table after table, with a UTF-8 BOM so Dutch Excel reads the accents. The semicolon
 * variant also writes decimal commas, as Excel with Dutch regional settings expects.
 */
export function toCsv(doc: ExportDocument, variant: 'comma' | 'semicolon'): string {
  const sep = variant === 'comma' ? ',' : ';';
  const num = (v: number): string => (variant === 'semicolon' ? String(v).replace('.', ',') : String(v));
  const cell = (v: string | number | null): string => {
    if (v === null) return 'x';
    if (typeof v === 'number') return num(v);
    // A spreadsheet runs text that starts like a formula (an event or round name "=HYPERLINK(…)"); a leading quote
    // keeps it text (OWASP, CSV injection). Numbers are written as numbers and stay so.
    const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",;\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const line = (values: (string | number | null)[]): string => values.map(cell).join(sep);
  const lines: string[] = [];
  const s = doc.stamp;
  const local = (iso: string): string => isoMinute(Date.parse(iso), s.timeZone);
  lines.push(
    line(['Evenement', s.event]),
    line(['Periode', s.from && s.to ? `${local(s.from)} tot ${local(s.to)}` : '-']),
    line(['Tijdzone', s.timeZone]),
    line(['Gemaakt', local(s.generatedAt)]),
  );
  lines.push(
    line(['App-versie', s.appVersion]),
    line(['Instrument', s.instrument]),
    line(['Antwoorden op een ander instrument of een andere versie (niet in deze export)', s.otherAnswers]),
    line(['Antwoorden apart gezet door de organisator (niet in deze export)', s.setAside]),
    line(['Onderdrukt onder', s.suppressBelow]),
    ...stampLossLines(s.losses, s.timeZone).map((text) => line([STAMP_LOSS_LABEL, text])),
    line(['Controlegetal (sha256)', s.checksum]),
    '',
  );
  for (const t of doc.counts) {
    lines.push(line([t.title]));
    lines.push(line([t.rowHeader, ...t.colLabels]));
    t.values.forEach((row, r) => {
      const label = r < t.rowLabels.length ? t.rowLabels[r]! : 'Totaal';
      lines.push(line([label, ...row.map((v, c) => (t.hidden[r]![c] ? null : v))]));
    });
    lines.push('');
  }
  const m = doc.means;
  lines.push(line([m.title]), line(['Groep', 'Aantal', ...m.colLabels]));
  m.rowLabels.forEach((label, r) => lines.push(line([label, m.n[r] ?? null, ...m.means[r]!])));
  lines.push('', line(['Codeboek']), line(['Variabele', 'Code', 'Nederlands', 'English']));
  for (const e of doc.codebook) lines.push(line([e.variable, e.code, e.nl, e.en]));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
