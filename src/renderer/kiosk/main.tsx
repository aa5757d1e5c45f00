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
const hub = startDelivery();
const login = (pin: string): void => void hub.send({ type: 'login', pin });
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App login={login} />
  </StrictMode>,
);
