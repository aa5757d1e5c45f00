import { useEffect, useState, type FormEvent } from 'react';
import { MAX_INSTRUMENT_BYTES } from '../../../core/instrumentProblems';
import type { LibraryEntry } from '../../../core/library';
import { useLang } from '../../common/useLang';
import { useConsole } from '../store';
import { problemPlace, problemText } from './problemWords';
import { useLibrary } from './store';

const ID_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
/** A file larger than this is refused before it is read as JSON at all. */
const MAX_FILE_BYTES = 4 * MAX_INSTRUMENT_BYTES;

/** The copy form: a new instrument's name on the kiosk and its short name. */
function CopyForm({ from, onDone }: { from: LibraryEntry; onDone: () => void }) {
  const { t, lang } = useLang();
  const act = useConsole((s) => s.act);
  const [nl, setNl] = useState(`${from.title.nl} (kopie)`);
  const [en, setEn] = useState(from.title.en ? `${from.title.en} (copy)` : '');
  const [id, setId] = useState('');
  const idOk = ID_PATTERN.test(id);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!idOk || !nl.trim()) return;
    act({ kind: 'draftCopy', from: from.id, id, title: { nl: nl.trim(), en: en.trim() } });
    onDone();
  };
  return (
    <form className="copy-form" onSubmit={submit} aria-label={t('editor.copyTitle', { title: from.title[lang] })}>
      <h3>{t('editor.copyTitle', { title: from.title[lang] })}</h3>
      <label>
        {t('editor.newTitleNl')}
        <input value={nl} onChange={(e) => setNl(e.target.value)} required maxLength={80} />
      </label>
      <label>
        {t('editor.newTitleEn')}
        <input value={en} onChange={(e) => setEn(e.target.value)} maxLength={80} />
      </label>
      <label>
        {t('editor.newId')}
        <input
          value={id}
          onChange={(e) => setId(e.target.value)}
          aria-invalid={(id !== '' && !idOk) || undefined}
          aria-describedby="copy-id-hint"
          maxLength={40}
        />
      </label>
      {id !== '' && !idOk && <p id="copy-id-hint">{t('editor.newIdBad')}</p>}
      <div className="row">
        <button type="submit" disabled={!idOk || !nl.trim()}>
          {t('editor.makeCopy')}
        </button>
        <button type="button" onClick={onDone}>
          {t('editor.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Reads an instrument file the organiser picked and hands it to the hub, which checks it in full. */
async function importFile(file: File, say: (text: string) => void): Promise<void> {
  if (file.size > MAX_FILE_BYTES) {
    say(`tooLarge:${Math.round(file.size / 1000)}`);
    return;
  }
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch (error) {
    say(`notJson:${(error as Error).message}`);
    return;
  }
  const size = new TextEncoder().encode(JSON.stringify(data)).length;
  if (size > MAX_INSTRUMENT_BYTES) say(`tooLarge:${Math.round(size / 1000)}`);
  else useConsole.getState().act({ kind: 'instrumentImport', file: data });
}

/** The console's list of instruments: run one, copy one, adapt your own, retire, import and export files. */
export function LibraryPanel() {
  const { t, lang } = useLang();
  const act = useConsole((s) => s.act);
  const running = useConsole((s) => s.status?.instrument ?? '');
  const { entries, unreadable, refusal } = useLibrary();
  const [copying, setCopying] = useState<string | null>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);
  useEffect(() => act({ kind: 'library' }), [act]);
  const [noteKind, noteValue] = fileNote?.split(/:(.*)/s) ?? [];
  return (
    <section className="panel" aria-labelledby="library-title">
      <h2 id="library-title">{t('editor.panelTitle')}</h2>
      <p>{t('editor.panelIntro')}</p>
      <ul className="library">
        {entries.map((entry) => {
          const newest = entry.versions.at(-1);
          const isRunning = running.startsWith(`${entry.id}@`);
          return (
            <li key={entry.id} data-testid={`library-${entry.id}`}>
              <div>
                <p className="library-title">
                  <strong>{entry.title[lang] || entry.title.nl}</strong> <code>{entry.id}</code>{' '}
                  <span className="badge">{entry.shipped ? t('editor.shipped') : t('editor.own')}</span>{' '}
                  {isRunning && <span className="badge on">{t('editor.running')}</span>}{' '}
                  {entry.retired && <span className="badge">{t('editor.retired')}</span>}
                </p>
                <span>
                  {entry.versions.length > 0
                    ? t('editor.versions', { list: entry.versions.join(', ') })
                    : t('editor.noVersion')}
                  {entry.draft?.unpublished && ` · ${t('editor.draftChanged')}`}
                  {entry.draft &&
                    entry.draft.problems > 0 &&
                    ` · ${t('editor.draftProblems', { count: entry.draft.problems })}`}
                </span>
              </div>
              <div className="row">
                <button onClick={() => setCopying(entry.id)}>{t('editor.copy')}</button>
                {!entry.shipped && (
                  <button onClick={() => act({ kind: 'draftOpen', id: entry.id })}>{t('editor.edit')}</button>
                )}
                {newest && (
                  <button onClick={() => act({ kind: 'instrumentFile', ref: `${entry.id}@${newest}` })}>
                    {t('editor.exportFile')}
                  </button>
                )}
                {!entry.shipped && newest && (
                  <button onClick={() => act({ kind: 'instrumentRetire', id: entry.id, retired: !entry.retired })}>
                    {entry.retired ? t('editor.unretire') : t('editor.retire')}
                  </button>
                )}
              </div>
              {copying === entry.id && <CopyForm from={entry} onDone={() => setCopying(null)} />}
            </li>
          );
        })}
      </ul>
      <label className="file-pick">
        {t('editor.importFile')}
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            setFileNote(null);
            if (file) void importFile(file, setFileNote);
            e.target.value = '';
          }}
        />
      </label>
      {noteKind && (
        <p role="alert">
          {noteKind === 'tooLarge'
            ? t('editor.importTooLarge', { kb: noteValue, max: MAX_INSTRUMENT_BYTES / 1000 })
            : t('editor.importNotJson', { reason: noteValue })}
        </p>
      )}
      {refusal && refusal.problems.length > 0 && (
        <ul className="problems" role="alert" data-testid="library-problems">
          {refusal.problems.map((p) => (
            <li key={`${p.path}-${p.rule}`}>
              {p.path && <strong>{problemPlace(p.path, null, t, lang)}: </strong>}
              {problemText(p, t)}
            </li>
          ))}
        </ul>
      )}
      {unreadable.length > 0 && (
        <div role="status">
          <p>{t('editor.unreadable')}</p>
          <ul>
            {unreadable.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
