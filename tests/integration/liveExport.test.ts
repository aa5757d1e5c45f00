import { describe, expect, it } from 'vitest';
import type { HubMessage } from '../../src/core/messages';
import { loginAsOrganiser, TestClient } from '../support/hub';
import { joinPhone, liveAnswer, startLiveHub } from '../support/live';
import { poppler } from '../support/pdfReaders';
import { useTestHub } from '../support/useTestHub';

const fixture = useTestHub(startLiveHub);

/** Runs one live moment with these answers per option (in letter order), then closes it. */
async function runMoment(perOption: number[]): Promise<void> {
  const moments = fixture.hub.context.moments;
  moments.pick('item:terras');
  moments.put();
  const live = (moments.view() as Extract<HubMessage, { type: 'live' }>).live!;
  let n = 0;
  for (const [option, count] of perOption.entries())
    for (let i = 0; i < count; i++) {
      const phone = await joinPhone(fixture.hub, n);
      expect(await liveAnswer(phone, live.id, option, `export-answer-${n++}`)).toMatchObject({ type: 'ack' });
      phone.close();
    }
  moments.reveal();
  moments.close();
}

async function exported(format: 'json' | 'pdf' | 'csv'): Promise<Buffer> {
  const admin = await TestClient.connect(fixture.hub.url, 'admin');
  const token = await loginAsOrganiser(admin);
  admin.close();
  const res = await fetch(`${fixture.hub.url}/export?format=${format}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe('live moments in the export and the day report', () => {
  it('carry each moment as its own table with small counts hidden, and a page "De zaal in de zaal"', async () => {
    await runMoment([9, 2, 1]);
    const json = JSON.parse((await exported('json')).toString()) as {
      tables: { id: string; title: string; rows: string[]; values: (number | null)[][] }[];
    };
    const table = json.tables.find((t) => t.id === 'live-1')!;
    expect(table.title).toMatch(/^Vraag aan de zaal 1: Het terras/);
    expect(table.rows.map((r) => r.slice(0, 1))).toEqual(['A', 'B', 'C', 'T']);
    const values = table.values.map((row) => row[0]!);
    const total = values.at(-1);
    const options = values.slice(0, 3);
    // 2 and 1 are below the threshold: hidden, and not to be worked out from what is shown.
    expect(options.filter((v) => v !== null).every((v) => v! >= 5)).toBe(true);
    expect(options.filter((v) => v === null).length).toBeGreaterThanOrEqual(2);
    if (total !== null) expect(options.filter((v) => v === null).length).not.toBe(1);

    const csv = (await exported('csv')).toString();
    expect(csv).toContain('Vraag aan de zaal 1');

    const pdf = await exported('pdf');
    expect(poppler('pdfinfo', pdf)).toMatch(/Pages:\s+3/);
    const text = poppler('pdftotext', pdf);
    expect(text).toContain('De zaal in de zaal');
    expect(text).toContain('Vraag 1');
  });

  it('leaves the day report at two pages without live moments, and a moment under the threshold shows nothing', async () => {
    expect(poppler('pdfinfo', await exported('pdf'))).toMatch(/Pages:\s+2/);
    await runMoment([2, 1, 1]);
    const json = JSON.parse((await exported('json')).toString()) as {
      tables: { id: string; values: (number | null)[][] }[];
    };
    expect(json.tables.find((t) => t.id === 'live-1')!.values.flat()).toEqual([null, null, null, null]);
  });
});
