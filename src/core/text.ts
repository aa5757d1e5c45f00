import { z } from 'zod';

/**
 * What a text the organiser types (the event's name, a round's name, a time zone…) may hold: one line of visible text.
 * Such text reaches the projector, every export and the PDF, where an invisible character does harm: a NUL cuts a
 * string short in some readers, a line break or tab splits a CSV cell or starts a formula, and a direction override
 * (U+202E) shows the rest of the name backwards, so the screen and the export say something other than what was typed.
 *
 * Refused: control characters (C0 including tab, CR and LF; DEL; C1), the line and paragraph separators, every
 * invisible direction mark (embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, and the marks U+200E,
 * U+200F and U+061C: they too reorder what surrounds them, and a name for a Dutch or English audience never needs
 * them), and a broken character (half of a surrogate pair), which no export can write.
 */
export type ForbiddenKind = 'control' | 'line-break' | 'direction' | 'broken';

/** The first character a text may not hold: where (1-based, in characters as a reader counts them) and what. */
export interface ForbiddenCharacter {
  position: number;
  /** The code point as U+XXXX. */
  character: string;
  kind: ForbiddenKind;
}

function kindOf(code: number): ForbiddenKind | null {
  if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return 'control';
  if (code === 0x2028 || code === 0x2029) return 'line-break';
  if (
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x061c
  )
    return 'direction';
  if (code >= 0xd800 && code <= 0xdfff) return 'broken';
  return null;
}

const hex = (code: number): string => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first forbidden character in `text`, or null when it is one line of visible text. */
export function forbiddenCharacter(text: string): ForbiddenCharacter | null {
  let position = 0;
  // for…of walks code points: a whole surrogate pair is one character, a lone half comes out on its own.
  for (const char of text) {
    position += 1;
    const kind = kindOf(char.codePointAt(0)!);
    if (kind) return { position, character: hex(char.codePointAt(0)!), kind };
  }
  return null;
}

/** `text` without the characters a text setting may not hold (for values saved before the rule existed). */
export function withoutForbidden(text: string): string {
  return Array.from(text)
    .filter((char) => kindOf(char.codePointAt(0)!) === null)
    .join('');
}

const WHAT: Record<ForbiddenKind, string> = {
  control: 'an invisible control character',
  'line-break': 'a line break',
  direction: 'a character that changes the reading direction',
  broken: 'a broken character',
};

/** The hub's exact English words for a refused text; the console shows its own words from `textRuleOf`. */
export function forbiddenMessage(field: TextField, found: ForbiddenCharacter): string {
  return `${FIELD_NAMES[field]}: character ${found.position} (${found.character}) is ${WHAT[found.kind]}; use visible text on one line`;
}

/** The text fields the rule guards, by the name the console's words use. */
export type TextField =
  | 'eventName'
  | 'timeZone'
  | 'roundName'
  | 'address'
  | 'instrument'
  | 'instrumentText'
  | 'workshopName'
  | 'freeText'
  | 'nickname'
  | 'liveText';

const FIELD_NAMES: Record<TextField, string> = {
  eventName: 'event name',
  timeZone: 'time zone',
  roundName: 'round name',
  address: 'address',
  instrument: 'instrument',
  instrumentText: 'text',
  workshopName: 'workshop name',
  freeText: 'text',
  nickname: 'nickname',
  liveText: 'live situation text',
};

/** What a refusal carries for the console (as zod issue params, then as the error's `detail`). */
export interface TextRuleDetail {
  key: `textRefused.${TextField}`;
  params: { position: number; character: string; kind: ForbiddenKind };
}

/**
 * A string schema that refuses forbidden characters before anything else (before trimming: a leading tab is refused,
 * not silently cut), with the exact message and the detail the console puts in its own words.
 */
export function plainText(field: TextField): z.ZodString {
  return z.string().superRefine((text, ctx) => {
    const found = forbiddenCharacter(text);
    if (!found) return;
    const detail: TextRuleDetail = {
      key: `textRefused.${field}`,
      params: { position: found.position, character: found.character, kind: found.kind },
    };
    ctx.addIssue({ code: 'custom', message: forbiddenMessage(field, found), params: { textRule: detail } });
  });
}

/** The console's detail of a text refusal in a zod error, if that is what the first issue was. */
export function textRuleOf(issue: object | undefined): TextRuleDetail | null {
  if (!issue || !('params' in issue)) return null;
  const params = issue.params as { textRule?: TextRuleDetail } | undefined;
  return params?.textRule ?? null;
}
