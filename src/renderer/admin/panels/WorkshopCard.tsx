import { useState } from 'react';
import { formatJoinCode } from '../../../core/lan';
import { WORKSHOP_PHASES, type WorkshopSummary } from '../../../core/workshop';
import { useLang } from '../../common/useLang';
import { useQrCode } from '../../common/useQrCode';
import { useConsole } from '../store';
import { actWorkshop, downloadWorkshopReport } from '../workshopConsole';

/** The workshop's code and the QR code of its address: here only, for the facilitator to show or read out. */
function JoinCode({ workshop }: { workshop: WorkshopSummary }) {
  const { t } = useLang();
  const qr = useQrCode(workshop.url ?? '', 200);
  return (
    <div className="workshop-join">
      <p className="workshop-code">
        {t('console.workshopCode')}:{' '}
        <strong className="join-code" data-testid="workshop-code" translate="no">
          {formatJoinCode(workshop.code)}
        </strong>
      </p>
      {workshop.url === null ? (
        <p className="warn" data-testid="workshop-needs-lan">
          {t('console.workshopNeedsLan')}
        </p>
      ) : (
        qr && (
          <figure className="pairing">
            <img src={qr} width={200} height={200} alt={t('console.workshopQrAlt', { name: workshop.name })} />
            <figcaption>
              <code>{workshop.url}</code>
            </figcaption>
          </figure>
        )
      )}
    </div>
  );
}

/** One workshop in the console: what it is, who joined, and everything the facilitator does with it. */
export function WorkshopCard({ workshop: w }: { workshop: WorkshopSummary }) {
  const { t, lang } = useLang();
  const token = useConsole((s) => s.token);
  const instruments = useConsole((s) => s.status?.instruments ?? []);
  const [error, setError] = useState<string | null>(null);
  const titleId = `workshop-${w.id}`;
  const known = instruments.find((i) => `${i.id}@${i.version}` === w.instrument);
  const facts = [
    known ? `${known.title} (${known.version})` : w.instrument,
    w.nicknames && t('console.workshopNicknamesOn'),
    w.countInCrowd && t('console.workshopCountsInCrowd'),
    w.onScreen && t('console.workshopOnScreenNow'),
    w.closed && t('console.workshopIsClosed'),
  ].filter(Boolean);
  const remove = (): void => {
    if (window.confirm(t('console.workshopDeleteConfirm', { name: w.name }))) actWorkshop({ kind: 'delete', id: w.id });
  };
  return (
    <article className="workshop" aria-labelledby={titleId} data-testid="workshop" data-code={w.code} data-id={w.id}>
      <h3 id={titleId}>
        {w.name} <span className="workshop-date">{w.date}</span>
      </h3>
      <p className="workshop-facts">{facts.join(' · ')}</p>
      <p role="status" data-testid="workshop-counts">
        {t('console.workshopCounts', { joined: w.joined, answered: w.answered })}
      </p>
      <JoinCode workshop={w} />
      <fieldset className="workshop-phases">
        <legend>{t('console.workshopPhaseLabel')}</legend>
        {WORKSHOP_PHASES.map((phase, i) => (
          <button
            key={phase}
            type="button"
            aria-pressed={w.phase === phase}
            onClick={() => actWorkshop({ kind: 'phase', id: w.id, phase })}
          >
            {i + 1}. {t(`workshopScreen.phases.${phase}`)}
          </button>
        ))}
      </fieldset>
      <div className="row">
        {w.onScreen ? (
          <button onClick={() => actWorkshop({ kind: 'show', id: null })}>{t('console.workshopBack')}</button>
        ) : (
          <button onClick={() => actWorkshop({ kind: 'show', id: w.id })}>{t('console.workshopShow')}</button>
        )}
        <button
          disabled={w.closed}
          onClick={() => window.confirm(t('console.workshopCloseConfirm')) && actWorkshop({ kind: 'close', id: w.id })}
        >
          {t('console.workshopClose')}
        </button>
        <button
          onClick={() => {
            setError(null);
            if (token)
              void downloadWorkshopReport(w.id, token, lang).catch((e: Error) =>
                setError(t('console.workshopReportFailed', { reason: e.message })),
              );
          }}
        >
          {t('console.workshopReport')}
        </button>
        <button className="danger" onClick={remove}>
          {t('console.workshopDelete')}
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
    </article>
  );
}
