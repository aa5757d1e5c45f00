import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isTimeZone, timeZoneNames } from '../../../core/eventTime';
import type { Settings } from '../../../core/settings';
import { forbiddenCharacter } from '../../../core/text';
import { useConsole } from '../store';
import { StartAtLoginSetting } from './StartAtLoginSetting';
import { TextRuleError } from './TextRuleError';

const NUMBERS = ['idleSeconds', 'countdownSeconds', 'resultSeconds', 'suppressBelow'] as const;

/** Event name, the event's time zone, kiosk language and timeouts, the export threshold, which instrument runs, start with the computer. */
export function SettingsPanel({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const act = useConsole((s) => s.act);
  const status = useConsole((s) => s.status);
  const [draft, setDraft] = useState(settings);
  const [instrument, setInstrument] = useState(status?.instrument.split('@')[0] ?? '');
  const save = (event: FormEvent): void => {
    event.preventDefault();
    act({ kind: 'settings', settings: draft });
  };
  return (
    <section className="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('console.settings')}</h2>
      <form className="grid" onSubmit={save}>
        <label>
          {t('console.eventName')}
          <input
            value={draft.eventName}
            onChange={(e) => setDraft({ ...draft, eventName: e.target.value })}
            required
            maxLength={80}
            aria-invalid={forbiddenCharacter(draft.eventName) !== null}
          />
          <TextRuleError field="eventName" text={draft.eventName} />
        </label>
        <label>
          {t('console.defaultLang')}
          <select
            value={draft.defaultLang}
            onChange={(e) => setDraft({ ...draft, defaultLang: e.target.value === 'en' ? 'en' : 'nl' })}
          >
            <option value="nl">Nederlands</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          {t('console.timeZone')}
          <input
            value={draft.timeZone}
            list="time-zones"
            onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })}
            aria-invalid={!isTimeZone(draft.timeZone)}
            required
          />
          <datalist id="time-zones">
            {timeZoneNames().map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          {!isTimeZone(draft.timeZone) && (
            <span className="field-error" role="alert">
              {t('console.timeZoneUnknown')}
            </span>
          )}
        </label>
        {NUMBERS.map((key) => (
          <label key={key}>
            {t(`console.${key}`)}
            <input
              type="number"
              value={draft[key]}
              min={key === 'suppressBelow' ? 2 : 5}
              max={600}
              onChange={(e) => setDraft({ ...draft, [key]: Number(e.target.value) })}
            />
          </label>
        ))}
        <button type="submit" disabled={!isTimeZone(draft.timeZone) || forbiddenCharacter(draft.eventName) !== null}>
          {t('console.save')}
        </button>
      </form>
      {status && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            act({ kind: 'instrument', id: instrument });
          }}
        >
          <label>
            {t('console.chooseInstrument')}
            <select value={instrument} onChange={(e) => setInstrument(e.target.value)}>
              {status.instruments.map((i) => (
                <option key={`${i.id}@${i.version}`} value={i.id}>
                  {i.title} ({i.id}@{i.version})
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t('console.useInstrument')}</button>
        </form>
      )}
      <StartAtLoginSetting />
    </section>
  );
}
