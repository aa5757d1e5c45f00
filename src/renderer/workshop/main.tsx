import i18next from 'i18next';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../common/i18n';
import { workshopParticipantEn, workshopParticipantNl } from '../common/locales/workshopParticipant';
import '../common/base.css';
import '../kiosk/kiosk.css';
import '../phone/phone.css';
import './workshop.css';
import { useKiosk } from '../kiosk/store';
import { phoneLanguage } from '../phone/language';
import { App } from './App';
import { startWorkshop } from './connection';

const lang = phoneLanguage(new URLSearchParams(location.search).get('lang'), navigator.languages);
initI18n(lang);
// The kiosk's intro says answers count in today's totals; a workshop's stay in the workshop.
for (const [lng, words] of [
  ['nl', workshopParticipantNl],
  ['en', workshopParticipantEn],
] as const)
  i18next.addResource(lng, 'translation', 'intro.privacy', words.workshopParticipant.introPrivacy);
// Straight to the intro: the page has no attract screen, and the participant's language wins over the stand's.
useKiosk.setState({ screen: 'intro', lang });
startWorkshop();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
