import { useEffect, useState, type FormEvent } from 'react';
import { DEFAULT_TIME_ZONE } from '../../../core/eventTime';
import { forbiddenCharacter } from '../../../core/text';
import { useLang } from '../../common/useLang';
import { useConsole } from '../store';
import { actWorkshop, useWorkshops } from '../workshopConsole';
import { WorkshopCard } from './WorkshopCard';
import { todayIn } from './workshopDate';
import './workshopPanel.css';

/** How often the panel asks for the workshops' counts while it shows. */
const LIST_EVERY_MS = 3000;

/** The form to start a workshop: the group's name, the instrument, the date and the two choices. */
function NewWorkshop() {
  const { t } = useLang();
  const status = useConsole((s) => s.status);
  const timeZone = useConsole((s) => s.settings?.timeZone ?? DEFAULT_TIME_ZONE);
  const [name, setName] = useState('');
  const [instrument, setInstrument] = useState('');
  const [date, setDate] = useState(() => todayIn(timeZone));
  const [nicknames, setNicknames] = useState(true);
  const [countInCrowd, setCountInCrowd] = useState(false);
  if (!status) return null;
  const chosen = instrument || status.instrument;
  const bad = forbiddenCharacter(name);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (bad || !name.trim()) return;
    actWorkshop({ kind: 'create', setup: { name: name.trim(), instrument: chosen, date, nicknames, countInCrowd } });
    setName('');
  };
  return (
    <form onSubmit={submit} className="workshop-new" data-testid="workshop-new">
      <h3>{t('console.workshopNew')}</h3>
      <div className="grid">
        <label>
          {t('console.workshopName')}
          <input
            value={name}
            maxLength={80}
            required
            aria-invalid={bad !== null}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label>
          {t('console.workshopInstrument')}
          <select value={chosen} onChange={(e) => setInstrument(e.target.value)}>
            {status.instruments.map((i) => (
              <option key={`${i.id}@${i.version}`} value={`${i.id}@${i.version}`}>
                {i.title} ({i.version})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.workshopDate')}
          <input type="date" value={date} required onChange={(e) => setDate(e.target.value)} />
        </label>
      </div>
      {bad && (
        <p role="alert" className="warn">
          {t('console.textRefused.workshopName', { position: bad.position, character: bad.character })}
        </p>
      )}
      <label className="check-row">
        <input type="checkbox" checked={nicknames} onChange={(e) => setNicknames(e.target.checked)} />
        {t('console.workshopNicknames')}
      </label>
      <label className="check-row">
        <input
          type="checkbox"
          checked={countInCrowd}
          aria-describedby="workshop-crowd-help"
          onChange={(e) => setCountInCrowd(e.target.checked)}
        />
        {t('console.workshopCountInCrowd')}
      </label>
      <p id="workshop-crowd-help" className="workshop-help">
        {t('console.workshopCountInCrowdHelp')}
      </p>
      <button type="submit">{t('console.workshopCreate')}</button>
    </form>
  );
}

/**
 * Workshop mode in the console (docs/adr/0011-workshop-mode.md): start a workshop, then per workshop its code and QR
 * code, its counts, the phase on the shared screen, the screen itself, closing, the report and deleting it for good.
 */
export function WorkshopPanel() {
  const { t } = useLang();
  const token = useConsole((s) => s.token);
  const list = useWorkshops((s) => s.list);
  useEffect(() => {
    if (!token) return;
    actWorkshop({ kind: 'list' });
    const timer = setInterval(() => actWorkshop({ kind: 'list' }), LIST_EVERY_MS);
    return () => clearInterval(timer);
  }, [token]);
  if (!token) return null;
  return (
    <section className="panel" aria-labelledby="workshop-title" data-testid="workshop-panel">
      <h2 id="workshop-title">{t('console.workshops')}</h2>
      <p>{t('console.workshopsHelp')}</p>
      <NewWorkshop />
      {list && list.length === 0 && <p>{t('console.workshopNone')}</p>}
      {list?.map((w) => (
        <WorkshopCard key={w.id} workshop={w} />
      ))}
    </section>
  );
}
