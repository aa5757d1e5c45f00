/**
 * The words of a workshop participant's page (src/renderer/workshop; Dutch first, B1, informal "je"; English
 * complete), merged into every page's translations by i18n.ts under `workshopParticipant.*`. `intro.privacy` replaces
 * the kiosk's line on that page only (a workshop's answers stay in the workshop).
 */
export const workshopParticipantNl = {
  workshopParticipant: {
    title: 'De ideale ambtenaar: workshop',
    phase: 'Stap {{number}} van 4: {{name}}',
    phases: {
      stand: 'Waar we staan',
      asks: 'Wat ons werk vraagt',
      help: 'Wie kan wie helpen',
      try: 'Wat ik ga proberen',
    },
    toTask: 'Naar je opdracht',
    finishFirst: 'Maak eerst je antwoorden af. Daarna zie je de opdracht van deze stap.',
    introPrivacy:
      'We vragen geen naam. Je antwoorden blijven in deze workshop; de groep ziet alleen het totaal, tenzij je zelf je schermnaam laat zien.',
    offline: 'Geen verbinding met de workshop. Wat je invult blijft op dit apparaat; we blijven het proberen.',
    gone: 'Deze workshop is verwijderd. Alles wat je gaf is weg bij de workshop. Je kunt dit venster sluiten.',
    closed: 'De sessie is gesloten. Je kunt niets nieuws meer insturen. Je antwoorden weghalen kan nog wel.',
    delivery: {
      saving: 'Je antwoorden gaan naar de workshop…',
      saved: 'Je antwoorden zijn binnen bij de workshop. Je uitslag blijft op dit apparaat staan.',
      pending: 'Nog geen verbinding: je antwoorden staan op dit apparaat en gaan mee zodra het lukt.',
      refused: 'De workshop nam je antwoorden niet aan: {{reason}} Je uitslag staat alleen hier.',
    },
    refusals: {
      'workshop-closed': 'de sessie is gesloten.',
      'no-nicknames': 'in deze workshop kun je geen schermnaam laten zien.',
      'workshop-gone': 'deze workshop is er niet meer.',
      'unknown-type': 'die kant kent dit instrument niet.',
      other: 'er ging iets mis. Probeer het nog eens.',
    },
    refused: 'Niet bewaard: {{reason}}',
    notConnected: 'Geen verbinding. Probeer het zo nog eens.',
    saved: 'Bewaard.',
    counter: '{{count}} van {{max}} tekens',
    textRefused:
      'Je tekst heeft op plaats {{position}} een teken dat niet mag ({{character}}): een onzichtbaar teken, een regeleinde of een teken dat de leesrichting omdraait. Gebruik zichtbare tekst op één regel.',
    tasks: 'Jouw bijdrage',
    nickname: {
      title: 'Je schermnaam',
      optIn: 'Laat mijn schermnaam zien',
      help: 'Als je dit aanzet, ziet de groep jouw mix onder deze naam op het gedeelde scherm. Je kunt hem altijd weer weghalen.',
      label: 'Schermnaam (hoogstens {{max}} tekens)',
      show: 'Laat mijn schermnaam zien',
      shown: 'De groep ziet jouw mix op het scherm onder de naam “{{nickname}}”.',
      withdraw: 'Haal mijn schermnaam weg',
      none: 'Je staat niet met een naam op het scherm. De groep ziet je mix alleen in het totaal.',
    },
    case: {
      title: 'Een zaak uit je eigen werk',
      label: 'Eén zin over een zaak uit je werk (mag je overslaan)',
      asks: 'Om welke kant vraagt deze zaak vooral?',
      dontKnow: 'Weet ik niet',
      share: 'Deel deze zaak op het scherm (zonder je naam)',
      save: 'Bewaar mijn zaak',
      sharedNote: 'Je zaak staat op het scherm, zonder je naam.',
      keptNote: 'Je zaak blijft binnen de workshop en komt niet op het scherm.',
    },
    commitment: {
      title: 'Wat ik ga proberen',
      label: 'Eén ding dat je gaat proberen',
      share: 'Deel op de muur (zonder je naam)',
      save: 'Bewaar',
      mine: 'Wat ik ga proberen',
      sharedNote: 'Het staat op de muur, zonder je naam.',
    },
    forget: {
      title: 'Je antwoorden weghalen',
      help: 'Dit haalt alles weg wat je in deze workshop gaf: bij de workshop en op dit apparaat.',
      button: 'Haal mijn antwoorden weg',
      confirm:
        'Weet je het zeker? Je antwoorden, je zaak, wat je gaat proberen en je schermnaam gaan weg. Dat kun je niet terugdraaien.',
      yes: 'Ja, haal alles weg',
      no: 'Nee, laat staan',
      sending: 'Bezig met weghalen…',
      done: 'Weggehaald: {{what}}. Er staat niets meer van je in de workshop of op dit apparaat.',
      nothing: 'Er stond niets van je in de workshop. Ook op dit apparaat staat niets meer.',
      what: {
        answer: 'je antwoorden en je uitslag',
        case: 'je zaak',
        commitment: 'wat je gaat proberen',
        nickname: 'je schermnaam',
      },
      and: 'en',
    },
    saveImage: 'Bewaar als plaatje',
    saveHelp:
      'Je uitslag en wat je gaat proberen blijven alleen op dit apparaat staan, ook als je de pagina opnieuw laadt.',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const workshopParticipantEn: Widen<typeof workshopParticipantNl> = {
  workshopParticipant: {
    title: 'The ideal civil servant: workshop',
    phase: 'Step {{number}} of 4: {{name}}',
    phases: {
      stand: 'Where we stand',
      asks: 'What our work asks',
      help: 'Who can help whom',
      try: 'What I will try',
    },
    toTask: 'Go to your task',
    finishFirst: 'Finish your answers first. Then you will see this step’s task.',
    introPrivacy:
      'We do not ask your name. Your answers stay in this workshop; the group sees only the whole, unless you choose to show your screen name.',
    offline: 'No connection to the workshop. What you fill in stays on this device; we keep trying.',
    gone: 'This workshop has been deleted. Everything you gave is gone from the workshop. You can close this window.',
    closed: 'The session is closed. You cannot send anything new. You can still remove your answers.',
    delivery: {
      saving: 'Your answers are on their way to the workshop…',
      saved: 'The workshop has your answers. Your result stays on this device.',
      pending: 'No connection yet: your answers are on this device and go along as soon as it works.',
      refused: 'The workshop did not take your answers: {{reason}} Your result is only here.',
    },
    refusals: {
      'workshop-closed': 'the session is closed.',
      'no-nicknames': 'this workshop does not show screen names.',
      'workshop-gone': 'this workshop no longer exists.',
      'unknown-type': 'this instrument does not know that side.',
      other: 'something went wrong. Please try again.',
    },
    refused: 'Not saved: {{reason}}',
    notConnected: 'No connection. Please try again in a moment.',
    saved: 'Saved.',
    counter: '{{count}} of {{max}} characters',
    textRefused:
      'Your text has a character at position {{position}} that is not allowed ({{character}}): an invisible character, a line break or a character that reverses the reading direction. Use visible text on one line.',
    tasks: 'Your part',
    nickname: {
      title: 'Your screen name',
      optIn: 'Show my screen name',
      help: 'If you turn this on, the group sees your mix under this name on the shared screen. You can always remove it again.',
      label: 'Screen name (at most {{max}} characters)',
      show: 'Show my screen name',
      shown: 'The group sees your mix on the screen under the name “{{nickname}}”.',
      withdraw: 'Remove my screen name',
      none: 'You are not on the screen under a name. The group sees your mix only in the whole.',
    },
    case: {
      title: 'A case from your own work',
      label: 'One sentence about a case from your work (you may skip this)',
      asks: 'Which side does this case mostly ask for?',
      dontKnow: 'I don’t know',
      share: 'Share this case on the screen (without your name)',
      save: 'Save my case',
      sharedNote: 'Your case is on the screen, without your name.',
      keptNote: 'Your case stays inside the workshop and is not shown on the screen.',
    },
    commitment: {
      title: 'What I will try',
      label: 'One thing you will try',
      share: 'Share on the wall (without your name)',
      save: 'Save',
      mine: 'What I will try',
      sharedNote: 'It is on the wall, without your name.',
    },
    forget: {
      title: 'Remove your answers',
      help: 'This removes everything you gave in this workshop: from the workshop and from this device.',
      button: 'Remove my answers',
      confirm:
        'Are you sure? Your answers, your case, what you will try and your screen name will be removed. This cannot be undone.',
      yes: 'Yes, remove everything',
      no: 'No, keep it',
      sending: 'Removing…',
      done: 'Removed: {{what}}. Nothing of yours is left in the workshop or on this device.',
      nothing: 'There was nothing of yours in the workshop. Nothing is left on this device either.',
      what: {
        answer: 'your answers and your result',
        case: 'your case',
        commitment: 'what you will try',
        nickname: 'your screen name',
      },
      and: 'and',
    },
    saveImage: 'Save as image',
    saveHelp: 'Your result and what you will try stay only on this device, also when you reload the page.',
  },
};
