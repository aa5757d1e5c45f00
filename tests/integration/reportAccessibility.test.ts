import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/instrument';
import { buildExport } from '../../src/hub/export/build';
import { renderExport } from '../../src/hub/export/render';
import type { RunningHub } from '../../src/hub/server';
import { startTestHub, tempDataDir } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { pdfStreams } from '../support/pdfPages';
import { poppler, structure, structureNodes, untaggedPainting } from '../support/pdfReaders';
import { simulateDay } from '../support/simulatedDay';

const three = shippedInstrument('ideale-ambtenaar');

/** What a screen reader announces as the report's sections, in the order a sighted reader reads them. */
const SECTIONS: Record<Language, string[]> = {
  nl: [
    'De groep in het typenveld',
    'Waar de deelnemers vooral vanuit werken (leidend type)',
    'Wat ons werk vraagt en wie we zijn',
    'Hoe de dag groeide',
    'De rondes naast elkaar: de zaal en de stand',
    'Profielen',
  ],
  en: [
    'The crowd in type space',
    'Where the participants mainly work from (leading type)',
    'What our work asks and who we are',
    'How the day grew',
    'The rounds side by side: the room and the stand',
    'Profiles',
  ],
};
const TITLE: Record<Language, string> = {
  nl: 'Dagrapport: Landelijke Ambtenaar 2.0 Dag',
  en: 'Day report: Landelijke Ambtenaar 2.0 Dag',
};

/** The findings of the simulated day of 300 (seeded): the sentence the projector would say, and a number after it. */
const FINDINGS: Record<Language, { sentence: string; numbers: string }[]> = {
  nl: [
    { sentence: 'Vandaag vooral in balans: 54% van ons', numbers: 'De Bureaucraat 45 (15%)' },
    { sentence: 'Vandaag vooral in balans: 54% van ons', numbers: 'In balans 162 (54%)' },
    {
      sentence: 'Wie we zijn past bij wat ons werk vraagt',
      numbers: 'De Ondernemer: wie we zijn 34,7%, werk vraagt 29%',
    },
    { sentence: 'Het drukst van 11:00 tot 12:00: 129 deelnemers', numbers: '11:00-12:00 129' },
  ],
  en: [
    { sentence: 'Today mostly balanced: 54% of us', numbers: 'The Bureaucrat 45 (15%)' },
    { sentence: 'Today mostly balanced: 54% of us', numbers: 'Balanced 162 (54%)' },
    { sentence: 'Who we are fits what our work asks', numbers: 'The Entrepreneur: who we are 34.7%, work asks 29%' },
    { sentence: 'Busiest from 11:00 to 12:00: 129 participants', numbers: '11:00-12:00 129' },
  ],
};

let data: ReturnType<typeof tempDataDir>;
let hub: RunningHub;
beforeAll(async () => {
  data = tempDataDir();
  hub = await startTestHub(data.dir);
  simulateDay(hub.store, three, 300);
});
afterAll(async () => {
  await hub.close();
  data.remove();
});

/**
 * Every PDF the product writes, built the way the product builds it. A new document (the pilot sheet, the session
 * report) joins this list and is held to the same checks.
 */
const DOCUMENTS: { name: string; charts: number; write: (lang: Language) => Promise<Buffer> }[] = [
  {
    name: 'the day report',
    // The crowd, the leading types, what the work asks against who we are, the day per hour.
    charts: 4,
    write: async (lang) => {
      const doc = buildExport(hub.store, three, {
        event: 'Landelijke Ambtenaar 2.0 Dag',
        appVersion: 'test',
        suppressBelow: 5,
        timeZone: 'Europe/Amsterdam',
      });
      return (await renderExport(doc, 'pdf', three, { lang })).body;
    },
  },
];

describe.each(DOCUMENTS)('$name, read by poppler and pdf.js', ({ write, charts }) => {
  it.each(['nl', 'en'] as const)(
    'in %s: tagged, in its language, headed, every chart described, fonts embedded',
    async (lang) => {
      const pdf = await write(lang);

      const info = poppler('pdfinfo', pdf);
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(info).toMatch(new RegExp(`^Title:\\s+${TITLE[lang]}$`, 'm'));
      // The language, in the document catalogue (what a screen reader uses) and in the metadata poppler prints.
      expect(pdf.toString('latin1')).toMatch(new RegExp(`/Lang \\(${lang}\\)`));
      expect(poppler('pdfinfo', pdf, ['-meta'])).toMatch(new RegExp(`<dc:language>[\\s\\S]*<rdf:li>${lang}</rdf:li>`));
      expect(poppler('pdfinfo', pdf, ['-meta'])).toContain('<pdfuaid:part>1</pdfuaid:part>');
      // The title, not the file name, in the reader's window.
      expect(pdf.toString('latin1')).toMatch(/\/DisplayDocTitle true/);

      const tree = structure(pdf);
      const headings = tree.filter((e) => /^H\d?$/.test(e.type));
      expect(headings[0]).toMatchObject({ type: 'H1', text: TITLE[lang] });
      expect(headings.filter((h) => h.type === 'H1')).toHaveLength(1);
      expect(headings.slice(1).map((h) => [h.type, h.text])).toEqual(SECTIONS[lang].map((s) => ['H2', s]));
      expect(tree.filter((e) => e.type === 'P').length).toBeGreaterThan(3);
      // Tables with header cells: one for the column heads of each table, and a header per row.
      const tables = tree.filter((e) => e.type === 'Table');
      expect(tables.length).toBeGreaterThan(0);
      expect(tree.filter((e) => e.type === 'TH' && e.scope === 'Column').length).toBeGreaterThanOrEqual(tables.length);
      expect(tree.filter((e) => e.type === 'TH' && e.scope === 'Row').length).toBeGreaterThan(0);

      const figures = (await structureNodes(pdf)).filter((n) => n.role === 'Figure');
      expect(figures).toHaveLength(charts);
      for (const f of figures) expect(f.alt?.length ?? 0, JSON.stringify(f)).toBeGreaterThan(40);
      // Each chart's finding first, in the projector's words, then its numbers.
      const finding = FINDINGS[lang];
      expect(figures.map((f) => f.alt!.replace(/\..*$/, ''))).toEqual(finding.map((f) => f.sentence));
      figures.forEach((f, i) => expect(f.alt).toContain(finding[i]!.numbers));

      // Nothing painted outside the structure or an artifact (pdfkit's page contents start with its flip of the y axis).
      const pages = pdfStreams(pdf).filter((stream) => stream.startsWith('1 0 0 -1 0 '));
      expect(pages).toHaveLength(2);
      expect(untaggedPainting(pages)).toEqual([]);

      const fonts = poppler('pdffonts', pdf).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      // Columns: name, type, encoding, emb, sub, uni, object, generation.
      for (const row of fonts) expect(row.trim().split(/\s+/).slice(-5, -3), row).toEqual(['yes', 'yes']);
    },
  );
});
