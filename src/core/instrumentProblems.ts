import type { z } from 'zod';
import { INSTRUMENT_FORMAT, instrumentSchema, instrumentShape, type Instrument } from './instrument';
import { textRuleOf } from './text';

/**
 * What the console and the hub say about an instrument that is not ready (docs/adr/0009-instruments-in-the-console.md):
 * the same checks the hub applies to its files at start-up, one problem per fault, each with the place it concerns
 * (`path`, as the file's keys: `items.3.options.1.text`), a rule the console puts in its own words with `values`, and
 * the exact English message that files and logs keep.
 */
export interface InstrumentProblem {
  path: string;
  rule: string;
  values: Record<string, string | number>;
  message: string;
}

/** Largest instrument the console sends or imports, as compact JSON: the shipped ones are about 18 to 22 kB. */
export const MAX_INSTRUMENT_BYTES = 60_000;

/** Keys that would reach an object's prototype in careless code: refused wherever they stand in a file. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const problem = (
  path: string,
  rule: string,
  message: string,
  values: Record<string, string | number> = {},
): InstrumentProblem => ({ path, rule, values, message });

/** The first key anywhere in `data` that may not stand in a file, with its path; depth is bounded by the size cap. */
function forbiddenKey(data: unknown, path: string[] = []): InstrumentProblem | null {
  if (data === null || typeof data !== 'object') return null;
  for (const key of Object.keys(data)) {
    const here = [...path, key];
    if (FORBIDDEN_KEYS.has(key))
      return problem(here.join('.'), 'forbidden-key', `a key named "${key}" is not allowed`, { key });
    const found = forbiddenKey((data as Record<string, unknown>)[key], here);
    if (found) return found;
  }
  return null;
}

/** Checks before the schema: what no schema message would say well (a newer file, a poisoned key, the size). */
function precheck(data: unknown): InstrumentProblem | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return problem('', 'not-an-instrument', 'is not an instrument (a JSON object)');
  const format = (data as { format?: unknown }).format;
  if (format !== undefined && (typeof format !== 'number' || !Number.isInteger(format) || format < 1))
    return problem('format', 'bad-format', 'must be a whole number from 1');
  if (typeof format === 'number' && format > INSTRUMENT_FORMAT)
    return problem(
      'format',
      'newer-format',
      `was made by a newer version of the app (file format ${format}); this app reads format ${INSTRUMENT_FORMAT}: update the app to open it`,
      { format, reads: INSTRUMENT_FORMAT },
    );
  const size = new TextEncoder().encode(JSON.stringify(data)).length;
  if (size > MAX_INSTRUMENT_BYTES)
    return problem(
      '',
      'too-large',
      `is ${Math.round(size / 1000)} kB; an instrument is at most ${MAX_INSTRUMENT_BYTES / 1000} kB`,
      { kb: Math.round(size / 1000), max: MAX_INSTRUMENT_BYTES / 1000 },
    );
  return forbiddenKey(data);
}

/** One zod issue as a problem: the rule of a custom check, the text rule, else zod's own code with its bounds. */
function fromIssue(issue: z.core.$ZodIssue): InstrumentProblem {
  const path = issue.path.map(String).join('.');
  const text = textRuleOf(issue);
  if (text) return problem(path, 'text-refused', issue.message, text.params);
  const params = (issue as { params?: { rule?: string; values?: Record<string, string | number> } }).params;
  if (issue.code === 'custom' && params?.rule) return problem(path, params.rule, issue.message, params.values);
  const values: Record<string, string | number> = {};
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
    values.bound = Number(bound);
    values.origin = issue.origin;
  }
  if (issue.code === 'unrecognized_keys') values.keys = issue.keys.join(', ');
  return problem(path, issue.code, issue.message, values);
}

/** Every problem of `data` as an instrument file: an empty list means the hub would load it as it is. */
export function instrumentProblems(data: unknown): InstrumentProblem[] {
  const first = precheck(data);
  if (first) return [first];
  const result = instrumentSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map(fromIssue);
}

/**
 * Whether `data` has the shape of an instrument, whatever it still lacks (texts, balance): what a draft must be to be
 * kept. Its problems come from {@link instrumentProblems}.
 */
export function draftShapeProblems(data: unknown): InstrumentProblem[] {
  const first = precheck(data);
  if (first) return [first];
  const result = instrumentShape.safeParse(data);
  return result.success ? [] : result.error.issues.map(fromIssue);
}

/** The file the app writes for an instrument: its format, then the instrument, readable and diffable. */
export function instrumentFile(instrument: Instrument): string {
  return `${JSON.stringify({ format: INSTRUMENT_FORMAT, ...instrument }, null, 2)}\n`;
}
