import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawInstrument, shippedInstrument } from '../../tests/support/instruments';
import { parseInstrument, standInstrument } from './instrument';
import { visitTime } from './visitTime';
import {
  asksBalance,
  copyAsDraft,
  draftSummary,
  nextVersion,
  recovery,
  recoveryWarnings,
  situationWords,
} from './instrumentDraft';
import { draftShapeProblems, instrumentFile, instrumentProblems } from './instrumentProblems';

const three = shippedInstrument('ideale-ambtenaar');
const four = shippedInstrument('vier-perspectieven');

describe('the balance the editor keeps in view', () => {
  it('the shipped instruments are balanced: every type asked equally often', () => {
    for (const inst of [three, four]) {
      const b = asksBalance(inst);
      expect(b.balanced).toBe(true);
      expect(b.short).toEqual([]);
      expect(new Set(b.counts.map((c) => c.count)).size).toBe(1);
    }
  });

  it('names the type that is short after a situation is dropped', () => {
    const dropped = three.items.findIndex((it) => it.asks === 'verbinder');
    const draft = { ...three, items: three.items.filter((_, i) => i !== dropped) };
    expect(asksBalance(draft)).toMatchObject({ balanced: false, short: ['verbinder'] });
    expect(instrumentProblems(draft).map((p) => p.rule)).toContain('asks-unbalanced');
  });

  // Property: whatever situations are dropped, the balance rule agrees with the hub's validation, and a short type is
  // always one a new situation could ask to get closer to balance.
  it('agrees with the hub on balance for any choice of situations (property)', () => {
    fc.assert(
      fc.property(
        fc.subarray(
          four.items.map((_, i) => i),
          { minLength: 3 },
        ),
        (keep) => {
          const draft = { ...four, items: keep.map((i) => four.items[i]!) };
          const b = asksBalance(draft);
          const hub = instrumentProblems(draft).some((p) => p.rule === 'asks-unbalanced');
          expect(b.balanced).toBe(!hub);
          const most = Math.max(...b.counts.map((c) => c.count));
          for (const t of b.short) expect(b.counts.find((c) => c.type === t)!.count).toBeLessThan(most);
          expect(b.counts.reduce((n, c) => n + c.count, 0)).toBe(draft.items.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('counts the words of a situation and the reading time against the five-minute budget', () => {
    const item = three.items[0]!;
    const expected = [item.title!.nl!, item.prompt.nl!, ...item.options.map((o) => o.text.nl!)]
      .join(' ')
      .split(/\s+/).length;
    expect(situationWords(item, 'nl')).toBe(expected);
    const summary = draftSummary(three);
    expect(summary.situations).toBe(12);
    expect(summary.time.map((t) => t.lang)).toEqual(['nl', 'en']);
    expect(summary.time.every((t) => !t.overBudget)).toBe(true);
    const long = structuredClone(three);
    for (const it of long.items) it.prompt.nl = 'lang '.repeat(110).trim();
    expect(draftSummary(long).time.find((t) => t.lang === 'nl')!.overBudget).toBe(true);
  });

  it('flags a situation without exactly one option per type', () => {
    const draft = structuredClone(three);
    draft.items[2]!.options[1]!.type = draft.items[2]!.options[0]!.type;
    expect(draftSummary(draft).notOnePerType).toEqual([2]);
    expect(instrumentProblems(draft).find((p) => p.rule === 'one-per-type')?.path).toBe('items.2.options');
  });
});

describe('versions and copies', () => {
  it('publishes 1.0.0 first, then the next minor version after the newest', () => {
    expect(nextVersion([])).toBe('1.0.0');
    expect(nextVersion(['1.0.0'])).toBe('1.1.0');
    expect(nextVersion(['1.9.0', '1.10.0', '1.2.0'])).toBe('1.11.0');
  });

  it('a copy keeps everything but its id and title, and validates as it stands but for the version', () => {
    const copy = copyAsDraft(three, 'gemeente-x', { nl: 'Gemeente X', en: 'Municipality X' });
    expect(copy.items).toEqual(three.items);
    expect(copy.id).toBe('gemeente-x');
    expect(instrumentProblems(copy)).toEqual([]);
    // The copy is its own object: editing it leaves the shipped instrument as it was.
    copy.items[0]!.prompt.nl = 'anders';
    expect(three.items[0]!.prompt.nl).not.toBe('anders');
  });

  it('the written file reads back as the same instrument', () => {
    const back = parseInstrument(JSON.parse(instrumentFile(four)), 'x');
    expect({ ...back, format: undefined }).toEqual({ ...four, format: undefined });
  });
});

describe('the harness on a draft', () => {
  it('gives the shipped figures for an unchanged copy, and warns when a draft loses situations', () => {
    const shipped = recovery(three)!;
    const copy = copyAsDraft(three, 'kopie', three.title);
    expect(recovery(copy)).toEqual(shipped);
    expect(recoveryWarnings(recovery(copy)!, shipped)).toEqual([]);
    // Three situations, one per type: a visitor's mix is read from too few answers.
    const perType = three.types.map((t) => three.items.find((it) => it.asks === t.id)!);
    const small = recovery({ ...copy, items: perType })!;
    expect(recoveryWarnings(small, shipped).length).toBeGreaterThan(0);
  });

  it('is not run while a situation asks no type', () => {
    const draft = structuredClone(three);
    delete draft.items[0]!.asks;
    expect(recovery(draft)).toBeNull();
  });
});

describe('hostile and damaged files', () => {
  const raw = (): Record<string, unknown> => rawInstrument('ideale-ambtenaar');

  it('refuses a __proto__ key anywhere, by its place, before anything else', () => {
    const text = JSON.stringify(raw()).replace('"nl":', '"__proto__":{"polluted":true},"nl":');
    const problems = instrumentProblems(JSON.parse(text));
    expect(problems).toEqual([expect.objectContaining({ rule: 'forbidden-key', path: 'title.__proto__' })]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says a file from a newer app is from a newer app', () => {
    expect(instrumentProblems({ ...raw(), format: 2 })).toEqual([
      expect.objectContaining({ rule: 'newer-format', path: 'format', values: { format: 2, reads: 1 } }),
    ]);
  });

  it('refuses a file over the size cap, 500 situations, an unknown field and a language that is not one', () => {
    const big = raw();
    (big.title as Record<string, string>).nl = 'x'.repeat(10_000_000);
    expect(instrumentProblems(big)[0]!.rule).toBe('too-large');
    const many = raw();
    many.items = Array.from({ length: 500 }, () => (raw().items as unknown[])[0]);
    expect(instrumentProblems(many)[0]!.rule).toBe('too-large');
    const thirtyOne = raw();
    thirtyOne.items = Array.from({ length: 31 }, (_, i) => ({ ...(raw().items as object[])[0]!, id: `s${i}` }));
    expect(instrumentProblems(thirtyOne).find((p) => p.path === 'items')?.rule).toBe('too_big');
    expect(instrumentProblems({ ...raw(), colour: 'red' })[0]).toMatchObject({ rule: 'unrecognized_keys' });
    const lang = raw();
    (lang.title as Record<string, string>).xx = 'Title';
    expect(instrumentProblems(lang)).toContainEqual(
      expect.objectContaining({ path: 'title', rule: 'unrecognized_keys', values: { keys: 'xx' } }),
    );
  });

  it('refuses a control character or a direction override in any text, and duplicate ids', () => {
    const bad = raw();
    (bad.items as { prompt: Record<string, string> }[])[3]!.prompt.nl = 'Een\u202Etekst';
    expect(instrumentProblems(bad)).toEqual([
      expect.objectContaining({
        rule: 'text-refused',
        path: 'items.3.prompt.nl',
        values: expect.objectContaining({ kind: 'direction' }),
      }),
    ]);
    const dup = raw();
    const items = dup.items as { id: string }[];
    items[1]!.id = items[0]!.id;
    expect(instrumentProblems(dup)).toContainEqual(
      expect.objectContaining({ rule: 'duplicate-id', path: 'items.1.id' }),
    );
  });

  it('keeps HTML and a formula as the text they are', () => {
    const odd = raw();
    (odd.items as { prompt: Record<string, string> }[])[0]!.prompt.nl = '<img src=x onerror=alert(1)> =HYPERLINK("x")';
    expect(instrumentProblems(odd)).toEqual([]);
  });

  it('a draft may lack texts and balance, but not its shape', () => {
    const draft = structuredClone(three);
    draft.items[0]!.prompt = {};
    delete draft.items[1]!.asks;
    expect(draftShapeProblems(draft)).toEqual([]);
    expect(instrumentProblems(draft).map((p) => `${p.path} ${p.rule}`)).toEqual(
      expect.arrayContaining(['items.0.prompt missing-text', 'items.1.asks needs-asks', 'items asks-unbalanced']),
    );
    expect(draftShapeProblems({ ...draft, items: 'none' })[0]!.path).toBe('items');
  });
});

describe('situations for workshops only', () => {
  const marked = (ids: readonly number[]) => {
    const inst = structuredClone(three);
    for (const i of ids) inst.items[i]!.workshopOnly = true;
    return inst;
  };
  const onePerType = three.types.map((t) => three.items.findIndex((it) => it.asks === t.id));

  it('the stand skips them; both the stand and the whole must stay balanced', () => {
    const inst = marked(onePerType);
    expect(instrumentProblems(inst)).toEqual([]);
    expect(standInstrument(inst).items).toHaveLength(9);
    expect(standInstrument(three)).toBe(three);
    expect(visitTime(inst, 'nl').visit).toBeLessThan(visitTime(three, 'nl').visit);
    const lopsided = marked([onePerType[0]!]);
    expect(instrumentProblems(lopsided).map((p) => p.rule)).toEqual(['stand-unbalanced']);
    const standless = marked(three.items.map((_, i) => i).slice(0, 10));
    expect(instrumentProblems(standless).map((p) => p.rule)).toContain('stand-too-few');
  });
});
