import { useEffect, useRef, useState } from 'react';
import type { Instrument, Language } from '../../../core/instrument';
import { useLang } from '../../common/useLang';

/**
 * The kiosk's own screens on the draft, in a frame of the console (the `/preview` page: no socket, nothing stored).
 * The draft goes in by `postMessage` to this hub's own origin only; a change of draft or language starts again.
 */
export function PreviewFrame({ draft }: { draft: Instrument }) {
  const { t } = useLang();
  const frame = useRef<HTMLIFrameElement>(null);
  const [ready, setReady] = useState(false);
  const [lang, setLang] = useState<Language>('nl');

  useEffect(() => {
    const onMessage = (event: MessageEvent): void => {
      if (event.origin === location.origin && event.source === frame.current?.contentWindow)
        if ((event.data as { type?: string })?.type === 'preview-ready') setReady(true);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  useEffect(() => {
    if (ready) frame.current?.contentWindow?.postMessage({ type: 'preview', instrument: draft, lang }, location.origin);
  }, [ready, draft, lang]);

  return (
    <section className="panel preview-panel" aria-labelledby="ed-preview">
      <h2 id="ed-preview">{t('editor.preview')}</h2>
      <div className="row" role="group" aria-label={t('editor.previewLang')}>
        {(['nl', 'en'] as const).map((l) => (
          <button key={l} aria-pressed={lang === l} onClick={() => setLang(l)} disabled={!draft.languages.includes(l)}>
            {t(`editor.${l}`)}
          </button>
        ))}
      </div>
      <iframe ref={frame} src="/preview/" title={t('editor.previewTitle')} className="preview-frame" />
    </section>
  );
}
