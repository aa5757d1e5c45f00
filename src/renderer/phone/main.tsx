import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../common/i18n';
import '../common/base.css';
import '../kiosk/kiosk.css';
import './phone.css';
import { useKiosk } from '../kiosk/store';
import { App } from './App';
import { startPhone } from './delivery';
import { phoneLanguage } from './language';

const lang = phoneLanguage(new URLSearchParams(location.search).get('lang'), navigator.languages);
initI18n(lang);
// Straight to the intro: a phone has no attract screen, and the visitor's language wins over the stand's.
useKiosk.setState({ screen: 'intro', lang });
startPhone();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
