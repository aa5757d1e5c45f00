import { useTranslation } from 'react-i18next';
import { useConsole } from '../store';

/**
 * "Start with the computer": the app switches it in the operating system. The hub alone cannot, so there the
 * switch is shown off and disabled, with the reason beside it.
 */
export function StartAtLoginSetting() {
  const { t } = useTranslation();
  const setting = useConsole((s) => s.status?.startAtLogin);
  const act = useConsole((s) => s.act);
  if (!setting) return null;
  return (
    <div className="start-at-login">
      <label>
        <input
          type="checkbox"
          checked={setting.enabled}
          disabled={!setting.available}
          aria-describedby="start-at-login-help"
          onChange={(e) => act({ kind: 'startAtLogin', enabled: e.target.checked })}
        />
        {t('console.startAtLogin')}
      </label>
      <p id="start-at-login-help">
        {setting.available ? t('console.startAtLoginHelp') : t('console.startAtLoginNeedsApp')}
      </p>
    </div>
  );
}
