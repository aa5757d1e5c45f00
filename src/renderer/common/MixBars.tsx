import type { IdealType, Language } from '../../core/instrument';
import { localize } from '../../core/instrument';
import { roundedPercentages } from '../../core/scoring';
import { NamedMark } from './NamedMark';

/** One bar per type with its whole percentage (summing to exactly 100), mark and name: never colour alone. */
export function MixBars({
  types,
  lang,
  shares,
}: {
  types: readonly IdealType[];
  lang: Language;
  shares: readonly number[];
}) {
  const percents = roundedPercentages(shares);
  return (
    <ul className="bars">
      {types.map((t, i) => (
        <li key={t.id} className="bar-row" data-type={t.id}>
          <span className="bar-name">
            <NamedMark mark={t.mark} color={t.color} name={localize(t.name, lang)} />
          </span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${percents[i]}%`, background: t.color }} />
          </span>
          <span className="bar-value" data-testid={`share-${t.id}`}>
            {percents[i]}%
          </span>
        </li>
      ))}
    </ul>
  );
}
