import { useContext, useMemo } from 'react';
import { localize, standItems, standInstrument, type Instrument } from '../../../core/instrument';
import { draftSummary, recovery, recoveryWarnings, situationWords, type Recovery } from '../../../core/instrumentDraft';
import { LATENT_CLASSES } from '../../../core/simulation';
import { useLang } from '../../common/useLang';
import { ProblemsContext } from './Bilingual';
import { problemPlace, problemText } from './problemWords';

const minutes = (seconds: number): string => (seconds / 60).toFixed(1);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/**
 * What the scoring needs, in view while the organiser edits: the number of situations, how often each type is asked
 * (and which is short), one answer per type, words and reading time against the stand's five minutes, every problem
 * left, and the simulation harness on the draft beside the shipped instrument's figures.
 */
export function CheckPanel({ draft, compare }: { draft: Instrument; compare: Instrument | null }) {
  const { t, lang } = useLang();
  const problems = useContext(ProblemsContext);
  const summary = draftSummary(draft);
  const typeName = (id: string): string => localize(draft.types.find((x) => x.id === id)?.name ?? {}, lang) || id;
  const { balance } = summary;
  const stand = standItems(draft.items).length;
  return (
    <aside className="panel check" aria-labelledby="ed-check" tabIndex={0}>
      <h2 id="ed-check">{t('editor.check')}</h2>
      <p data-testid="check-count">{t('editor.situationsCount', { count: summary.situations })}</p>
      {stand < summary.situations && (
        <p data-testid="check-stand">
          {t('editor.standCount', { count: stand, workshop: summary.situations - stand })}
        </p>
      )}
      <table>
        <caption>{t('editor.asksPerType')}</caption>
        <tbody>
          {balance.counts.map((c) => (
            <tr key={c.type} className={balance.short.includes(c.type) ? 'short' : undefined}>
              <th scope="row">{typeName(c.type)}</th>
              <td>{c.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="check-balance" className={balance.balanced ? 'ok' : 'warn'}>
        {balance.balanced
          ? t('editor.balancedOk')
          : balance.short.length > 0
            ? t('editor.shortType', { list: balance.short.map(typeName).join(', ') })
            : t('editor.unasked', { count: balance.unasked })}
      </p>
      <p className={summary.notOnePerType.length === 0 ? 'ok' : 'warn'}>
        {summary.notOnePerType.length === 0
          ? t('editor.onePerTypeOk')
          : t('editor.onePerTypeBad', { list: summary.notOnePerType.map((i) => i + 1).join(', ') })}
      </p>
      <p className="words">
        {t('editor.words', { lang: t(`editor.${lang}`) })}:{' '}
        {draft.items.map((item) => situationWords(item, lang)).join(' · ')}
      </p>
      {summary.time.map((time) => (
        <p key={time.lang} data-testid={`check-time-${time.lang}`} className={time.overBudget ? 'warn' : undefined}>
          {t('editor.readingTime', {
            lang: t(`editor.${time.lang}`),
            toResult: minutes(time.toResult),
            visit: minutes(time.visit),
          })}
          {time.overBudget && <> {t('editor.overBudget')}</>}
        </p>
      ))}
      <h3>{t('editor.problems')}</h3>
      {problems.length === 0 ? (
        <p className="ok" data-testid="check-problems">
          {t('editor.problemsNone')}
        </p>
      ) : (
        <ul className="problems" data-testid="check-problems">
          {problems.map((p) => (
            <li key={`${p.path}-${p.rule}`}>
              <strong>{problemPlace(p.path, draft, t, lang)}</strong>: {problemText(p, t)}
            </li>
          ))}
        </ul>
      )}
      <Harness draft={draft} compare={compare} />
    </aside>
  );
}

/** The harness reads only the situations' number and what each asks: it runs again only when those change. */
function Harness({ draft, compare }: { draft: Instrument; compare: Instrument | null }) {
  const { t } = useLang();
  const shape = JSON.stringify([
    draft.scoring,
    draft.types.map((x) => x.id),
    draft.items.map((it) => `${it.asks ?? ''}${it.workshopOnly ? '*' : ''}`),
  ]);
  // The harness on the stand's visit, which is what the five-minute result is read from.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the figures depend on the shape alone, not the wording
  const own = useMemo(() => recovery(standInstrument(draft)), [shape]);
  const shipped = useMemo(() => (compare ? recovery(compare) : null), [compare]);
  if (!own) return <p>{t('editor.harnessNone')}</p>;
  const warned = shipped ? recoveryWarnings(own, shipped) : [];
  return (
    <>
      <table data-testid="harness">
        <caption>
          {t('editor.harness')}: {t('editor.harnessIntro')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('editor.profile')}</th>
            <th scope="col">{t('editor.draftColumn')}</th>
            {shipped && <th scope="col">{t('editor.shippedColumn')}</th>}
          </tr>
        </thead>
        <tbody>
          {LATENT_CLASSES.map((k) => (
            <tr key={k} className={warned.includes(k) ? 'short' : undefined}>
              <th scope="row">{t(`editor.latent.${k}`)}</th>
              <td>{pct(own[k])}</td>
              {shipped && <td>{pct((shipped as Recovery)[k])}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {warned.length > 0 && (
        <p className="warn" role="status" data-testid="harness-warning">
          {t('editor.harnessWarn', { list: warned.map((k) => t(`editor.latent.${k}`)).join(', ') })}
        </p>
      )}
    </>
  );
}
