import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localize, type Instrument, type Language } from '../../src/core/instrument';
import type { WorkshopPhase } from '../../src/core/workshop';
import { NOTHING_SHOWN, workshopScreen, type ParticipantRecord } from '../../src/core/workshopViews';
import { leader } from '../../src/hub/export/workshop/mix';
import { WORKSHOP_WORDS } from '../../src/hub/export/workshop/words';
import { workshopReportPdf, type WorkshopReportInput } from '../../src/hub/export/workshopReport';
import { pdfStreams } from '../support/pdfPages';
import { poppler, structure, structureNodes, untaggedPainting } from '../support/pdfReaders';
import { shippedInstrument } from '../support/instruments';

const FONTS = join(__dirname, '../../assets/fonts');
const LOOK = join(__dirname, '../../test-results/workshop');
/** 18 March 2027, 15:45 in Amsterdam. */
const NOW = Date.UTC(2027, 2, 18, 14, 45);
const DATE: Record<Language, string> = { nl: '18 maart 2027', en: '18 March 2027' };
const LANGS = ['nl', 'en'] as const;
const AMBTENAAR = shippedInstrument('ideale-ambtenaar');

const mix = (a: number, b: number, c: number): number[] => [a, b, c].map((x) => x / (a + b + c));
const person = (shares: number[] | null, nickname: string | null, extra: Partial<ParticipantRecord> = {}) => ({
  shares,
  nickname,
  case: null,
  commitment: null,
  ...extra,
});

/**
 * Twelve participants: four with a nickname (one with an emoji), eight without; shared and unshared cases and
 * commitments, hostile text among the shared ones, one who has not answered yet. Every private text and mix of
 * someone without a nickname carries a word that must never reach the report.
 */
function twelve(): ParticipantRecord[] {
  return [
    person(mix(8, 1, 1), 'Anna', {
      case: { text: 'De subsidieregeling voor buurthuizen loopt vast', asks: 'bureaucraat', share: true },
      commitment: { text: 'Ik bel eerst voordat ik een brief stuur', share: true },
    }),
    person(mix(1, 8, 1), 'Bram', { case: { text: '=HYPERLINK("x")', asks: 'ondernemer', share: true } }),
    person(mix(1, 1, 8), 'Cem 🌷', { commitment: { text: '<script>alert(1)</script>', share: true } }),
    person(mix(4, 3, 3), 'Dewi', { case: { text: 'GEHEIMZAAK van Dewi', asks: 'verbinder', share: false } }),
    person(mix(2, 2, 6), null, {
      case: { text: 'Een klacht over de nieuwe parkeerregels', asks: 'verbinder', share: true },
      commitment: { text: 'GEHEIMVOORNEMEN een', share: false },
    }),
    person(mix(3, 5, 2), null, { case: { text: 'GEHEIMZAAK twee', asks: 'ondernemer', share: false } }),
    person(mix(6, 2, 2), null, {
      case: { text: 'Een aanvraag die niemand snapt', asks: null, share: true },
      commitment: { text: 'Samen met de buren een plan maken', share: true },
    }),
    person(mix(2, 6, 2), null, { case: { text: 'Het nieuwe loket', asks: 'verbinder', share: true } }),
    person(mix(1, 2, 7), null, { commitment: { text: 'GEHEIMVOORNEMEN twee', share: false } }),
    person(mix(1, 1, 8), null),
    person(mix(1, 4, 5), null, { case: { text: 'Een project met drie gemeenten', asks: 'verbinder', share: true } }),
    person(null, null, { case: { text: 'GEHEIMZAAK zonder antwoord', asks: 'bureaucraat', share: false } }),
  ];
}

function inputOf(
  records: ParticipantRecord[],
  options: { name?: string; nicknames?: boolean; instrument?: Instrument; phase?: WorkshopPhase } = {},
): WorkshopReportInput {
  const instrument = options.instrument ?? AMBTENAAR;
  const workshop = { name: options.name ?? 'Team Vergunningen', date: '2027-03-18', phase: options.phase ?? 'try' };
  const { screen } = workshopScreen(
    { ...workshop, nicknames: options.nicknames ?? true },
    instrument.types,
    records,
    NOTHING_SHOWN,
  );
  return { workshop, instrument, screen };
}

const report = (input: WorkshopReportInput, lang: Language): Promise<Buffer> =>
  workshopReportPdf(input, { lang, fontsDir: FONTS, now: NOW, timeZone: 'Europe/Amsterdam' });

/** The printed text, in drawing order, with every run of white space (a wrapped line) as one space. */
const flat = (pdf: Buffer): string => poppler('pdftotext', pdf, ['-raw', '-enc', 'UTF-8']).replace(/\s+/g, ' ');
const pages = (pdf: Buffer): number => Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', pdf))![1]);

/** Every word poppler finds, with its box, per page (pdftotext -bbox). */
function wordBoxes(pdf: Buffer): { page: number; word: string; x0: number; y0: number; x1: number; y1: number }[] {
  const dir = mkdtempSync(join(tmpdir(), 'workshop-bbox-'));
  let html: string;
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    html = execFileSync('pdftotext', ['-bbox', join(dir, 'doc.pdf'), '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const out: ReturnType<typeof wordBoxes> = [];
  let page = 0;
  for (const m of html.matchAll(
    /<page [^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g,
  )) {
    if (m[0].startsWith('<page')) page++;
    else out.push({ page, word: m[5]!, x0: +m[1]!, y0: +m[2]!, x1: +m[3]!, y1: +m[4]! });
  }
  return out;
}

/** Words whose box leaves the A4 page's 40 pt margins (a point of slack for the glyphs' side bearings). */
const offPage = (pdf: Buffer) =>
  wordBoxes(pdf).filter((w) => w.x0 < 39 || w.x1 > 595.28 - 39 || w.y0 < 39 || w.y1 > 841.89 - 39);

/** Painting outside every marked-content section (pdfkit's page contents start with its flip of the y axis). */
const untagged = (pdf: Buffer): string[] =>
  untaggedPainting(pdfStreams(pdf).filter((stream) => stream.startsWith('1 0 0 -1 0 ')));

/** The rows of the table after the heading `after` (of the tables in a row, when it runs over pages). */
function tableAfter(pdf: Buffer, after: string): { head: string; cells: string[] }[] {
  const tree = structure(pdf);
  const start = tree.findIndex((e) => e.type === 'H2' && e.text === after);
  const table = tree.findIndex((e, i) => i > start && e.type === 'Table');
  const rows: { head: string; cells: string[] }[] = [];
  for (const e of tree.slice(table + 1)) {
    if (e.depth < tree[table]!.depth || (e.depth === tree[table]!.depth && e.type !== 'Table')) break;
    if (e.type === 'TH' && e.scope === 'Row') rows.push({ head: e.text, cells: [] });
    else if (e.type === 'TD') rows[rows.length - 1]?.cells.push(e.text);
  }
  return rows;
}

function look(name: string, pdf: Buffer): void {
  mkdirSync(LOOK, { recursive: true });
  writeFileSync(join(LOOK, `${name}.pdf`), pdf);
}

describe('the workshop report', () => {
  it.each(LANGS)('in %s: the shared lines and the named, nothing anyone kept to themselves', async (lang) => {
    const input = inputOf(twelve());
    const pdf = await report(input, lang);
    look(`twelve-${lang}`, pdf);
    const text = flat(pdf);
    const words = WORKSHOP_WORDS[lang];
    expect(text).toContain(`Workshop: Team Vergunningen`);
    expect(text).toContain(`${DATE[lang]} · ${localize(AMBTENAAR.title, lang)} (ideale-ambtenaar@3.0.0)`);
    expect(text).toContain(words.people(12, 11));
    for (const c of input.screen.cases) expect(text).toContain(c.text);
    for (const c of input.screen.commitments) expect(text).toContain(c);
    // Hostile text prints as itself.
    expect(text).toContain('=HYPERLINK("x")');
    expect(text).toContain('<script>alert(1)</script>');
    expect(input.screen.cases).toHaveLength(6);
    expect(input.screen.commitments).toHaveLength(3);
    // What someone did not share, and the mix of anyone without a nickname, is nowhere.
    expect(text).not.toMatch(/GEHEIM/);
    for (const nickname of ['Anna', 'Bram', 'Dewi']) expect(text).toContain(nickname);
    expect(text).toContain('Cem \uFFFD');
    const named = tableAfter(pdf, words.sections.named);
    expect(named.map((r) => r.head)).toEqual(['Anna', 'Bram', 'Cem \uFFFD', 'Dewi']);
    const mine = (r: ParticipantRecord) => r.shares!.map((v) => `${Math.round(v * 100)}%`);
    expect(named.map((r) => r.cells)).toEqual(twelve().slice(0, 4).map(mine));
    // The group's numbers are the screen's, per type, and its sentence claims the lead it shows.
    const group = tableAfter(pdf, words.sections.stand);
    const types = AMBTENAAR.types.map((t) => localize(t.name, lang));
    expect(group).toEqual(
      types.map((name, i) => ({ head: name, cells: [`${Math.round(input.screen.group!.shares[i]! * 100)}%`] })),
    );
    expect(text).toContain(`${DATE[lang]} · ideale-ambtenaar@3.0.0 · ${lang === 'nl' ? 'pagina 1 van' : 'page 1 of'}`);
    expect(offPage(pdf)).toEqual([]);
    console.log(`twelve ${lang}: ${pages(pdf)} pages, ${pdf.length} bytes`);
  });

  it('without nicknames allowed, no name and no one’s own mix', async () => {
    const pdf = await report(inputOf(twelve(), { nicknames: false }), 'nl');
    const text = flat(pdf);
    for (const nickname of ['Anna', 'Bram', 'Cem', 'Dewi']) expect(text).not.toContain(nickname);
    expect(text).toContain(WORKSHOP_WORDS.nl.noNamed);
    expect(structure(pdf).filter((e) => e.type === 'TH' && e.scope === 'Row')).toHaveLength(2 * AMBTENAAR.types.length);
  });

  it.each(LANGS)('in %s: with four participants the group picture says too few and prints no number', async (lang) => {
    const four = twelve()
      .slice(4, 8)
      .map((r) => ({ ...r, case: r.case && { ...r.case, share: true } }));
    const input = inputOf(four);
    expect(input.screen.group).toBeNull();
    const pdf = await report(input, lang);
    look(`four-${lang}`, pdf);
    const text = flat(pdf);
    const words = WORKSHOP_WORDS[lang];
    expect(text).toContain(words.tooFew(4, 5));
    expect(text).toContain(words.asksTooFew(5));
    expect(text).not.toMatch(/\d\s*%/);
    expect(structure(pdf).filter((e) => e.type === 'Figure')).toEqual([]);
  });

  it.each(LANGS)('in %s: tagged, titled, in its language, its fonts embedded', async (lang) => {
    const pdf = await report(inputOf(twelve()), lang);
    const words = WORKSHOP_WORDS[lang];
    const info = poppler('pdfinfo', pdf);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(new RegExp(`^Title:\\s+${words.title('Team Vergunningen')}$`, 'm'));
    expect(pdf.toString('latin1')).toMatch(new RegExp(`/Lang \\(${lang}\\)`));
    expect(poppler('pdfinfo', pdf, ['-meta'])).toContain('<pdfuaid:part>1</pdfuaid:part>');
    const tree = structure(pdf);
    const of = (type: string) => tree.filter((e) => e.type === type);
    expect(of('H1')).toEqual([expect.objectContaining({ text: words.title('Team Vergunningen') })]);
    expect(of('H2').map((e) => e.text)).toEqual(Object.values(words.sections));
    expect(of('P').length).toBeGreaterThan(8);
    expect(of('Table')).toHaveLength(3);
    expect(tree.filter((e) => e.type === 'TH' && e.scope === 'Column').length).toBe(2 + 3 + 4);
    expect(of('L')).toHaveLength(4);
    expect(of('LI')).toHaveLength(6 + 5 + 2 + 3);
    const figures = (await structureNodes(pdf)).filter((n) => n.role === 'Figure');
    expect(figures).toHaveLength(2);
    // 41 % against 32 % over eleven answers is within the noise: no type is said to lead (the projector's rule).
    const balanced = lang === 'nl' ? 'De mix van de groep is in balans' : 'The group’s mix is balanced';
    expect(figures[0]!.alt).toMatch(new RegExp(`^${balanced}.+ \\d+%.*\\.$`));
    expect(untagged(pdf)).toEqual([]);
    const fonts = poppler('pdffonts', pdf).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row.trim().split(/\s+/).slice(-5, -3), row).toEqual(['yes', 'yes']);
  });

  it.each(LANGS)('in %s: with four answers but six cases, what the work asks and no mix of the group', async (lang) => {
    const answered = twelve().slice(4, 8);
    const waiting = [0, 1].map((i) =>
      person(null, null, { case: { text: `Nog geen antwoord ${i}`, asks: 'verbinder', share: true } }),
    );
    const input = inputOf([...answered, ...waiting]);
    expect(input.screen.group).toBeNull();
    expect(input.screen.asks?.count).toBe(5);
    const pdf = await report(input, lang);
    look(`hidden-group-${lang}`, pdf);
    const words = WORKSHOP_WORDS[lang];
    const rows = tableAfter(pdf, words.sections.asks);
    expect(rows.map((r) => r.cells[0])).toEqual(AMBTENAAR.types.map(() => words.notShown));
    expect(rows.map((r) => r.cells[1])).toEqual(input.screen.asks!.shares.map((v) => `${Math.round(v * 100)}%`));
    const alt = (await structureNodes(pdf)).find((n) => n.role === 'Figure')!.alt!;
    expect(alt).toContain(words.notShownSpoken(5));
    expect(flat(pdf)).toContain(words.tooFew(4, 5));
    expect(offPage(pdf)).toEqual([]);
  });

  it('refuses a screen of another instrument, or a date it cannot read, with what is wrong', async () => {
    const input = inputOf(twelve());
    const four = shippedInstrument('vier-perspectieven');
    await expect(async () => report({ ...input, instrument: four }, 'nl')).rejects.toThrow(
      'do not have the 4 types of vier-perspectieven@3.0.0',
    );
    await expect(async () =>
      report({ ...input, workshop: { ...input.workshop, date: '2027-02-30' } }, 'nl'),
    ).rejects.toThrow('not "2027-02-30"');
  });

  it('claims a lead from 5 percentage points on, on the numbers it prints', () => {
    // A large group: five points are enough; a small one needs more than its noise (the projector's rule).
    expect(leader([38, 33, 29], 10_000)).toEqual({ index: 0, ahead: 5 });
    expect(leader([33, 29, 38], 10_000)).toEqual({ index: 2, ahead: 5 });
    expect(leader([37, 33, 30], 10_000)).toBeNull();
    expect(leader([40, 40, 20], 10_000)).toBeNull();
    expect(leader([41, 32, 27], 11)).toBeNull();
    expect(leader([80, 10, 10], 11)).toEqual({ index: 0, ahead: 70 });
  });
});

/** Words that name nothing in the model, for long texts that wrap over many lines. */
const FILLER = 'ik wil eerst weten wat de buurt vraagt en dan pas wat de regels over dit plan zeggen'.split(' ');
const long = (seed: number, length: number): string => {
  let out = `${seed}:`;
  for (let i = seed; out.length < length; i++) out += ` ${FILLER[(i * 7) % FILLER.length]}`;
  return out.slice(0, length).trim();
};

describe('a full workshop of forty', () => {
  const four = shippedInstrument('vier-perspectieven');
  const types = four.types.map((t) => t.id);
  const records: ParticipantRecord[] = Array.from({ length: 40 }, (_, i) => ({
    shares: [1 + (i % 5), 1 + (i % 3), 1 + (i % 7), 2].map((x, _, all) => x / all.reduce((a, b) => a + b, 0)),
    // 24 wide letters: the longest nickname there is, for every one of them.
    nickname: i < 40 ? `${'W'.repeat(20)}${String(i).padStart(4, '0')}` : null,
    case: { text: i === 0 ? 'x'.repeat(200) : long(i, 200), asks: types[i % 4]!, share: true },
    commitment: { text: i === 1 ? '🌷'.repeat(200) : long(i + 100, 200), share: true },
  }));
  const name = `${'Samenwerkingsverband'.repeat(3)} Vergunningen en Toezicht 🌷 =SUM(A1)`.slice(0, 80);

  it.each(LANGS)('in %s: flows onto more pages, every line inside the margins', async (lang) => {
    const input = inputOf(records, { name, instrument: four });
    const pdf = await report(input, lang);
    look(`forty-${lang}`, pdf);
    const text = flat(pdf);
    const count = pages(pdf);
    expect(count).toBeGreaterThan(3);
    for (let i = 2; i < 40; i++) expect(text).toContain(long(i, 200));
    for (let i = 0; i < 40; i++) if (i !== 1) expect(text).toContain(long(i + 100, 200));
    expect(offPage(pdf)).toEqual([]);
    const words = WORKSHOP_WORDS[lang];
    for (const section of [words.sections.cases, words.sections.tries, words.sections.named])
      expect(text).toContain(words.continued(section));
    // Every page says which it is, whole, however long the workshop's name.
    for (let p = 1; p <= count; p++)
      expect(text).toContain(lang === 'nl' ? `pagina ${p} van ${count}` : `page ${p} of ${count}`);
    const named = tableAfter(pdf, WORKSHOP_WORDS[lang].sections.named);
    // All forty named, in full, each once, over as many tables as pages, each with its header row.
    const tree = structure(pdf);
    expect(named.map((r) => r.head)).toEqual(input.screen.named.map((p) => p.nickname));
    const from = tree.findIndex((e) => e.type === 'H2' && e.text === WORKSHOP_WORDS[lang].sections.named);
    const tables = tree.slice(from).filter((e) => e.type === 'Table').length;
    expect(tables).toBeGreaterThan(1);
    expect(tree.slice(from).filter((e) => e.type === 'TH' && e.scope === 'Column')).toHaveLength(tables * 5);
    expect(untagged(pdf)).toEqual([]);
    console.log(`forty ${lang}: ${count} pages, ${pdf.length} bytes`);
  });
});
