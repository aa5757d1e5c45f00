import type { Category, Headline } from './headlines';
import type { Language } from './instrument';

/**
 * The words of every headline (core/headlines.ts decides which one may be said), in both languages. The projector
 * reads them through its locales and the day report from here, so a finding reads the same on the wall and on paper.
 */
export const HEADLINE_WORDS = {
  nl: {
    leads: 'Vandaag vooral {{type}}: {{share}}% van ons',
    leadsBalanced: 'Vandaag vooral in balans: {{share}}% van ons',
    close: '{{a}} en {{b}} houden elkaar in evenwicht',
    gapMore: 'We zijn meer {{type}} dan ons werk vraagt',
    gapLess: 'Ons werk vraagt meer {{type}} dan we zijn',
    fits: 'Wie we zijn past bij wat ons werk vraagt',
    groupMore: '{{group}}: vaker {{type}} dan de rest ({{share}}% tegen {{rest}}%)',
    groupLess: '{{group}}: minder vaak {{type}} dan de rest ({{share}}% tegen {{rest}}%)',
    groupsAlike: 'Elke groep lijkt op de rest',
    divided: '{{item}} verdeelde de zaal het meest',
    leans: 'Zelfs bij {{item}} koos {{share}}% eerst {{type}}',
    busiest: 'Het drukst van {{from}} tot {{to}}: {{count}} deelnemers',
    steady: 'De hele dag kwamen er mensen bij',
  },
  en: {
    leads: 'Today mostly {{type}}: {{share}}% of us',
    leadsBalanced: 'Today mostly balanced: {{share}}% of us',
    close: '{{a}} and {{b}} are neck and neck',
    gapMore: 'We are more {{type}} than our work asks',
    gapLess: 'Our work asks more {{type}} than we are',
    fits: 'Who we are fits what our work asks',
    groupMore: '{{group}}: more often {{type}} than the rest ({{share}}% vs {{rest}}%)',
    groupLess: '{{group}}: less often {{type}} than the rest ({{share}}% vs {{rest}}%)',
    groupsAlike: 'Every group looks like the rest',
    divided: '{{item}} split the room most',
    leans: 'Even at {{item}}, {{share}}% chose {{type}} first',
    busiest: 'Busiest from {{from}} to {{to}}: {{count}} participants',
    steady: 'People kept coming all day',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type HeadlineWord = keyof (typeof HEADLINE_WORDS)['nl'];

/** Fills `{{name}}` in a template; a name without a value stays as it is, so a missing one shows in review. */
export function fillIn(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}

/** A type's name inside a sentence: "Verbinder", not "De Verbinder". */
export function bareName(name: string): string {
  return name.replace(/^(de|het|the)\s+/i, '');
}

/** How the sentence names what a claim refers to: a type, the balanced mixes, a situation, a group, a clock time. */
export interface HeadlineNames {
  /** A type's name inside a sentence: "Verbinder", not "De Verbinder". */
  type: (index: number) => string;
  balanced: string;
  item: (id: string) => string;
  group: (option: string) => string;
  clock: (ms: number) => string;
}

const pct = (share: number): number => Math.round(share * 100);

/** The sentence for a claim: which template, and what goes into it. */
export function headlineSentence(claim: Headline, words: Record<HeadlineWord, string>, names: HeadlineNames): string {
  const category = (c: Category): string => (c === 'balanced' ? names.balanced : names.type(c));
  switch (claim.kind) {
    case 'leads':
      return claim.category === 'balanced'
        ? fillIn(words.leadsBalanced, { share: pct(claim.share) })
        : fillIn(words.leads, { type: names.type(claim.category), share: pct(claim.share) });
    case 'close':
      return fillIn(words.close, { a: category(claim.categories[0]), b: category(claim.categories[1]) });
    case 'gap':
      return fillIn(claim.diff > 0 ? words.gapMore : words.gapLess, { type: names.type(claim.type) });
    case 'fits':
      return words.fits;
    case 'group-differs':
      return fillIn(claim.share > claim.rest ? words.groupMore : words.groupLess, {
        group: names.group(claim.option),
        type: category(claim.category),
        share: pct(claim.share),
        rest: pct(claim.rest),
      });
    case 'groups-alike':
      return words.groupsAlike;
    case 'divided':
      return fillIn(words.divided, { item: names.item(claim.item) });
    case 'leans':
      return fillIn(words.leans, {
        item: names.item(claim.item),
        share: pct(claim.share),
        type: names.type(claim.type),
      });
    case 'busiest':
      return fillIn(words.busiest, { from: names.clock(claim.from), to: names.clock(claim.to), count: claim.count });
    case 'steady':
      return words.steady;
  }
}
