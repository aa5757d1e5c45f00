import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExport } from '../../src/hub/export/build';
import { toPdf } from '../../src/hub/export/pdf';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';
import { amsterdam } from '../support/simulatedDay';
import { useTestHub } from '../support/useTestHub';

const three = shippedInstrument('ideale-ambtenaar');
const LOOK = join(__dirname, '../../test-results/report');

const fixture = useTestHub();

/** The text of a PDF as poppler's pdftotext reads it, in reading order. */
function pdftotext(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
}

function pageCount(pdf: Buffer): number {
  const info = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

async function report(event: string, lang: 'nl' | 'en' = 'nl'): Promise<Buffer> {
  const doc = buildExport(fixture.hub.store, three, {
    event,
    appVersion: 'test',
    suppressBelow: 5,
    timeZone: 'Europe/Amsterdam',
  });
  return toPdf(doc, three, { lang });
}

describe('the day report keeps its two pages', () => {
  it('40 rounds with long names: still two pages, the largest rounds named and the rest summed up', async () => {
    const long = 'met een heel lange naam die de organisator voor deze ronde bedacht en niet meer inkortte';
    for (let r = 0; r < 40; r++) {
      const start = amsterdam(9) + r * 10 * 60_000;
      const round = fixture.hub.store.startRound(`R${r} ${long}`, start);
      // Round 17 is by far the largest, so the summary names it even though it is not among the first ones.
      const size = r === 17 ? 40 : 5;
      for (let i = 0; i < size; i++)
        fixture.hub.store.insert(
          makeResponse(three, () => (i + r) % 3),
          start + i * 1000,
          {
            round: round.id,
            rehearsal: false,
          },
        );
      fixture.hub.store.stopRound(start + 9 * 60_000);
    }
    for (const lang of ['nl', 'en'] as const) {
      const pdf = await report('Landelijke Ambtenaar 2.0 Dag', lang);
      mkdirSync(LOOK, { recursive: true });
      writeFileSync(join(LOOK, `forty-rounds-${lang}.pdf`), pdf);
      expect(pageCount(pdf), lang).toBe(2);
      const text = pdftotext(pdf);
      expect(text).toMatch(lang === 'nl' ? /en nog \d+ rondes: zie de XLSX/ : /and \d+ more rounds: see the XLSX/);
      expect(text).toMatch(/R17 met een heel lange/);
    }
  });

  it('an event and a round named with emoji and full-width letters print as letters or a visible mark', async () => {
    const round = fixture.hub.store.startRound('Zaal 🎤 Ｂ', amsterdam(10));
    for (let i = 0; i < 10; i++)
      fixture.hub.store.insert(
        makeResponse(three, (k) => (k + i) % 3),
        amsterdam(10) + i * 60_000,
        {
          round: round.id,
          rehearsal: false,
        },
      );
    fixture.hub.store.stopRound(amsterdam(11));
    const pdf = await report('Dag van de 🎉 ＡＢＣ-ambtenaar 👩‍💻');
    mkdirSync(LOOK, { recursive: true });
    writeFileSync(join(LOOK, 'emoji.pdf'), pdf);
    const text = pdftotext(pdf);
    // Full-width letters print as the same letters; a character no embedded font holds as one visible "�".
    expect(text).toContain('Dagrapport: Dag van de � ABC-ambtenaar �');
    expect(text).toContain('Zaal � B');
    // Never the bytes of a character the font could not encode ("Ø=Þ", "ÿ7" in a standard font's encoding).
    expect(text).not.toMatch(/Ø=|ÿ/);
    expect(pageCount(pdf)).toBe(2);
  });
});
