import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../common/i18n';
import { lockDownPage } from '../common/lockDown';
import '../common/base.css';
import './kiosk.css';
import { App } from './App';
import { startDelivery } from './delivery';

initI18n('nl');
lockDownPage(document);
startDelivery();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
