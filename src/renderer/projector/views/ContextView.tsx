import { localize } from '../../../core/instrument';
import { roundedPercentages } from '../../../core/scoring';
import { NamedMark } from '../../common/NamedMark';
import { useLang } from '../../common/useLang';
import { Notices } from '../Overlay';
import { useDistribution, useProjector } from '../store';

export const BALANCED_COLOR = '#8a8fa3';

/**
 * The crowd split by one context question (the presenter steps through them): per answer a bar of its leading
 * types, in the instrument's order with balanced last, each part patterned as well as coloured, and its size. An
 * answer given by fewer than the threshold is not shown: "nog te weinig". A larger one the hub held back, so that the
 * small ones cannot be worked out from the day's totals, says so: "verborgen", with a note. Whole day: the hub counts
 * these.
 */
export function ContextView() {
  const { t, lang } = useLang();
  const distribution = useDistribution();
  const index = useProjector((s) => s.contextIndex);
  const talk = useProjector((s) => s.talk);
  if (!distribution) return null;
  const { instrument, aggregate, show } = distribution;
  const question = instrument.context[index];
  if (!question) return null;
  const groups = talk?.context[question.id] ?? {};
  const withheld = show ? (talk?.withheld[question.id] ?? []) : [];
  const parts = [
    ...instrument.types.map((ty) => ({ id: ty.id, mark: ty.mark, color: ty.color, name: localize(ty.name, lang) })),
    { id: 'balanced', mark: '~', color: BALANCED_COLOR, name: t('projector.balancedBar') },
  ];
  return (
    <div className="context-view" data-testid="context-view">
      <p className="legend">
        {parts.map((p, i) => (
          <span key={p.id} className="legend-item">
            <span className={`swatch part-${i}`} style={{ backgroundColor: p.color }} />
            {p.name}
          </span>
        ))}
      </p>
      {question.options.map((option) => {
        const group = show ? groups[option.id] : undefined;
        const percents = group ? roundedPercentages(group.counts.map((c) => c / group.size)) : [];
        const top = group ? percents.indexOf(Math.max(...percents)) : -1;
        return (
          <div key={option.id} className="pbar" data-testid={`group-${option.id}`}>
            <span className="pbar-name">{localize(option.label, lang)}</span>
            <span className="pbar-track stacked">
              {group &&
                parts.map((p, i) => (
                  <span
                    key={p.id}
                    className={`pbar-part part-${i}`}
                    style={{ width: `${percents[i]}%`, backgroundColor: p.color }}
                  />
                ))}
            </span>
            <span className="pbar-value small">
              {group ? (
                <>
                  <NamedMark mark={parts[top]!.mark} color={parts[top]!.color} name={`${percents[top]}%`} />
                  <span className="group-size">
                    <span className="group-sep"> · </span>
                    {t('projector.groupSize', { count: group.size })}
                  </span>
                </>
              ) : (
                <span className="too-few">
                  {show ? t(withheld.includes(option.id) ? 'projector.withheld' : 'projector.tooFew') : ''}
                </span>
              )}
            </span>
          </div>
        );
      })}
      {withheld.length > 0 && (
        <p className="split-note" data-testid="withheld-note">
          {t('projector.withheldNote')}
        </p>
      )}
      <Notices total={aggregate.total} />
    </div>
  );
}
