import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultCard } from '../resultCard';

/**
 * What is one tap away: how the visitor met the situations, and the card's longer text, values, roots, strength and
 * pitfall. The panel stays in the page (hidden), so the button's aria-controls always points at it.
 */
export function ResultMore({ card, mirror }: { card: ResultCard; mirror: string | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panel = useId();
  const name = card.name.replace(/^De /, 'de ').replace(/^The /, 'the ');
  return (
    <div className="result-more">
      <button
        className="secondary more"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen(!open)}
        data-testid="more"
      >
        {t('result.more', { name })} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div id={panel} className="more-panel" hidden={!open}>
        {mirror && (
          <>
            <h3>{t('result.situationTitle')}</h3>
            <p data-testid="situation-mirror">{mirror}</p>
          </>
        )}
        {card.long && <p>{card.long}</p>}
        <dl>
          {card.values && (
            <>
              <dt>{t('result.values')}</dt>
              <dd>{card.values}</dd>
            </>
          )}
          {card.roots && (
            <>
              <dt>{t('result.roots')}</dt>
              <dd>{card.roots}</dd>
            </>
          )}
          <dt>{t('result.strength')}</dt>
          <dd data-testid="card-strength">{card.strength}</dd>
          <dt>{t('result.pitfall')}</dt>
          <dd data-testid="card-pitfall">{card.pitfall}</dd>
        </dl>
      </div>
    </div>
  );
}
