import type { Language } from '../../../core/instrument';
import type { WorkshopPhase } from '../../../core/workshop';

/** Every text of the workshop report in Dutch (B1, "je"); the English below has the same keys (checked by its type). */
const nl = {
  title: (name: string) => `Workshop: ${name}`,
  subject: 'Verslag van een workshop van De Ideale Ambtenaar: de groep als geheel, namen alleen van wie dat zelf koos',
  instrument: (title: string, ref: string) => `${title} (${ref})`,
  people: (joined: number, answered: number) =>
    `${joined} ${joined === 1 ? 'deelnemer' : 'deelnemers'}, ${answered} ${answered === 1 ? 'heeft' : 'hebben'} ` +
    'de vragen ingevuld',
  made: (when: string, zone: string, phase: string) => `Gemaakt op ${when} (${zone}), in de fase ‘${phase}’.`,
  promise:
    'Dit verslag laat de groep als geheel zien. Een eigen mix staat er alleen in bij wie zelf koos om een bijnaam ' +
    'te laten zien. Zaken en voornemens staan er zonder naam in.',
  phases: {
    stand: 'Waar we staan',
    asks: 'Wat ons werk vraagt',
    help: 'Wie kan wie helpen',
    try: 'Wat ik ga proberen',
  } satisfies Record<WorkshopPhase, string>,
  sections: {
    stand: 'Waar we staan',
    asks: 'Wie we zijn en wat ons werk vraagt',
    cases: 'Gedeelde zaken',
    help: 'Wie kan wie helpen',
    tries: 'Wat we gaan proberen',
    named: 'Wie een bijnaam liet zien',
  },
  type: 'Type',
  share: 'Deel van de mix',
  groupOf: (n: number) => `De gemiddelde mix van de groep, over ${n} antwoorden.`,
  tooFew: (answered: number, min: number) =>
    `Er zijn nu ${answered} ${answered === 1 ? 'antwoord' : 'antwoorden'}. Het beeld van de groep komt pas vanaf ` +
    `${min} antwoorden, zodat niemand eruit te halen is. Daarom staat het hier niet.`,
  leads: (type: string, pct: number, ahead: number) =>
    `De groep werkt vooral vanuit ${type}: ${pct}% van de mix, ${ahead} procentpunten meer dan het volgende type`,
  balanced: (min: number) =>
    `De mix van de groep is in balans: geen type ligt meer voor dan toeval bij zo weinig antwoorden kan geven (en minstens ${min} procentpunten)`,
  perType: 'Per type',
  who: 'Wie we zijn',
  asks: 'Werk vraagt',
  asksOf: (n: number) => `Over ${n} zaken waarbij iemand koos wat de zaak vraagt.`,
  asksTooFew: (min: number) =>
    `Nog te weinig zaken. Wat ons werk vraagt, staat hier pas vanaf ${min} zaken waarbij iemand koos wat de zaak ` +
    'vraagt.',
  notShown: 'niet getoond',
  notShownSpoken: (min: number) => `niet getoond (minder dan ${min} antwoorden)`,
  asksMore: (type: string, asks: number, mix: number) =>
    `Ons werk vraagt meer ${type} dan we zelf zijn: ${asks}% van de zaken tegen ${mix}% van onze mix`,
  asksLess: (type: string, asks: number, mix: number) =>
    `We zijn meer ${type} dan ons werk vraagt: ${mix}% van onze mix tegen ${asks}% van de zaken`,
  asksFit: (min: number) =>
    `Wie we zijn past bij wat ons werk vraagt: nergens meer verschil dan toeval bij zo weinig zaken kan geven (en minstens ${min} procentpunten)`,
  asksLeads: (type: string, pct: number) => `Ons werk vraagt vooral ${type}: ${pct}% van de zaken`,
  asksSpread: (min: number) =>
    `Wat ons werk vraagt, is verdeeld: geen kant ligt meer voor dan toeval bij zo weinig zaken kan geven (en minstens ${min} procentpunten)`,
  asksNote:
    'Bovenste balk (kleur en patroon van het type): wie we zijn, de gemiddelde mix van de groep. ' +
    'Onderste balk (donker, gestreept): wat ons werk vraagt, het deel van de zaken dat om deze kant vraagt.',
  noCases: 'Niemand deelde een zaak.',
  casesNote: 'Zaken die hun eigenaar wilde delen, op volgorde van de tekst (niet van wie of wanneer).',
  caseAsks: (type: string | null) => (type ? `Vraagt vooral: ${type}` : 'Zonder gekozen kant'),
  caseLabel: (n: number) => `Zaak ${n}`,
  strongest: 'Per zaak: wie met een bijnaam die kant het sterkst heeft.',
  strongestItem: (type: string, nicknames: string) => `vraagt ${type}. Het sterkst bij: ${nicknames}`,
  groups: 'Groepjes met een mix die elkaar aanvult, met een vraag om over te praten.',
  groupLabel: (n: number) => `Groepje ${n}`,
  question: (q: string) => `Vraag: ${q}`,
  noNames: 'Niemand liet een bijnaam zien, dus hier staan geen namen.',
  helpNone: 'Te weinig mensen met een bijnaam, of geen gedeelde zaak met een kant: hier valt nog niets te koppelen.',
  and: 'en',
  noTries: 'Niemand deelde iets om te proberen.',
  triesNote: 'Voornemens die mensen wilden delen, zonder naam.',
  nickname: 'Bijnaam',
  namedNote:
    'Alleen wie zelf koos om een bijnaam te laten zien, met die eigen mix (afgerond). Van alle anderen staat hier niets.',
  noNamed: 'Niemand liet een bijnaam zien. Dit verslag toont dus van niemand een eigen mix.',
  footerRest: (date: string, ref: string, page: number, pages: number) =>
    ` · ${date} · ${ref} · pagina ${page} van ${pages}`,
  continued: (heading: string) => `${heading} (vervolg)`,
};

export type WorkshopWords = typeof nl;

const en: WorkshopWords = {
  title: (name) => `Workshop: ${name}`,
  subject: 'Report of a workshop of The Ideal Civil Servant: the group as a whole, names only of those who chose so',
  instrument: (title, ref) => `${title} (${ref})`,
  people: (joined, answered) =>
    `${joined} ${joined === 1 ? 'participant' : 'participants'}, ${answered} answered the questions`,
  made: (when, zone, phase) => `Made on ${when} (${zone}), in the phase ‘${phase}’.`,
  promise:
    'This report shows the group as a whole. A person’s own mix is in it only for those who chose to show a ' +
    'nickname. Cases and commitments are in it without names.',
  phases: {
    stand: 'Where we stand',
    asks: 'What our work asks',
    help: 'Who can help whom',
    try: 'What I will try',
  },
  sections: {
    stand: 'Where we stand',
    asks: 'Who we are and what our work asks',
    cases: 'Shared cases',
    help: 'Who can help whom',
    tries: 'What we will try',
    named: 'Who showed a nickname',
  },
  type: 'Type',
  share: 'Share of the mix',
  groupOf: (n) => `The group’s mean mix, over ${n} answers.`,
  tooFew: (answered, min) =>
    `There ${answered === 1 ? 'is' : 'are'} ${answered} ${answered === 1 ? 'answer' : 'answers'} now. The group ` +
    `picture needs at least ${min} answers, so that nobody can be picked out. That is why it is not shown here.`,
  leads: (type, pct, ahead) =>
    `The group mainly works from ${type}: ${pct}% of the mix, ${ahead} percentage points more than the next type`,
  balanced: (min) =>
    `The group’s mix is balanced: no type leads by more than chance can give with so few answers (and at least ${min} percentage points)`,
  perType: 'Per type',
  who: 'Who we are',
  asks: 'Work asks',
  asksOf: (n) => `Over ${n} cases for which someone chose what the case asks.`,
  asksTooFew: (min) =>
    `Too few cases yet. What our work asks is shown from ${min} cases for which someone chose what the case asks.`,
  notShown: 'not shown',
  notShownSpoken: (min) => `not shown (fewer than ${min} answers)`,
  asksMore: (type, asks, mix) =>
    `Our work asks more ${type} than we are: ${asks}% of the cases against ${mix}% of our mix`,
  asksLess: (type, asks, mix) =>
    `We are more ${type} than our work asks: ${mix}% of our mix against ${asks}% of the cases`,
  asksFit: (min) =>
    `Who we are fits what our work asks: nowhere a difference larger than chance can give with so few cases (and at least ${min} percentage points)`,
  asksLeads: (type, pct) => `Our work mainly asks for ${type}: ${pct}% of the cases`,
  asksSpread: (min) =>
    `What our work asks is spread: no side leads by more than chance can give with so few cases (and at least ${min} percentage points)`,
  asksNote:
    'Upper bar (the type’s colour and pattern): who we are, the group’s mean mix. ' +
    'Lower bar (dark, hatched): what our work asks, the share of the cases that ask for this side.',
  noCases: 'Nobody shared a case.',
  casesNote: 'Cases their owners chose to share, in the order of their text (not of who or when).',
  caseAsks: (type) => (type ? `Mainly asks: ${type}` : 'No side chosen'),
  caseLabel: (n) => `Case ${n}`,
  strongest: 'Per case: who, among those with a nickname, has that side strongest.',
  strongestItem: (type, nicknames) => `asks ${type}. Strongest in: ${nicknames}`,
  groups: 'Small groups whose mixes complement each other, with a question to talk about.',
  groupLabel: (n) => `Group ${n}`,
  question: (q) => `Question: ${q}`,
  noNames: 'Nobody showed a nickname, so there are no names here.',
  helpNone: 'Too few people with a nickname, or no shared case with a side: nothing to match up here yet.',
  and: 'and',
  noTries: 'Nobody shared something to try.',
  triesNote: 'Commitments people chose to share, without names.',
  nickname: 'Nickname',
  namedNote:
    'Only those who chose to show a nickname, with their own mix (rounded). Nothing about anyone else is in here.',
  noNamed: 'Nobody showed a nickname. So this report shows nobody’s own mix.',
  footerRest: (date, ref, page, pages) => ` · ${date} · ${ref} · page ${page} of ${pages}`,
  continued: (heading) => `${heading} (continued)`,
};

/** Every text of the workshop report, in Dutch and in English. */
export const WORKSHOP_WORDS: Record<Language, WorkshopWords> = { nl, en };

/** "Anna, Bram en Cem". */
export function nameList(names: readonly string[], and: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}
