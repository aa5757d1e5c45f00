import { localize } from '../../../core/instrument';
import { roundedPercentages } from '../../../core/scoring';
import { NamedMark } from '../../common/NamedMark';
import { useLang } from '../../common/useLang';
import { Notices } from '../Overlay';
import { useDistribution, useProjector } from '../store';

/**
 * The situation that split the room most: the one whose first choices were most evenly divided (the hub picks it
 * from all first choices of the day), with its text and one bar per first choice. Under the threshold: "nog te weinig".
 */
export function SplitView() {
  const { t, lang } = useLang();
  const distribution = useDistribution();
  const split = useProjector((s) => s.talk?.split ?? null);
  if (!distribution) return null;
  const { instrument, aggregate, show } = distribution;
  const item = split && instrument.items.find((it) => it.id === split.item);
  if (!show || !split || !item) {
    return (
      <div className="bars-view split-view" data-testid="split-view">
        {show && <p className="too-few split-too-few">{t('projector.tooFew')}</p>}
        <Notices total={aggregate.total} />
      </div>
    );
  }
  const percents = roundedPercentages(split.counts.map((c) => c / split.size));
  return (
    <div className="bars-view split-view" data-testid="split-view">
      <div className="split-item">
        {item.title && <p className="split-title">{localize(item.title, lang)}</p>}
        <p className="split-prompt">{localize(item.prompt, lang)}</p>
      </div>
      {instrument.types.map((type, i) => (
        <div key={type.id} className="pbar">
          <span className="pbar-name">
            <NamedMark mark={type.mark} color={type.color} name={localize(type.name, lang)} />
          </span>
          <span className="pbar-track">
            <span className="pbar-fill" style={{ width: `${percents[i]}%`, background: type.color }} />
          </span>
          <span className="pbar-value" data-testid={`split-${type.id}`}>
            {percents[i]}%
          </span>
        </div>
      ))}
      <p className="split-note">{t('projector.splitNote', { count: split.size })}</p>
      <Notices total={aggregate.total} />
    </div>
  );
}
