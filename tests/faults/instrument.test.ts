import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Instrument } from '../../src/core/instrument';
import type { AdminAction, HubMessage } from '../../src/core/messages';
import { lanBaseOf, loginAsOrganiser, pairedWith, startLanTestHub, startTestHub, TestClient } from '../support/hub';
import { rawInstrument } from '../support/instruments';
import { useTestHub } from '../support/useTestHub';

/**
 * Fault category "instrument": hostile or damaged drafts and instrument files, from the console's socket, from
 * other pages and from the data folder. Each gets an exact refusal and changes nothing; text stays text.
 */
const fixture = useTestHub();

async function act(client: TestClient, token: string, action: AdminAction): Promise<HubMessage[]> {
  const from = client.messages.length;
  client.send({ type: 'admin', token, action });
  await client.waitFor((m) => m.type === 'done' || m.type === 'error', from);
  return client.messages.slice(from);
}
const refusalOf = (messages: HubMessage[]): Extract<HubMessage, { type: 'draft' }> | undefined =>
  messages.find((m): m is Extract<HubMessage, { type: 'draft' }> => m.type === 'draft' && m.refused !== null);

/** The files under the data folder's instruments/ with their contents: "nothing changed" is this, unchanged. */
function libraryFiles(dir: string): Record<string, string> {
  const root = join(dir, 'instruments');
  const out: Record<string, string> = {};
  const walk = (sub: string): void => {
    let names: string[];
    try {
      names = readdirSync(join(root, sub), { withFileTypes: true }).map((d) =>
        d.isDirectory() ? `${d.name}/` : d.name,
      );
    } catch {
      return;
    }
    for (const name of names)
      if (name.endsWith('/')) walk(`${sub}${name}`);
      else out[`${sub}${name}`] = readFileSync(join(root, sub, name), 'utf8');
  };
  walk('');
  return out;
}

async function withDraft(): Promise<{ admin: TestClient; token: string; draft: Instrument }> {
  const admin = await TestClient.connect(fixture.hub.url, 'admin');
  const token = await loginAsOrganiser(admin);
  const replies = await act(admin, token, {
    kind: 'draftCopy',
    from: 'ideale-ambtenaar',
    id: 'team-west',
    title: { nl: 'Team West', en: 'Team West' },
  });
  const draft = replies.find((m) => m.type === 'draft')!.instrument as Instrument;
  return { admin, token, draft };
}

describe('fault category: instrument', () => {
  it('hostile drafts get an exact refusal at the field and change nothing', async () => {
    const { admin, token, draft } = await withDraft();
    const before = libraryFiles(fixture.dir);
    const cases: [string, unknown, string, string][] = [
      ['a direction override', { ...draft, title: { nl: 'Team\u202EWest' } }, 'title.nl', 'text-refused'],
      ['a NUL', setPrompt(draft, 2, 'Een\u0000zin'), 'items.2.prompt.nl', 'text-refused'],
      ['31 situations', { ...draft, items: manyItems(draft, 31) }, 'items', 'too_big'],
      ['a 601-character text', setPrompt(draft, 0, 'x'.repeat(601)), 'items.0.prompt.nl', 'too_big'],
      ['an unknown field', { ...draft, script: 'alert(1)' }, '', 'unrecognized_keys'],
      ['a language that is not one', { ...draft, title: { nl: 'T', de: 'T' } }, 'title', 'unrecognized_keys'],
      [
        'a __proto__ key',
        JSON.parse(JSON.stringify(draft).replace('"title":{', '"title":{"__proto__":{"x":1},')),
        'title.__proto__',
        'forbidden-key',
      ],
      ['not an object', 'DROP TABLE responses', '', 'not-an-instrument'],
      ['items that are no list', { ...draft, items: {} }, 'items', 'invalid_type'],
    ];
    for (const [name, instrument, path, rule] of cases) {
      const refusal = refusalOf(await act(admin, token, { kind: 'draftSave', instrument }));
      expect(refusal, name).toBeDefined();
      expect(refusal!.problems[0], name).toMatchObject({ path, rule });
    }
    expect(libraryFiles(fixture.dir)).toEqual(before);
    expect(({} as { x?: unknown }).x).toBeUndefined();
    admin.close();
  });

  it('a 10 MB frame closes only that socket; the hub and the draft are as they were', async () => {
    const { admin, token, draft } = await withDraft();
    const before = libraryFiles(fixture.dir);
    const huge = setPrompt(draft, 0, 'x'.repeat(10_000_000));
    admin.send({ type: 'admin', token, action: { kind: 'draftSave', instrument: huge } });
    await expect.poll(() => admin.closed?.code, { timeout: 15_000 }).toBe(1009);
    expect(libraryFiles(fixture.dir)).toEqual(before);
    const again = await TestClient.connect(fixture.hub.url, 'admin');
    again.send({ type: 'admin', token, action: { kind: 'draftOpen', id: 'team-west' } });
    expect(await again.waitFor((m) => m.type === 'draft')).toMatchObject({ instrument: draft });
    again.close();
  });

  it('damaged, duplicate, unbalanced and newer files are refused on import with the exact fault', async () => {
    const admin = await TestClient.connect(fixture.hub.url, 'admin');
    const token = await loginAsOrganiser(admin);
    // Four types: a situation that lost one option still has the three the shape asks, and the balance rule speaks.
    const good = { ...rawInstrument('vier-perspectieven'), id: 'import-test' } as Record<string, unknown>;
    const items = good.items as { id: string; options: { type: string }[] }[];
    const cases: [string, unknown, string, string][] = [
      ['a newer app', { ...good, format: 2 }, 'format', 'newer-format'],
      ['duplicate ids', { ...good, items: [items[0], ...items.slice(0, 11)] }, 'items.1.id', 'duplicate-id'],
      [
        'a type with no option',
        { ...good, items: items.map((it, i) => (i === 4 ? { ...it, options: it.options.slice(1) } : it)) },
        'items.4.options',
        'one-per-type',
      ],
      ['a shipped id', { ...good, id: 'vier-perspectieven' }, '', 'instrumentShipped'],
      ['61 kB of text', padded(good, 61_000), '', 'too-large'],
    ];
    for (const [name, file, path, rule] of cases) {
      const replies = await act(admin, token, { kind: 'instrumentImport', file });
      const refusal = refusalOf(replies);
      expect(refusal, name).toBeDefined();
      if (rule === 'instrumentShipped') expect(refusal!.refused).toBe('instrumentShipped');
      else expect(refusal!.problems[0], name).toMatchObject({ path, rule });
    }
    // 500 situations do not fit in one frame: that socket is closed, nothing else happens.
    admin.send({
      type: 'admin',
      token,
      action: { kind: 'instrumentImport', file: { ...good, items: Array.from({ length: 500 }, () => items[0]) } },
    });
    await expect.poll(() => admin.closed?.code, { timeout: 15_000 }).toBe(1009);
    expect(libraryFiles(fixture.dir)).toEqual({});
  });

  it('a formula or HTML in a text stays text in every export', async () => {
    const { admin, token, draft } = await withDraft();
    const evil = structuredClone(draft);
    evil.types[0]!.name = { nl: '=HYPERLINK("http://x.example","klik")', en: '<img src=x onerror=alert(1)>' };
    await act(admin, token, { kind: 'draftSave', instrument: evil });
    await act(admin, token, { kind: 'draftPublish', id: 'team-west' });
    await act(admin, token, { kind: 'instrument', id: 'team-west' });
    const csv = await (
      await fetch(`${fixture.hub.url}/export?format=csv`, { headers: { Authorization: `Bearer ${token}` } })
    ).text();
    expect(csv).toContain(`'=HYPERLINK(""http://x.example"",""klik"")`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    admin.close();
  });

  it('parallel publishes from two consoles make one version; parallel saves leave one whole draft', async () => {
    const { admin, token, draft } = await withDraft();
    const second = await TestClient.connect(fixture.hub.url, 'admin');
    const variants = Array.from({ length: 10 }, (_, i) => setPrompt(draft, 0, `Versie ${i}`));
    const consoles = [admin, second];
    // Everything both consoles were told since `from`, once `count` outcomes (done or error) have come in.
    const settle = async (from: number[], count: number): Promise<HubMessage[]> => {
      const since = (): HubMessage[] => consoles.flatMap((c, i) => c.messages.slice(from[i]));
      await expect.poll(() => since().filter((m) => m.type === 'done' || m.type === 'error').length).toBe(count);
      return since();
    };
    let from = consoles.map((c) => c.messages.length);
    variants.forEach((instrument, i) =>
      consoles[i % 2]!.send({ type: 'admin', token, action: { kind: 'draftSave', instrument } }),
    );
    await settle(from, variants.length);
    const file = JSON.parse(readFileSync(join(fixture.dir, 'instruments', 'drafts', 'team-west.json'), 'utf8'));
    expect(variants.map((v) => v.items[0]!.prompt.nl)).toContain(file.items[0].prompt.nl);
    from = consoles.map((c) => c.messages.length);
    for (let i = 0; i < 8; i++)
      consoles[i % 2]!.send({ type: 'admin', token, action: { kind: 'draftPublish', id: 'team-west' } });
    const replies = await settle(from, 8);
    expect(replies.filter((m) => m.type === 'done' && m.detail === 'published')).toHaveLength(1);
    expect(replies.filter((m) => m.type === 'draft' && m.refused === 'nothingToPublish')).toHaveLength(7);
    expect(Object.keys(libraryFiles(fixture.dir)).filter((f) => f.startsWith('team-west-'))).toEqual([
      'team-west-1.0.0.json',
    ]);
    admin.close();
    second.close();
  });

  it('no kiosk, projector or network peer reads or changes a draft', async () => {
    const { admin, token } = await withDraft();
    admin.close();
    for (const role of ['kiosk', 'projector'] as const) {
      const page = await TestClient.connect(fixture.hub.url, role);
      const replies = await act(page, 'z'.repeat(43), { kind: 'draftOpen', id: 'team-west' });
      expect(replies.at(-1)).toMatchObject({ type: 'error', code: 'no-session' });
      expect(replies.some((m) => m.type === 'draft')).toBe(false);
      page.close();
    }
    await fixture.hub.close();
    fixture.hub = await startLanTestHub(fixture.dir);
    const lan = await TestClient.connect(lanBaseOf(fixture.hub), 'kiosk', pairedWith(fixture.hub));
    // Even with the organiser's own token, the network gets no organiser message (net/socket.ts).
    const fresh = await TestClient.connect(fixture.hub.url, 'admin');
    const valid = await loginAsOrganiser(fresh);
    const replies = await act(lan, valid, { kind: 'draftOpen', id: 'team-west' });
    expect(replies.some((m) => m.type === 'draft')).toBe(false);
    const pilot = await fetch(`${lanBaseOf(fixture.hub)}/export/pilot?instrument=team-west&part=sheet`, {
      headers: { ...pairedWith(fixture.hub), Authorization: `Bearer ${valid}` },
    });
    expect(pilot.status).toBe(403);
    for (const path of ['/preview/', '/admin']) {
      const res = await fetch(`${lanBaseOf(fixture.hub)}${path}`, { headers: pairedWith(fixture.hub) });
      expect(res.status, path).toBe(403);
    }
    void token;
    lan.close();
    fresh.close();
  });

  it('damaged files in the data folder are left out and named; the hub starts on its shipped instruments', async () => {
    await fixture.hub.close();
    const root = join(fixture.dir, 'instruments');
    mkdirSync(join(root, 'drafts'), { recursive: true });
    const shipped = rawInstrument('ideale-ambtenaar');
    writeFileSync(join(root, 'cut-1.0.0.json'), JSON.stringify({ ...shipped, id: 'cut' }).slice(0, 900));
    writeFileSync(join(root, 'ideale-ambtenaar-9.0.0.json'), JSON.stringify({ ...shipped, version: '9.0.0' }));
    writeFileSync(join(root, 'drafts', 'rommel.json'), '{"items": 3}');
    writeFileSync(join(root, 'retired.json'), '{"all": true}');
    fixture.hub = await startTestHub(fixture.dir);
    const lib = fixture.hub.context.library;
    expect(lib.unreadable.map((l) => l.split(':')[0])).toEqual([
      'cut-1.0.0.json',
      'ideale-ambtenaar-9.0.0.json',
      'drafts/rommel.json',
      'retired.json',
    ]);
    expect(fixture.hub.context.live.instrument.version).toBe('3.0.0');
    expect(fixture.hub.context.instruments.some((i) => i.version === '9.0.0')).toBe(false);
  });
});

function setPrompt(draft: Instrument, item: number, text: string): Instrument {
  const copy = structuredClone(draft);
  copy.items[item]!.prompt = { ...copy.items[item]!.prompt, nl: text };
  return copy;
}

/** `file` with its texts grown, one at a time, until the whole is about `bytes` long as compact JSON. */
function padded(file: Record<string, unknown>, bytes: number): Record<string, unknown> {
  const copy = structuredClone(file);
  const grow = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (JSON.stringify(copy).length >= bytes) return;
      if ((key === 'nl' || key === 'en') && typeof value === 'string')
        (node as Record<string, string>)[key] = `${value} ${'woord '.repeat(100)}`.slice(0, 600);
      else grow(value);
    }
  };
  grow(copy);
  return copy;
}

function manyItems(draft: Instrument, n: number): Instrument['items'] {
  return Array.from({ length: n }, (_, i) => ({ ...draft.items[i % draft.items.length]!, id: `s-${i}` }));
}
