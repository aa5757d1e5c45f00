import { clockTime } from '../../../core/eventTime';
import type { HubStatus } from '../../../core/messages';
import { useNow } from '../../common/useNow';
import { useLang } from '../../common/useLang';

/** A device gone longer than this folds into one line: after an hour the list would be mostly "gone". */
export const FOLD_AFTER_MS = 10 * 60_000;

/** The devices that connected: present and recently gone ones in rows, long-gone ones folded into one line. */
export function Devices({ devices, timeZone }: { devices: HubStatus['devices']; timeZone: string }) {
  const { t } = useLang();
  const now = useNow(15_000);
  const longGone = devices.filter((d) => !d.connected && now - d.lastSeen > FOLD_AFTER_MS);
  const rows = devices.filter((d) => !longGone.includes(d));
  const since = longGone.length ? Math.max(...longGone.map((d) => d.lastSeen)) : 0;
  return (
    <table data-testid="devices">
      <caption>{t('console.devices')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('console.device')}</th>
          <th scope="col">{t('console.role')}</th>
          <th scope="col">{t('console.via')}</th>
          <th scope="col">{t('console.lastSeen')}</th>
          <th scope="col">{t('console.pending')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d, i) => (
          <tr key={`${i}-${d.via}-${d.device}`}>
            <td>
              {d.device.slice(0, 8)} ({d.connected ? t('console.online') : t('console.gone')})
            </td>
            <td>{d.role}</td>
            <td>{d.via === 'lan' ? t('console.viaLan') : t('console.viaLocal')}</td>
            <td>{clockTime(d.lastSeen, timeZone)}</td>
            <td>
              {d.pending ?? t('console.unknown')}
              {(d.refused ?? 0) > 0 && <> · {t('console.refusedKept', { count: d.refused ?? 0 })}</>}
            </td>
          </tr>
        ))}
        {longGone.length > 0 && (
          <tr data-testid="devices-gone">
            <td colSpan={5}>
              {t('console.devicesGone', { count: longGone.length, time: clockTime(since, timeZone) })}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
