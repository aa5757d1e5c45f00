import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localize, parseInstrument, type Instrument, type Language } from '../../src/core/instrument';
import { pilotLetters } from '../../src/core/pilotOrder';
import { pilotSheetPdf } from '../../src/hub/export/pilotSheet';
import { PILOT_WORDS } from '../../src/hub/export/pilot/words';
import { pdfStreams, renderPages } from '../support/pdfPages';
import { poppler, structure, untaggedPainting } from '../support/pdfReaders';
import { rawInstrument, shippedInstrument } from '../support/instruments';

const FONTS = join(__dirname, '../../assets/fonts');
const LOOK = join(__dirname, '../../test-results/pilot');
/** 5 February 2026, 23:30 UTC: already the 6th in Amsterdam, so the footer shows the event's date, not UTC's. */
const NOW = Date.UTC(2026, 1, 5, 23, 30);
const DATE: Record<Language, string> = { nl: '6 februari 2026', en: '6 February 2026' };
const SHIPPED = ['ideale-ambtenaar', 'vier-perspectieven'].map(shippedInstrument);
const LANGS = ['nl', 'en'] as const;

function pilot(instrument: Instrument, lang: Language, part: 'sheet' | 'key'): Promise<Buffer> {
  return pilotSheetPdf(instrument, { lang, part, fontsDir: FONTS, now: NOW, timeZone: 'Europe/Amsterdam' });
}

/** The printed text, in drawing order, with every run of white space (a wrapped line) as one space. */
const flat = (pdf: Buffer): string => poppler('pdftotext', pdf, ['-raw', '-enc', 'UTF-8']).replace(/\s+/g, ' ');
const squeeze = (s: string): string => s.replace(/\s+/g, '');
const pages = (pdf: Buffer): number => Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', pdf))![1]);

/** Every way a type could be named: its names and plurals in every language, without the article too, its id. */
function typeWords(instrument: Instrument): string[] {
  return instrument.types.flatMap((t) => [
    t.id,
    ...[...Object.values(t.name), ...Object.values(t.plural ?? {})].flatMap((n) => [
      n,
      n.replace(/^(de|het|the) /i, ''),
    ]),
  ]);
}

/** What a situation's texts print: its prompt and options (in `lang`, or the instrument's first language). */
function situationTexts(instrument: Instrument, lang: Language): string[] {
  const t = (v: Record<string, string>): string => localize(v, lang);
  return [
    ...instrument.items.flatMap((item) => [t(item.prompt), ...item.options.map((o) => t(o.text))]),
    t(instrument.casus.prompt),
    ...instrument.casus.options.map((o) => t(o.text)),
  ];
}

/** The sheet's letters per situation, read from its tagged lists: letter → type, found by the option's text. */
function sheetLetters(pdf: Buffer, instrument: Instrument, lang: Language): Record<string, string>[] {
  const lists: Record<string, string>[] = [];
  const options = [...instrument.items.map((i) => i.options), instrument.casus.options];
  let letter = '';
  for (const e of structure(pdf)) {
    if (e.type === 'L') lists.push({});
    else if (e.type === 'Lbl') letter = e.text;
    else if (e.type === 'LBody') {
      const i = lists.length - 1;
      const option = options[i]!.find((o) => squeeze(localize(o.text, lang)) === squeeze(e.text));
      expect(option, e.text).toBeDefined();
      lists[i]![letter] = option!.type;
    }
  }
  return lists;
}

/** The key's letters per situation, read from its tables: the row header's letter → the type named beside it. */
function keyLetters(pdf: Buffer, instrument: Instrument, lang: Language): Record<string, string>[] {
  const tables: Record<string, string>[] = [];
  let letter: string | null = null;
  for (const e of structure(pdf)) {
    if (e.type === 'Table') tables.push({});
    else if (e.type === 'TH' && e.scope === 'Row') letter = e.text;
    else if (e.type === 'TD' && letter !== null) {
      const type = instrument.types.find((t) => localize(t.name, lang) === e.text);
      expect(type, e.text).toBeDefined();
      tables[tables.length - 1]![letter] = type!.id;
      letter = null;
    }
  }
  return tables;
}

/** Every word poppler finds, with its box, per page (pdftotext -bbox). */
function wordBoxes(pdf: Buffer): { page: number; word: string; x0: number; y0: number; x1: number; y1: number }[] {
  // A thirty-page draft gives more words than poppler()'s default output buffer holds.
  const dir = mkdtempSync(join(tmpdir(), 'pilot-bbox-'));
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

function look(name: string, pdf: Buffer): void {
  mkdirSync(LOOK, { recursive: true });
  writeFileSync(join(LOOK, `${name}.pdf`), pdf);
}

describe.each(SHIPPED.map((instrument) => ({ instrument, name: instrument.id })))(
  'the pilot of $name',
  ({ instrument }) => {
    it.each(LANGS)(
      'in %s: the sheet prints every situation and answer, and nothing that names a type',
      async (lang) => {
        const sheet = await pilot(instrument, lang, 'sheet');
        look(`${instrument.id}-${lang}-sheet`, sheet);
        const text = flat(sheet);
        for (const shown of situationTexts(instrument, lang)) expect(text).toContain(shown.replace(/\s+/g, ' '));
        // The test that matters: a sheet that names a type (or what a situation asks) cannot be answered blind.
        const lower = text.toLowerCase();
        for (const word of typeWords(instrument)) expect(lower, word).not.toContain(word.toLowerCase());
        for (const words of Object.values(PILOT_WORDS)) {
          expect(text).not.toContain(words.asks('').trim());
          expect(text).not.toContain(words.keyOnly);
        }
        // No colour either: every pixel grey (ink, rules and boxes), so no type's colour gives it away.
        for (const page of renderPages(sheet, 36)) {
          let coloured = 0;
          for (let i = 0; i < page.rgb.length; i += 3)
            if (
              Math.max(page.rgb[i]!, page.rgb[i + 1]!, page.rgb[i + 2]!) -
                Math.min(page.rgb[i]!, page.rgb[i + 1]!, page.rgb[i + 2]!) >
              40
            )
              coloured++;
          expect(coloured).toBe(0);
        }
        expect(text).toContain(`${instrument.id}@${instrument.version} · ${DATE[lang]}`);
        expect(offPage(sheet)).toEqual([]);
      },
    );

    it.each(LANGS)(
      'in %s: the key gives each letter of the sheet its type, and what each situation asks',
      async (lang) => {
        const [sheet, key] = await Promise.all([pilot(instrument, lang, 'sheet'), pilot(instrument, lang, 'key')]);
        look(`${instrument.id}-${lang}-key`, key);
        const expected = pilotLetters(instrument).map((s) =>
          Object.fromEntries(s.letters.map((l) => [l.letter, l.type])),
        );
        expect(sheetLetters(sheet, instrument, lang)).toEqual(expected);
        expect(keyLetters(key, instrument, lang)).toEqual(expected);
        // Never the instrument's own order, where the same type would be A every time.
        const own = instrument.types.map((t) => t.id).join();
        for (const letters of expected) expect(Object.values(letters).join()).not.toBe(own);
        const text = flat(key);
        for (const item of instrument.items) {
          const asks = instrument.types.find((t) => t.id === item.asks)!;
          expect(text).toContain(PILOT_WORDS[lang].asks(localize(asks.name, lang)));
        }
        expect(offPage(key)).toEqual([]);
      },
    );

    it.each(['sheet', 'key'] as const)(
      'the %s is tagged, titled, in its language, its fonts embedded',
      async (part) => {
        for (const lang of LANGS) {
          const pdf = await pilot(instrument, lang, part);
          const words = PILOT_WORDS[lang];
          const title = (part === 'sheet' ? words.sheetTitle : words.keyTitle)(localize(instrument.title, lang));
          const info = poppler('pdfinfo', pdf);
          expect(info).toMatch(/^Tagged:\s+yes$/m);
          expect(info.split('\n').map((l) => l.replace(/^Title:\s+/, 'Title: '))).toContain(`Title: ${title}`);
          expect(pdf.toString('latin1')).toMatch(new RegExp(`/Lang \\(${lang}\\)`));
          expect(poppler('pdfinfo', pdf, ['-meta'])).toContain('<pdfuaid:part>1</pdfuaid:part>');
          const tree = structure(pdf);
          expect(tree.filter((e) => e.type === 'H1')).toEqual([expect.objectContaining({ text: title })]);
          expect(tree.filter((e) => e.type === 'H2').length).toBe(instrument.items.length + (part === 'key' ? 2 : 1));
          expect(tree.filter((e) => e.type === 'P').length).toBeGreaterThan(instrument.items.length);
          if (part === 'sheet')
            expect(tree.filter((e) => e.type === 'LI')).toHaveLength(
              situationTexts(instrument, lang).length - instrument.items.length - 1,
            );
          else {
            expect(tree.filter((e) => e.type === 'Table')).toHaveLength(instrument.items.length + 1);
            expect(tree.filter((e) => e.type === 'TH' && e.scope === 'Column').length).toBeGreaterThan(0);
            expect(tree.filter((e) => e.type === 'TH' && e.scope === 'Row')).toHaveLength(
              (instrument.items.length + 1) * instrument.types.length,
            );
          }
          // Nothing painted outside the structure or an artifact.
          expect(untagged(pdf)).toEqual([]);
          const fonts = poppler('pdffonts', pdf).split('\n').slice(2).filter(Boolean);
          expect(fonts.length).toBeGreaterThan(0);
          for (const row of fonts) expect(row.trim().split(/\s+/).slice(-5, -3), row).toEqual(['yes', 'yes']);
          const pageCount = pages(pdf);
          expect(flat(pdf)).toContain(
            lang === 'nl' ? `pagina ${pageCount} van ${pageCount}` : `page ${pageCount} of ${pageCount}`,
          );
          console.log(`${instrument.id} ${part} ${lang}: ${pageCount} pages, ${pdf.length} bytes`);
        }
      },
    );
  },
);

/** Words that name nothing in the model, for long texts that wrap over many lines. */
const FILLER = 'ik kijk eerst wat de buurt wil en dan wat de regels zeggen over een plan voor later'.split(' ');
const long = (seed: number, length = 600): string => {
  let out = '';
  for (let i = seed; out.length < length; i++) out += `${FILLER[(i * 7) % FILLER.length]} `;
  return out.slice(0, length).trim();
};

/**
 * A draft as an organiser might leave it: six types, thirty situations, only Dutch, every option 600 characters,
 * long titles, and texts that would do harm anywhere they were read as markup or a formula.
 */
function hostileDraft(): Instrument {
  const raw = rawInstrument('vier-perspectieven') as { types: Record<string, unknown>[] } & Record<string, unknown>;
  const nl = (text: string) => ({ nl: text });
  const types = [
    ...raw.types,
    { ...raw.types[0], id: 'vijfde', name: { nl: 'De Vijfde Soort' }, mark: 'F', plural: { nl: 'Vijfden' } },
    { ...raw.types[1], id: 'zesde', name: { nl: 'De Zesde Soort' }, mark: 'Z', plural: { nl: 'Zesden' } },
  ] as { id: string }[];
  const items = Array.from({ length: 30 }, (_, i) => ({
    id: `s${i}`,
    title: nl(i === 3 ? long(i, 600) : `Situatie met nummer ${i}`),
    asks: types[i % 6]!.id,
    prompt: nl(
      i === 0
        ? '<script>alert(1)</script>'
        : i === 1
          ? '=HYPERLINK("x")'
          : i === 2
            ? 'links rechts: «één» — “twee”'
            : long(i, 400),
    ),
    options: types.map((t, k) => ({
      type: t.id,
      text: nl(k === 0 && i < 2 ? `=HYPERLINK("x") ${i}` : long(i * 6 + k)),
    })),
  }));
  const casus = {
    prompt: nl('<b>vet</b>'),
    hint: nl('Kies er één.'),
    options: types.map((t, k) => ({ type: t.id, text: nl(long(k, 300)) })),
  };
  return parseInstrument({ ...raw, languages: ['nl'], types, items, casus }, 'hostile.json');
}

describe('a hostile draft', () => {
  const draft = hostileDraft();

  it.each(LANGS)('in %s: prints its texts as text, in full, inside the margins, blind', async (lang) => {
    const [sheet, key] = await Promise.all([pilot(draft, lang, 'sheet'), pilot(draft, lang, 'key')]);
    look(`hostile-${lang}-sheet`, sheet);
    look(`hostile-${lang}-key`, key);
    const text = flat(sheet);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('=HYPERLINK("x")');
    expect(text).toContain('<b>vet</b>');
    // A direction override cannot be in an instrument at all (core/text.ts); quotes and accents print as typed.
    expect(text).toContain('links rechts: «één» — “twee”');
    // Dutch only: the English sheet falls back to the Dutch texts, every one in full (none ends in "…").
    for (const shown of situationTexts(draft, lang)) expect(text).toContain(shown);
    expect(text.match(/.{0,80}…/g) ?? []).toEqual([]);
    for (const word of typeWords(draft)) expect(text.toLowerCase(), word).not.toContain(word.toLowerCase());
    expect(offPage(sheet)).toEqual([]);
    expect(offPage(key)).toEqual([]);
    const expected = pilotLetters(draft).map((s) => Object.fromEntries(s.letters.map((l) => [l.letter, l.type])));
    expect(sheetLetters(sheet, draft, lang)).toEqual(expected);
    expect(keyLetters(key, draft, lang)).toEqual(expected);
    expect(untagged(sheet)).toEqual([]);
    console.log(
      `hostile ${lang}: sheet ${pages(sheet)} pages ${sheet.length} bytes, key ${pages(key)} pages ${key.length} bytes`,
    );
  });
});
