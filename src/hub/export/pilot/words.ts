import type { Language, ScoringKind } from '../../../core/instrument';

/** Every text of the pilot sheet and its key in Dutch (B1, "je"); the English below has the same keys. */
const nl = {
  sheetTitle: (title: string) => `Proefversie: ${title}`,
  keyTitle: (title: string) => `Proefversie: ${title} (sleutel)`,
  sheetSubject: 'Proefversie van de situaties, om blind in te vullen door een paar collega’s',
  keySubject: 'Sleutel bij de proefversie: welk type bij elke letter hoort',
  instruction: {
    'first-and-second':
      'Lees elke situatie. Kies wat jij het eerst zou doen (1) en daarna (2). Er zijn geen goede of foute ' +
      'antwoorden. Schrijf 1 en 2 in de vakjes voor de antwoorden.',
    'first-choice':
      'Lees elke situatie. Kies wat jij zou doen: zet een kruisje in het vakje ervoor. Er zijn geen goede of ' +
      'foute antwoorden.',
  } satisfies Record<ScoringKind, string>,
  name: 'Naam of rol (mag je leeg laten):',
  situation: (n: number, title: string | undefined) => (title ? `${n}. ${title}` : `Situatie ${n}`),
  continued: (heading: string) => `${heading} (vervolg)`,
  remark: 'Wat was onduidelijk? (mag je leeg laten)',
  casus: 'Jouw eigen zaak',
  casusLead: 'Denk aan een zaak waar je nu aan werkt.',
  casusChoose: 'Zet een kruisje bij één antwoord.',
  footer: (ref: string, date: string, page: number, pages: number) => `${ref} · ${date} · pagina ${page} van ${pages}`,
  keyOnly: 'Alleen voor de begeleider. Laat deze sleutel niet zien aan wie de proefversie invult.',
  howTo: 'Zo lees je de proef',
  howToNotes: [
    'Laat twee of drie collega’s de proefversie invullen, zonder deze sleutel. Vraag daarna per situatie waarom ' +
      'ze kozen wat ze kozen.',
    'Valt bij twee of drie collega’s dezelfde letter op als de voor de hand liggende keuze, of kiezen ze een ' +
      'optie om een andere reden dan het type? Herschrijf die optie.',
    'Turf per letter hoe vaak die als 1 of als 2 gekozen is. Kiest niemand een letter, kijk dan of die optie ' +
      'te vreemd of te zwak klinkt.',
  ],
  asks: (type: string) => `Deze situatie vraagt vooral: ${type}`,
  casusAsks: 'Hier kiest iemand wat de eigen zaak vraagt: er is geen goed antwoord.',
  letter: 'Letter',
  type: 'Type',
  option: 'Antwoord',
  tally: { first: 'Als 1', second: 'Als 2', once: 'Gekozen' },
};

export type PilotWords = typeof nl;

const en: PilotWords = {
  sheetTitle: (title) => `Pilot: ${title}`,
  keyTitle: (title) => `Pilot: ${title} (key)`,
  sheetSubject: 'Pilot of the situations, for a few colleagues to answer blind',
  keySubject: 'Key to the pilot: which type goes with each letter',
  instruction: {
    'first-and-second':
      'Read each situation. Choose what you would do first (1) and next (2). There are no right or wrong ' +
      'answers. Write 1 and 2 in the boxes before the answers.',
    'first-choice':
      'Read each situation. Choose what you would do: put a cross in the box before it. There are no right or ' +
      'wrong answers.',
  },
  name: 'Name or role (you may leave this empty):',
  situation: (n, title) => (title ? `${n}. ${title}` : `Situation ${n}`),
  continued: (heading) => `${heading} (continued)`,
  remark: 'What was unclear? (you may leave this empty)',
  casus: 'Your own case',
  casusLead: 'Think of a case you are working on now.',
  casusChoose: 'Put a cross by one answer.',
  footer: (ref, date, page, pages) => `${ref} · ${date} · page ${page} of ${pages}`,
  keyOnly: 'For the facilitator only. Do not show this key to whoever fills in the pilot.',
  howTo: 'How to read the pilot',
  howToNotes: [
    'Let two or three colleagues fill in the pilot, without this key. Then ask them, situation by situation, why ' +
      'they chose what they chose.',
    'Do two or three colleagues see the same letter as the obvious choice, or do they pick an option for a ' +
      'reason other than its type? Rewrite that option.',
    'Tally per letter how often it was chosen as 1 or as 2. If nobody picks a letter, check whether that option ' +
      'sounds too odd or too weak.',
  ],
  asks: (type) => `This situation mainly asks for: ${type}`,
  casusAsks: 'Here people choose what their own case asks: there is no right answer.',
  letter: 'Letter',
  type: 'Type',
  option: 'Answer',
  tally: { first: 'As 1', second: 'As 2', once: 'Chosen' },
};

export const PILOT_WORDS: Record<Language, PilotWords> = { nl, en };
