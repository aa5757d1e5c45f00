import { localize } from '../../../core/instrument';
import { spoken, type Report } from './context';
import { percent } from './words';

/** The finding first (where the rules claim one), then the numbers: what a screen reader says for a chart. */
const withFinding = (finding: string | null, ...rest: string[]): string =>
  [finding ? `${finding}.` : '', ...rest].filter(Boolean).join(' ');

/** A count with its share of the participants, where both are shown. */
function countWithShare(report: Report, count: number | null): string {
  const n = report.figures.participants;
  return count === null || !n ? spoken(report, count) : `${count} (${Math.round((count / n) * 100)}%)`;
}

/** Per leading type: "De Bureaucraat 210 (42%), De Ondernemer hidden (fewer than 5 or derivable), …". */
function perLead(report: Report): string {
  const list = report.figures.leads.map((l, i) => `${report.leadLabels[i]} ${countWithShare(report, l.count)}`);
  return `${report.words.alt.perLead}: ${list.join(', ')}.`;
}

export function crowdAlt(report: Report): string {
  const w = report.words.alt;
  const types = report.instrument.types.map((t) => localize(t.name, report.lang));
  const shape = types.length === 3 ? w.triangle : types.length === 4 ? w.square : w.polygon;
  const list = `${types.slice(0, -1).join(', ')} ${w.and} ${types[types.length - 1]}`;
  const crowd = report.crowd;
  const drawn =
    crowd.kind === 'none'
      ? w.none
      : crowd.kind === 'dots'
        ? w.dots(crowd.drawn)
        : w.density(crowd.drawn, report.threshold);
  return withFinding(report.findings.leads, w.crowd(list, shape), drawn, perLead(report));
}

export function leadsAlt(report: Report): string {
  return withFinding(report.findings.leads, perLead(report));
}

export function asksAlt(report: Report): string {
  const w = report.words;
  const list = report.figures.asksVersusMix.map((row, i) => {
    const n = report.figures.participants;
    const who = row.mix === null ? spoken(report, null) : percent(row.mix, report.lang);
    const asks = row.asks === null || !n ? spoken(report, row.asks) : `${Math.round((row.asks / n) * 100)}%`;
    return `${report.leadLabels[i]}: ${w.who} ${who}, ${w.asks} ${asks}`;
  });
  return withFinding(report.findings.gap, `${w.alt.asks}: ${list.join('; ')}.`);
}

export function dayAlt(report: Report): string {
  const w = report.words.alt;
  const hours = report.figures.hours.map((h) => `${h.label} ${spoken(report, h.count)}`);
  const total = report.figures.participants === null ? '' : ` ${report.figures.participants} ${w.total}.`;
  return withFinding(report.findings.day, `${w.perHour}: ${hours.join(', ')}.${total}`);
}
