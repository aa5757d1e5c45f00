import type { TFunction } from 'i18next';
import { localize, type Instrument, type Language } from '../../../core/instrument';
import type { InstrumentProblem } from '../../../core/instrumentProblems';

const RULES = new Set([
  'missing-text',
  'duplicate-id',
  'unknown-type',
  'one-per-type',
  'needs-title',
  'needs-asks',
  'asks-unbalanced',
  'stand-unbalanced',
  'stand-too-few',
  'phrase-after-casus',
  'one-before-casus',
  'needs-balanced-cards',
  'forbidden-key',
  'newer-format',
  'bad-format',
  'too-large',
  'not-an-instrument',
  'text-refused',
  'too_small',
  'too_big',
  'unrecognized_keys',
]);

/** A problem in the console's words: what is wrong, in the page's language. */
export function problemText(problem: InstrumentProblem, t: TFunction): string {
  const values = { ...problem.values };
  if (problem.rule === 'missing-text') values.lang = t(`editor.${String(values.lang)}`);
  return RULES.has(problem.rule)
    ? t(`editor.rule.${problem.rule}`, values)
    : t('editor.rule.other', { message: problem.message });
}

/** Where a problem stands, in words a reader of the editor finds back ("Situatie 4, antwoord Ondernemer"). */
export function problemPlace(path: string, draft: Instrument | null, t: TFunction, lang: Language): string {
  const parts = path.split('.');
  const n = (i: number): number => Number(parts[i]) + 1;
  const typeName = (id: string | undefined): string => {
    const type = draft?.types.find((x) => x.id === id);
    return type ? localize(type.name, lang) : (id ?? '');
  };
  const words: string[] = [];
  if (parts[0] === 'items' && parts.length === 1) words.push(t('editor.place.items'));
  else if (parts[0] === 'items') {
    words.push(t('editor.place.item', { n: n(1) }));
    const option = parts[2] === 'options' && parts[3] !== undefined ? Number(parts[3]) : null;
    if (option !== null)
      words.push(t('editor.place.option', { type: typeName(draft?.items[Number(parts[1])]?.options[option]?.type) }));
    else if (parts[2]) words.push(fieldName(parts[2], t));
  } else if (parts[0] === 'casus') {
    words.push(t('editor.place.casus'));
    if (parts[1] === 'options' && parts[2] !== undefined)
      words.push(t('editor.place.option', { type: typeName(draft?.casus.options[Number(parts[2])]?.type) }));
    else if (parts[1]) words.push(fieldName(parts[1], t));
  } else if (parts[0] === 'context') {
    words.push(t('editor.place.context', { n: n(1) }));
    if (parts[2] === 'options' && parts[3] !== undefined) words.push(t('editor.place.contextOption', { n: n(3) }));
  } else if (parts[0] === 'types') {
    words.push(t('editor.place.type', { name: typeName(draft?.types[Number(parts[1])]?.id) }));
    if (parts[2]) words.push(fieldName(parts[2], t));
  } else if (parts[0] === 'balanced') {
    words.push(
      t('editor.place.balanced', { name: t(parts[1] === 'chameleon' ? 'editor.chameleon' : 'editor.allRound') }),
    );
    if (parts[2]) words.push(fieldName(parts[2], t));
  } else if (parts[0] === 'title') words.push(t('editor.place.title'));
  else if (parts[0] === 'languages') words.push(t('editor.place.languages'));
  else if (parts[0]) words.push(parts[0]);
  const lastLang = parts.at(-1);
  if (lastLang === 'nl' || lastLang === 'en') words.push(t(`editor.${lastLang}`));
  return words.join(', ');
}

function fieldName(key: string, t: TFunction): string {
  if (key === 'prompt') return t('editor.prompt').toLowerCase();
  if (key === 'title') return t('editor.situationTitle').toLowerCase();
  if (key === 'asks') return t('editor.asks').toLowerCase();
  if (key === 'hint') return t('editor.casusHint').toLowerCase();
  const typeField = t(`editor.typeField.${key}`, { defaultValue: '' });
  return typeField ? typeField.toLowerCase() : key;
}

/** The problems that concern one field: its own path, or a language or part inside it. */
export const problemsAt = (problems: readonly InstrumentProblem[], path: string): InstrumentProblem[] =>
  problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`));
