import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { emptyAggregate } from '../../core/aggregate';
import { LANGUAGES, standInstrument, type Instrument, type Language } from '../../core/instrument';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { initI18n } from '../common/i18n';
import '../common/base.css';
import '../kiosk/kiosk.css';
import './preview.css';
import { Attract } from '../kiosk/screens/Attract';
import { Result } from '../kiosk/screens/Result';
import { useKiosk } from '../kiosk/store';
import { VisitShell } from '../kiosk/VisitShell';

/**
 * The console's preview of a draft instrument (docs/adr/0009): the kiosk's own screens in a frame of the console,
 * fed the draft by the console with `postMessage`. It has no socket (its policy allows none) and hands nothing in:
 * what a tester taps here is kept nowhere.
 */
interface PreviewMessage {
  type: 'preview';
  instrument: Instrument;
  lang: Language;
}

const isPreview = (data: unknown): data is PreviewMessage =>
  typeof data === 'object' &&
  data !== null &&
  (data as PreviewMessage).type === 'preview' &&
  typeof (data as PreviewMessage).instrument === 'object' &&
  (LANGUAGES as readonly string[]).includes((data as PreviewMessage).lang);

initI18n('nl');
useKiosk.setState({ onFinish: null, connection: 'open' });
window.addEventListener('message', (event) => {
  // Only the console that framed this page (same hub, the parent window) may hand it a draft.
  if (event.origin !== location.origin || event.source !== window.parent || !isPreview(event.data)) return;
  const { instrument, lang } = event.data;
  useKiosk.getState().setHubState(standInstrument(instrument), emptyAggregate(instrument.types.length), {
    ...DEFAULT_SETTINGS,
    defaultLang: lang,
  });
  // A new draft or language starts the visit again on the new text.
  useKiosk.setState({ next: null, instrument: standInstrument(instrument) });
  useKiosk.getState().reset();
});
window.parent.postMessage({ type: 'preview-ready' }, location.origin);

function Preview() {
  return <VisitShell className="kiosk preview" notice="preview.notice" attract={<Attract />} result={<Result />} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Preview />
  </StrictMode>,
);
