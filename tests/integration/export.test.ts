import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src/hub/server';
import { loginAsOrganiser, startTestHub, tempDataDir, TestClient } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';

const instrument = shippedInstrument('ideale-ambtenaar');
const B = 0;
const O = 1;
const V = 2;
const at = (hour: number): number => new Date(2026, 1, 6, hour, 17).getTime();

let data: ReturnType<typeof tempDataDir>;
let hub: RunningHub;
let token: string;

/**
 * The known data set: 12 pure Bureaucrats (situation asks B, role policy, 10:00), 8 pure Connectors (asks O, front
 * line, 11:00, round 1), 6 Entrepreneurs with a Connector side (asks V, no context, 11:00, round 1), 3 balanced mixes
 * (asks V, management, 14:00), and 2 rehearsal visitors that must not count.
 */
function seed(): void {
  const store = hub.store;
  store.startRound('Zaal 1', at(11));
  const add = (
    n: number,
    pick: (i: number) => number,
    casus: number,
    context: Record<string, string>,
    hour: number,
    round: number | null,
    rehearsal = false,
    second?: (i: number) => number,
  ) => {
    for (let k = 0; k < n; k++) {
      const response = {
        ...makeResponse(instrument, pick, undefined, second),
        casus: instrument.types[casus]!.id,
        context,
      };
      store.insert(response, at(hour), { round, rehearsal });
    }
  };
  add(12, () => B, B, { rol: 'beleid' }, 10, null);
  add(8, () => V, O, { rol: 'uitvoering' }, 11, 1);
  add(
    6,
    (i) => (i < 6 ? O : i < 11 ? V : B),
    V,
    {},
    11,
    1,
    false,
    (i) => (i < 6 ? V : O),
  );
  add(3, (i) => i % 3, V, { rol: 'leiding' }, 14, null);
  add(2, () => O, O, {}, 15, null, true);
  store.stopRound(at(12));
}

beforeEach(async () => {
  data = tempDataDir();
  // Exported at 17:00 in Amsterdam, after the day's last visitor, whatever the hour of the run.
  hub = await startTestHub(data.dir, { now: () => Date.UTC(2026, 1, 6, 16, 0) });
  seed();
  const admin = await TestClient.connect(hub.url, 'admin');
  token = await loginAsOrganiser(admin);
  admin.close();
});
afterEach(async () => {
  await hub.close();
  data.remove();
});

async function download(format: string): Promise<Response> {
  const res = await fetch(`${hub.url}/export?format=${format}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return res;
}

/**
 * The export counts whole groups of 5 in order of arrival: the first 25 (12 Bureaucrats, 8 Connectors, 5 of the 6
 * Entrepreneurs); the last Entrepreneur and the 3 balanced mixes wait for a later export. Rows: what the situation asks
 * (B, O, V); columns: leading type B, O, V, balanced, total. Nearly everything is hidden: every row but one holds a
 * single group, so each shown number would give the zeros beside it away. What stays: the participants and the
 * Bureaucrats' column total (12), which three hidden cells could make up in many ways.
 */
const X = null;
const CASUS = [
  [X, X, X, X, X],
  [X, X, X, X, X],
  [X, X, X, X, X],
  [12, X, X, X, 25],
];

describe('export of aggregated totals', () => {
  it('JSON: every cell matches the known data set, hidden cells are null, rehearsal is left out, and it is stamped', async () => {
    const json = (await (await download('json')).json()) as any;
    const casus = json.tables.find((t: any) => t.id === 'casus');
    expect(casus.columns).toEqual(['De Bureaucraat', 'De Ondernemer', 'De Verbinder', 'In balans', 'Totaal']);
    expect(casus.values).toEqual(CASUS);
    const profiles = json.tables.find((t: any) => t.id === 'profielen');
    const count = (label: string) => profiles.values[profiles.rows.indexOf(label)][0];
    expect([
      count('De Bureaucraat'),
      count('De Verbinder'),
      count('Ondernemer met Verbinder-kant'),
      count('Kameleon'),
      count('Allrounder'),
    ]).toEqual([null, null, null, null, null]);
    // 12 Bureaucrats (B, then O: 2/3, 1/3, 0), 8 Connectors (V, then B), 5 Entrepreneurs with a Connector side.
    expect(json.meanMix.values[0]).toEqual([43.8, 26, 30.2]);
    // The round's size (13) is hidden in the round table, so its mean mix, which repeats it, is hidden too.
    expect(json.meanMix.values[1]).toEqual([null, null, null]);
    expect(json.meanMix.n).toEqual([25, null]);
    expect(json.stamp).toMatchObject({
      event: 'Landelijke Ambtenaar 2.0 Dag',
      instrument: 'ideale-ambtenaar@3.0.0',
      suppressBelow: 5,
    });
    expect(json.stamp.checksum).toMatch(/^[0-9a-f]{64}$/);
    // From the first to the last counted answer (the 25th came at 11:17), not to the hour.
    expect(json.stamp.from).toBe(new Date(at(10)).toISOString());
    expect(json.stamp.to).toBe(new Date(at(11)).toISOString());
    expect(json.stamp.timeZone).toBe('Europe/Amsterdam');
    expect(json.stamp.generatedAt).toBe('2026-02-06T16:00:00.000Z');
    for (const table of json.tables)
      for (const row of table.values) for (const v of row) if (v !== null) expect(v).toBeGreaterThanOrEqual(5);
  });

  it('CSV: UTF-8 with BOM, comma and semicolon variants hold the same cells', async () => {
    const comma = Buffer.from(await (await download('csv')).arrayBuffer());
    expect([...comma.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const semicolon = (await (await download('csv-semicolon')).text()).replace(/^\uFEFF/, '');
    const lines = comma
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const header = lines.indexOf('Leidend type naar wat de eigen situatie vraagt (casus)');
    expect(lines[header + 1]).toBe('Situatie vraagt,De Bureaucraat,De Ondernemer,De Verbinder,In balans,Totaal');
    const cells = lines.slice(header + 2, header + 6).map((l) => l.split(',').slice(1));
    expect(cells).toEqual(CASUS.map((row) => row.map((v) => String(v ?? 'x'))));
    expect(semicolon).toContain('Iedereen;25;43,8;26;30,2');
    expect(comma.toString('utf8')).toContain('Iedereen,25,43.8,26,30.2');
  });

  it('XLSX: one sheet per table plus a codebook, read back with the library', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await download('xlsx')).arrayBuffer()) as any);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Over deze export',
      'profielen',
      'casus',
      'rondes',
      'uren',
      'context-zaak',
      'context-rol',
      'context-laag',
      'gemiddelde-mix',
      'codeboek',
    ]);
    const sheet = book.getWorksheet('casus')!;
    const cells = [3, 4, 5, 6].map((r) => [2, 3, 4, 5, 6].map((c) => sheet.getRow(r).getCell(c).value));
    expect(cells).toEqual(CASUS.map((row) => row.map((v) => v ?? 'x')));
    const codebook = book.getWorksheet('codeboek')!;
    expect(codebook.getRow(2).values).toEqual([undefined, 'type', 'bureaucraat', 'De Bureaucraat', 'The Bureaucrat']);
    const about = book.getWorksheet('Over deze export')!;
    expect(about.getRow(9).values).toEqual([
      undefined,
      'Antwoorden apart gezet door de organisator (niet in deze export)',
      0,
    ]);
    expect(about.getRow(10).values).toEqual([undefined, 'Onderdrukt onder', 5]);
  });

  it('XLSX opens ready to use: frozen headers, widths that fit, number formats, valid sheet names', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await download('xlsx')).arrayBuffer()) as any);
    for (const sheet of book.worksheets) {
      expect(sheet.name.length).toBeLessThanOrEqual(31);
      expect(sheet.name).not.toMatch(/[[\]:*?/\\]/);
    }
    const casus = book.getWorksheet('casus')!;
    expect(casus.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 1 });
    const longest = Math.max(
      ...casus
        .getColumn(1)
        .values.slice(2)
        .map((v) => String(v ?? '').length),
    );
    expect(casus.getColumn(1).width).toBeGreaterThanOrEqual(longest);
    expect(casus.getRow(6).getCell(6).numFmt).toBe('0');
    const means = book.getWorksheet('gemiddelde-mix')!;
    expect(means.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(means.getRow(3).getCell(3).numFmt).toBe('0.0');
    expect(book.getWorksheet('codeboek')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const about = book.getWorksheet('Over deze export')!;
    const from = about.getColumn(1).values.indexOf('Van');
    expect(about.getRow(from).getCell(2).value).toEqual(
      new Date(Date.UTC(2026, 1, 6, new Date(at(10)).getUTCHours() + 1, 17)),
    );
    expect(about.getRow(from).getCell(2).numFmt).toBe('dd-mm-yyyy hh:mm');
  });

  it('PDF: a two-page day report whose text names the event, the totals and the stamp', async () => {
    const parser = new PDFParse({ data: new Uint8Array(await (await download('pdf')).arrayBuffer()) });
    const result = await parser.getText();
    await parser.destroy();
    expect(result.pages).toHaveLength(2);
    expect(result.text).toContain('Dagrapport: Landelijke Ambtenaar 2.0 Dag');
    expect(result.text).toContain('Deelnemers: 25');
    expect(result.text).toMatch(/De Bureaucraat\s+12 \(48%\)/);
    expect(result.text).toContain('ideale-ambtenaar@3.0.0');
  });

  it('PDF in English when asked (the console asks in its own language), and a clear refusal of a language it lacks', async () => {
    const parser = new PDFParse({ data: new Uint8Array(await (await download('pdf&lang=en')).arrayBuffer()) });
    const result = await parser.getText();
    await parser.destroy();
    expect(result.pages).toHaveLength(2);
    expect(result.text).toContain('Day report: Landelijke Ambtenaar 2.0 Dag');
    expect(result.text).toContain('Participants: 25');
    expect(result.text).toMatch(/The Bureaucrat\s+12 \(48%\)/);
    const res = await fetch(`${hub.url}/export?format=pdf&lang=fr`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'lang must be one of nl, en' });
  });

  it('one more visitor between two exports changes nothing in them until a whole group of five is in', async () => {
    const visit = (): void => {
      const visitor = {
        ...makeResponse(instrument, () => O),
        casus: instrument.types[B]!.id,
        context: { rol: 'leiding' },
      };
      hub.store.insert(visitor, at(15), { round: null, rehearsal: false });
    };
    visit(); // the 30th: the sixth group of five is complete
    const before = (await (await download('json')).json()) as any;
    expect(before.tables.find((t: any) => t.id === 'casus').values[3][4]).toBe(30);
    visit();
    const after = (await (await download('json')).json()) as any;
    expect(after.tables).toEqual(before.tables);
    expect(after.meanMix).toEqual(before.meanMix);
    expect(after.stamp.checksum).toBe(before.stamp.checksum);
    for (let k = 0; k < 4; k++) visit();
    const later = (await (await download('json')).json()) as any;
    expect(later.tables.find((t: any) => t.id === 'casus').values[3][4]).toBe(35);
  });

  it('every format carries the same checksum of the totals', async () => {
    const json = (await (await download('json')).json()) as any;
    expect(await (await download('csv')).text()).toContain(json.stamp.checksum);
    const parser = new PDFParse({ data: new Uint8Array(await (await download('pdf')).arrayBuffer()) });
    expect((await parser.getText()).text.replace(/\s/g, '')).toContain(json.stamp.checksum);
    await parser.destroy();
  });

  it('the command line writes the same totals without the console', async () => {
    const script = join(__dirname, '../../out/main/export.js');
    if (!existsSync(script)) throw new Error('run npm run build first: out/main/export.js is missing');
    await hub.close();
    const out = join(data.dir, 'totalen.json');
    const printed = execFileSync(process.execPath, [script, '--data', data.dir, '--format', 'json', '--out', out], {
      encoding: 'utf8',
    });
    expect(printed).toContain('Wrote');
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.tables.find((t: any) => t.id === 'casus').values[3][4]).toBe(25);
    hub = await startTestHub(data.dir);
  });
});
