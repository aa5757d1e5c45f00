import type { Language } from '../../../core/instrument';

/** Every text of the day report in Dutch (B1, "je"); the English below has the same keys (checked by its type). */
const nl = {
  title: (event: string) => `Dagrapport: ${event}`,
  subject: 'Dagrapport van De Ideale Ambtenaar: de groep van vandaag, zonder dat iemand herkenbaar is',
  noPeriod: (n: number) => `nog geen volle groep van ${n} antwoorden`,
  otherAnswers: (n: number) => `${n} antwoorden op een andere versie niet meegeteld`,
  setAside: (n: number) => `${n} antwoorden apart gezet door de organisator`,
  lossWarning: 'LET OP: verloren antwoorden vastgelegd, zie pagina 2',
  attention: 'LET OP: ',
  participants: (n: number | null) => (n === null ? 'Deelnemers: te weinig om te tonen' : `Deelnemers: ${n}`),
  sections: {
    crowd: 'De groep in het typenveld',
    leads: 'Waar de deelnemers vooral vanuit werken (leidend type)',
    asks: 'Wat ons werk vraagt en wie we zijn',
    day: 'Hoe de dag groeide',
    rounds: 'De rondes naast elkaar: de zaal en de stand',
    profiles: 'Profielen',
  },
  hidden: (t: number) => `verborgen (minder dan ${t} of af te leiden)`,
  balanced: 'In balans',
  leading: (type: string) => `Leidend: ${type}`,
  balancedMark: 'In balans (geen leidend type)',
  noDots: (t: number) => `Geen stippen: minder dan ${t} deelnemers geteld.`,
  allHidden: 'Geen stippen: de tabellen verbergen elk profiel.',
  drawn: (drawn: number, n: number | null) =>
    n === null || drawn === n
      ? `Getekend: ${drawn} deelnemers.`
      : `Getekend: ${drawn} van de ${n} deelnemers, wie in een profiel valt dat de tabellen tonen.`,
  dotsNote:
    'Elke stip is één deelnemer, op de plek van zijn of haar mix: hoe dichter bij een hoek, hoe sterker dat type. ' +
    'De kleur mengt de kleuren van de types zoals de mix ze mengt; de vorm zegt welk type leidt. ' +
    'Elke stip staat iets verschoven, zodat geen stip iemands precieze antwoorden laat zien.',
  densityNote: (t: number) =>
    `Zoveel deelnemers dat stippen elkaar bedekken: elk vakje is zo donker als het vol is en mengt de kleuren ` +
    `zoals de mix van wie erin valt. Een vakje met minder dan ${t} deelnemers blijft leeg.`,
  densityLevel: (from: number, to: number | null) => (to === null ? `${from} of meer` : `${from} tot ${to}`),
  who: 'wie we zijn',
  asks: 'werk vraagt',
  asksNote:
    'Bovenste balk (kleur en patroon van het type): de gemiddelde mix van de deelnemers, wie we zijn. ' +
    'Onderste balk (donker, gestreept): hoeveel deelnemers zeggen dat hun eigen situatie vooral dit type vraagt.',
  noAnswers: 'Nog geen antwoorden.',
  inAll: (n: number) => `${n} in totaal`,
  dayNote:
    'Staven: deelnemers per uur (begin van het uur). Gestreepte lijn met blokjes: het totaal tot en met dat uur.',
  roundsNote: 'Per groep: hoeveel deelnemers met elk leidend type, en hoeveel samen.',
  group: 'Groep',
  together: 'Samen',
  stand: 'Bij de stand (buiten een ronde)',
  round: (name: string) => `Ronde: ${name}`,
  moreRounds: (n: number) => `en nog ${n} ${n === 1 ? 'ronde' : 'rondes'}: zie de XLSX`,
  mixPerRound: 'Gemiddelde mix per ronde',
  profileKinds: { leading: 'Eén leidend type', 'two-sided': 'Twee kanten', balanced: 'In balans' },
  count: 'aantal',
  profilesNote:
    'Twee kanten: twee types ongeveer even sterk, het derde duidelijk minder. ' +
    'Kameleon: een mix in balans die meebeweegt met wat de situatie vraagt. ' +
    'Allrounder: een mix in balans, welke situatie het ook is.',
  footer: (t: number, zone: string, made: string, checksum: string) =>
    `Aantallen onder ${t}, en aantallen die daaruit af te leiden zijn, staan als x. Bezoekers tellen mee in hele ` +
    `groepen van ${t}; het typenveld toont alleen profielen die de tabellen tonen, vanaf ${t} deelnemers. ` +
    `Dit is een spiegel van de groep, geen beoordeling. Tijden in ${zone}. Gemaakt ${made}. Controlegetal ${checksum}.`,
  alt: {
    crowd: (types: string, shape: string) =>
      `Elke deelnemer staat op de plek van zijn of haar mix in de ${shape} van ${types}.`,
    triangle: 'driehoek',
    square: 'vierhoek',
    polygon: 'veelhoek',
    dots: (drawn: number) => `Getekend als stip: ${drawn} deelnemers, in de profielen die de tabellen tonen.`,
    density: (drawn: number, t: number) =>
      `Getekend als dichtheid: ${drawn} deelnemers in de profielen die de tabellen tonen, in vakjes van minstens ${t}.`,
    none: 'Er staat niemand in.',
    perLead: 'Deelnemers per leidend type',
    asks: 'Per type wie we zijn (gemiddelde mix) en wat ons werk vraagt (deel van de deelnemers)',
    perHour: 'Deelnemers per uur',
    total: 'in totaal',
    and: 'en',
  },
  live: {
    title: 'De zaal in de zaal',
    intro: (t: number) =>
      `De vragen die tijdens het praatje aan de zaal zijn voorgelegd: elke telefoon één keer, alleen de eerste keuze. Ze staan los van de antwoorden hierboven en zijn er niet aan gekoppeld. Een aantal onder ${t}, of een dat je zou kunnen uitrekenen, staat er als x.`,
    moment: (n: number, when: string, round: string | null) => `Vraag ${n}, ${when}${round ? `, ${round}` : ''}`,
    letter: 'Antwoord',
    type: 'Type',
    text: 'Tekst',
    count: 'Aantal',
    total: 'Samen',
    asks: (type: string) => `Deze situatie vraagt vooral om ${type}.`,
    leads: 'De zaal koos vooral {{type}}',
    close: 'De zaal was verdeeld tussen {{a}} en {{b}}',
    asksOther: ', terwijl deze situatie om {{asks}} vraagt',
    asksSame: ', en dat is ook wat deze situatie vraagt',
    asksAlone: '; deze situatie vraagt om {{asks}}',
    more: (n: number) => `En nog ${n} vragen aan de zaal: zie de tabellen in de export.`,
  },
};

export type ReportWords = typeof nl;

const en: ReportWords = {
  title: (event: string) => `Day report: ${event}`,
  subject: 'Day report of The Ideal Civil Servant: today’s crowd, without anyone being recognisable',
  noPeriod: (n: number) => `no full group of ${n} answers yet`,
  otherAnswers: (n: number) => `${n} answers to another version not counted`,
  setAside: (n: number) => `${n} answers set aside by the organiser`,
  lossWarning: 'NOTE: lost answers recorded, see page 2',
  attention: 'NOTE: ',
  participants: (n: number | null) => (n === null ? 'Participants: too few to show' : `Participants: ${n}`),
  sections: {
    crowd: 'The crowd in type space',
    leads: 'Where the participants mainly work from (leading type)',
    asks: 'What our work asks and who we are',
    day: 'How the day grew',
    rounds: 'The rounds side by side: the room and the stand',
    profiles: 'Profiles',
  },
  hidden: (t: number) => `hidden (fewer than ${t} or derivable)`,
  balanced: 'Balanced',
  leading: (type: string) => `Leading: ${type}`,
  balancedMark: 'Balanced (no leading type)',
  noDots: (t: number) => `No dots: fewer than ${t} participants counted.`,
  allHidden: 'No dots: the tables hide every profile.',
  drawn: (drawn: number, n: number | null) =>
    n === null || drawn === n
      ? `Drawn: ${drawn} participants.`
      : `Drawn: ${drawn} of ${n} participants, those in profiles the tables show.`,
  dotsNote:
    'Each dot is one participant, at the place of their mix: the closer to a corner, the stronger that type. ' +
    'The colour mixes the types’ colours as the mix does; the shape says which type leads. ' +
    'Each dot is shifted a little, so no dot shows anyone’s exact answers.',
  densityNote: (t: number) =>
    `So many participants that dots would cover each other: each cell is as dark as it is full and mixes the ` +
    `colours as the mix of the people in it does. A cell with fewer than ${t} participants stays empty.`,
  densityLevel: (from: number, to: number | null) => (to === null ? `${from} or more` : `${from} to ${to}`),
  who: 'who we are',
  asks: 'work asks',
  asksNote:
    'Upper bar (the type’s colour and pattern): the participants’ mean mix, who we are. ' +
    'Lower bar (dark, hatched): how many participants say their own situation mostly asks for this type.',
  noAnswers: 'No answers yet.',
  inAll: (n: number) => `${n} in all`,
  dayNote: 'Bars: participants per hour (start of the hour). Dashed line with squares: the total up to that hour.',
  roundsNote: 'Per group: how many participants with each leading type, and how many together.',
  group: 'Group',
  together: 'Together',
  stand: 'At the stand (outside a round)',
  round: (name: string) => `Round: ${name}`,
  moreRounds: (n: number) => `and ${n} more ${n === 1 ? 'round' : 'rounds'}: see the XLSX`,
  mixPerRound: 'Mean mix per round',
  profileKinds: { leading: 'One leading type', 'two-sided': 'Two sides', balanced: 'Balanced' },
  count: 'count',
  profilesNote:
    'Two sides: two types about equally strong, the third clearly less. ' +
    'Chameleon: a balanced mix that moves with what the situation asks. ' +
    'All-rounder: a balanced mix, whatever the situation.',
  footer: (t: number, zone: string, made: string, checksum: string) =>
    `Counts below ${t}, and counts that follow from them, are shown as x. Visitors count in whole groups of ${t}; ` +
    `the type space shows only profiles the tables show, from ${t} participants. ` +
    `This is a mirror of the group, not an assessment. Times in ${zone}. Made ${made}. Checksum ${checksum}.`,
  alt: {
    crowd: (types: string, shape: string) =>
      `Each participant stands at the place of their mix in the ${shape} of ${types}.`,
    triangle: 'triangle',
    square: 'square',
    polygon: 'polygon',
    dots: (drawn: number) => `Drawn as dots: ${drawn} participants, in the profiles the tables show.`,
    density: (drawn: number, t: number) =>
      `Drawn as density: ${drawn} participants in the profiles the tables show, in cells of at least ${t}.`,
    none: 'Nobody is drawn in it.',
    perLead: 'Participants per leading type',
    asks: 'Per type who we are (mean mix) and what our work asks (share of participants)',
    perHour: 'Participants per hour',
    total: 'in all',
    and: 'and',
  },
  live: {
    title: 'The room in the room',
    intro: (t: number) =>
      `The questions put to the room during the talk: each phone once, first choice only. They stand apart from the answers above and are linked to none of them. A count below ${t}, or one that could be worked out, is shown as x.`,
    moment: (n: number, when: string, round: string | null) => `Question ${n}, ${when}${round ? `, ${round}` : ''}`,
    letter: 'Answer',
    type: 'Type',
    text: 'Text',
    count: 'Count',
    total: 'Together',
    asks: (type: string) => `This situation asks most for ${type}.`,
    leads: 'The room mostly chose {{type}}',
    close: 'The room was split between {{a}} and {{b}}',
    asksOther: ', while this situation asks for {{asks}}',
    asksSame: ', which is what this situation asks for',
    asksAlone: '; this situation asks for {{asks}}',
    more: (n: number) => `And ${n} more questions to the room: see the tables in the export.`,
  },
};

/** Every text of the day report, in Dutch and in English. */
export const REPORT_WORDS: Record<Language, ReportWords> = { nl, en };

/** A percentage with one decimal, with the language's decimal mark: "35,2%" or "35.2%". */
export function percent(value: number, lang: Language): string {
  const text = value.toFixed(1);
  return `${lang === 'nl' ? text.replace('.', ',') : text}%`;
}
