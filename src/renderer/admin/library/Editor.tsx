import { useEffect, useMemo, useState } from 'react';
import { localize } from '../../../core/instrument';
import { instrumentFile, instrumentProblems } from '../../../core/instrumentProblems';
import { useLang } from '../../common/useLang';
import { useConsole } from '../store';
import { Bilingual, ProblemsContext } from './Bilingual';
import { CheckPanel } from './CheckPanel';
import { MoreTexts } from './MoreTexts';
import { PreviewFrame } from './PreviewFrame';
import { problemPlace, problemText } from './problemWords';
import { saveFile, useLibrary, type Editing } from './store';
import { Situations } from './Situations';

/** Downloads the saved draft's pilot sheet or key with the session token. */
async function downloadPilot(id: string, part: 'sheet' | 'key', lang: string, token: string): Promise<void> {
  const res = await fetch(`/export/pilot?instrument=${encodeURIComponent(id)}&part=${part}&lang=${lang}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(((await res.json()) as { error: string }).error);
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? `${id}-${part}.pdf`;
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The instrument editor: every text in Dutch and English, the situations, the check, the preview and the pilot. */
export function Editor({ editing }: { editing: Editing }) {
  const { t, lang } = useLang();
  const act = useConsole((s) => s.act);
  const token = useConsole((s) => s.token);
  const { draft, id } = editing;
  const [pilotError, setPilotError] = useState<string | null>(null);
  const problems = useMemo(() => instrumentProblems({ ...draft, version: '1.0.0' }), [draft]);
  const unsaved = JSON.stringify(draft) !== editing.saved;
  const title = localize(draft.title, lang) || id;

  useEffect(() => {
    // Leaving the page with unsaved changes asks first, as the back button does.
    const warn = (event: BeforeUnloadEvent): void => {
      if (unsaved) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const back = (): void => {
    if (!unsaved || window.confirm(t('editor.leaveConfirm'))) useLibrary.getState().close();
  };
  const pilot = (part: 'sheet' | 'key'): void => {
    if (!token) return;
    setPilotError(null);
    void downloadPilot(id, part, lang, token).catch((e: Error) => setPilotError(e.message));
  };

  return (
    <ProblemsContext.Provider value={problems}>
      <div className="editor">
        <header className="editor-head">
          <button onClick={back}>← {t('editor.back')}</button>
          <h2>{t('editor.title', { title })}</h2>
          <p role="status" className={unsaved ? 'warn' : 'ok'} data-testid="editor-saved">
            {unsaved ? t('editor.unsaved') : t('editor.allSaved')}
          </p>
          <div className="row">
            <button onClick={() => act({ kind: 'draftSave', instrument: draft })} disabled={!unsaved}>
              {t('editor.save')}
            </button>
            <button
              className="primary"
              onClick={() => act({ kind: 'draftPublish', id })}
              disabled={unsaved}
              aria-describedby={unsaved ? 'publish-hint' : undefined}
            >
              {t('editor.publish')}
            </button>
            {unsaved && <span id="publish-hint">{t('editor.publishNeedsSave')}</span>}
          </div>
        </header>
        {editing.refused && editing.hubProblems.length > 0 && (
          <ul className="problems" role="alert">
            {editing.hubProblems.map((p) => (
              <li key={`${p.path}-${p.rule}`}>
                <strong>{problemPlace(p.path, draft, t, lang)}</strong>: {problemText(p, t)}
              </li>
            ))}
          </ul>
        )}
        <div className="editor-grid">
          <div className="editor-main">
            <section className="panel" aria-labelledby="ed-general">
              <h2 id="ed-general">{t('editor.general')}</h2>
              <Bilingual path={['title']} label={t('editor.titleField')} value={draft.title} />
              <label className="check-row">
                <input
                  type="checkbox"
                  checked={draft.languages.includes('en')}
                  onChange={(e) => useLibrary.getState().setEnglish(e.target.checked)}
                />
                {t('editor.english')}
              </label>
              {!draft.languages.includes('en') && <p>{t('editor.englishOff')}</p>}
            </section>
            <Situations draft={draft} />
            <MoreTexts draft={draft} />
            <PreviewFrame draft={draft} />
            <section className="panel" aria-labelledby="ed-pilot">
              <h2 id="ed-pilot">{t('editor.pilot')}</h2>
              <p>{t('editor.pilotIntro')}</p>
              <div className="row">
                <button onClick={() => pilot('sheet')} disabled={unsaved}>
                  {t('editor.pilotSheet')}
                </button>
                <button onClick={() => pilot('key')} disabled={unsaved}>
                  {t('editor.pilotKey')}
                </button>
                <button onClick={() => saveFile(`${id}-concept.json`, instrumentFile(draft))}>
                  {t('editor.exportDraft')}
                </button>
                <button
                  className="danger"
                  onClick={() => {
                    if (window.confirm(t('editor.dropConfirm'))) {
                      act({ kind: 'draftDrop', id });
                      useLibrary.getState().close();
                    }
                  }}
                >
                  {t('editor.drop')}
                </button>
              </div>
              {unsaved && <p>{t('editor.publishNeedsSave')}</p>}
              {pilotError && <p role="alert">{pilotError}</p>}
            </section>
          </div>
          <CheckPanel draft={draft} compare={editing.compare} />
        </div>
      </div>
    </ProblemsContext.Provider>
  );
}
