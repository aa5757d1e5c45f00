import { localize } from '../../../core/instrument';
import { useLang } from '../../common/useLang';
import { leadingPercentages, Notices } from '../Overlay';
import { useDistribution } from '../store';
import { NamedMark } from '../../common/NamedMark';

/** One animated bar per leading type, and one for the balanced mixes (no leading type). */
export function BarsView() {
  const { t, lang } = useLang();
  const distribution = useDistribution();
  if (!distribution) return null;
  const { instrument, aggregate, show } = distribution;
  const percents = leadingPercentages(aggregate);
  const rows = [
    ...instrument.types.map((type, i) => ({
      id: type.id,
      name: localize(type.name, lang),
      mark: type.mark,
      color: type.color,
      count: aggregate.leading[i]!,
      percent: percents[i]!,
    })),
    {
      id: 'balanced',
      name: t('projector.balancedBar'),
      mark: '~',
      color: '#8a8fa3',
      count: aggregate.balanced,
      percent: percents[instrument.types.length]!,
    },
  ];
  return (
    <div className="bars-view" data-testid="bars-view">
      {rows.map((row) => (
        <div key={row.id} className="pbar">
          <span className="pbar-name">
            <NamedMark mark={row.mark} color={row.color} name={row.name} />
          </span>
          <span className="pbar-track">
            <span className="pbar-fill" style={{ width: show ? `${row.percent}%` : '0%', background: row.color }} />
          </span>
          <span className="pbar-value" data-testid={`bar-${row.id}`}>
            {show ? `${row.percent}%` : ''}
          </span>
        </div>
      ))}
      <Notices total={aggregate.total} />
    </div>
  );
}
