import { useState } from 'react';
import { DEFAULT_TIME_ZONE } from '../../../core/eventTime';
import { EXPORT_FORMATS, type ExportFormat } from '../../../core/export/document';
import type { Language } from '../../../core/instrument';
import { useLang } from '../../common/useLang';
import { useConsole } from '../store';
import { LossNotice } from './LossNotice';

const FORMAT_LABELS: Record<ExportFormat, string> = {
  csv: 'CSV (,)',
  'csv-semicolon': 'CSV (;) Excel NL',
  xlsx: 'Excel (XLSX)',
  json: 'JSON',
  pdf: 'PDF',
};

/**
 * Downloads an export with the session token; in Electron the download asks where to save it (a USB stick). The day
 * report (PDF) comes in the console's language.
 */
async function download(format: ExportFormat, token: string, lang: Language): Promise<void> {
  const res = await fetch(`/export?format=${format}&lang=${lang}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(((await res.json()) as { error: string }).error);
  const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? `export.${format}`;
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DataPanels() {
  const { t, lang } = useLang();
  const token = useConsole((s) => s.token);
  const status = useConsole((s) => s.status);
  const timeZone = useConsole((s) => s.settings?.timeZone ?? DEFAULT_TIME_ZONE);
  const act = useConsole((s) => s.act);
  const [count, setCount] = useState(500);
  const [word, setWord] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!token) return null;
  return (
    <>
      <section className="panel" aria-labelledby="export-title">
        <h2 id="export-title">{t('console.export')}</h2>
        <p>{t('console.exportHelp')}</p>
        {status && <LossNotice database={status.database} timeZone={timeZone} inExport />}
        <div className="row">
          {EXPORT_FORMATS.map((format) => (
            <button
              key={format}
              onClick={() => void download(format, token, lang).catch((e: Error) => setError(e.message))}
            >
              {FORMAT_LABELS[format]}
            </button>
          ))}
        </div>
        {error && <p role="alert">{error}</p>}
      </section>
      <section className="panel" aria-labelledby="rehearsal-title">
        <h2 id="rehearsal-title">{t('console.rehearsal')}</h2>
        <p>{t('console.rehearsalHelp')}</p>
        <div className="row">
          <label>
            #
            <input type="number" min={1} max={5000} value={count} onChange={(e) => setCount(Number(e.target.value))} />
          </label>
          <button onClick={() => act({ kind: 'rehearse', count })}>{t('console.rehearse', { count })}</button>
          <button onClick={() => act({ kind: 'clearRehearsal' })} disabled={!status?.rehearsal}>
            {t('console.clearRehearsal')}
          </button>
        </div>
      </section>
      <section className="panel danger" aria-labelledby="newday-title">
        <h2 id="newday-title">{t('console.newDay')}</h2>
        <button onClick={() => window.confirm(t('console.archiveConfirm')) && act({ kind: 'archiveAndReset' })}>
          {t('console.archiveAndReset')}
        </button>
        {status && status.archives.length > 0 && (
          <p>
            {t('console.archives')}: {status.archives.join(', ')}
          </p>
        )}
        <p>{t('console.wipeHelp')}</p>
        <div className="row">
          <label>
            {t('console.wipeWord')}
            <input value={word} onChange={(e) => setWord(e.target.value)} autoComplete="off" />
          </label>
          <button
            disabled={word !== 'WIS'}
            onClick={() => {
              act({ kind: 'wipe', confirm: 'WIS' });
              setWord('');
            }}
          >
            {t('console.wipe')}
          </button>
        </div>
      </section>
    </>
  );
}
