import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_CROWD_FOR_DISTRIBUTION } from '../../../core/aggregate';
import { localize } from '../../../core/instrument';
import { profileOf } from '../../../core/response';
import { casusGap, leadingType } from '../../../core/scoring';
import { MixBars } from '../../common/MixBars';
import { TypePolygon } from '../../common/TypePolygon';
import { casusSentence, mixSentence, situationSentence, takeAwayText } from '../describe';
import { useKiosk } from '../store';
import { NamedMark } from '../../common/NamedMark';
import { useQrCode } from '../../common/useQrCode';

/** What the phone page puts in place of the kiosk's parts: its own delivery line and take-away, no crowd. */
interface ResultProps {
  delivery?: ReactNode;
  take?: ReactNode;
  crowd?: boolean;
}

/** The mix three ways (sentence, bars, dot), the leading type explained, the casus gap, the crowd, the take-away. */
export function Result({ delivery: deliveryLine, take, crowd = true }: ResultProps = {}) {
  const { t } = useTranslation();
  const instrument = useKiosk((s) => s.instrument)!;
  const lang = useKiosk((s) => s.lang);
  const response = useKiosk((s) => s.finished)!;
  const delivery = useKiosk((s) => s.delivery);
  const aggregate = useKiosk((s) => s.aggregate);
  const reset = useKiosk((s) => s.reset);
  const typeIds = instrument.types.map((x) => x.id);

  const profile = useMemo(() => profileOf(response, instrument), [response, instrument]);
  const sentence = mixSentence(profile.label, instrument, lang, t);
  const situation = situationSentence(response, profile, instrument, lang, t);
  const lead = leadingType(profile.label);
  const leadIndex = lead ? typeIds.indexOf(lead) : profile.shares.indexOf(Math.max(...profile.shares));
  const leadType = instrument.types[leadIndex]!;
  const gap = casusGap(typeIds, profile.shares, response.casus);
  const reflection = localize(leadType.reflection, lang);
  const qrText = takeAwayText(instrument, lang, profile.shares, sentence, reflection);
  // The phone page has its own take-away (the result is already on the phone): no QR code to draw there.
  const qr = useQrCode(take === undefined ? qrText : '', 360);

  const crowdTotal = aggregate?.total ?? 0;
  const crowdSame =
    lead && aggregate && crowdTotal >= MIN_CROWD_FOR_DISTRIBUTION
      ? Math.round(((aggregate.leading[leadIndex] ?? 0) / crowdTotal) * 100)
      : null;

  return (
    <main className="screen result">
      <section className="result-mix">
        <p className="step">{t('result.title')}</p>
        <h1 className="sentence" data-testid="mix-sentence">
          {sentence}
        </h1>
        <MixBars types={instrument.types} lang={lang} shares={profile.shares} />
        <TypePolygon
          types={instrument.types}
          lang={lang}
          shares={profile.shares}
          label={`${t('result.position')}: ${sentence}`}
        />
        {situation && (
          <div className="situation-mirror">
            <h2>{t('result.situationTitle')}</h2>
            <p data-testid="situation-mirror">{situation}</p>
          </div>
        )}
        <p className="mirror">{t('result.mirror')}</p>
      </section>
      <section className="result-detail">
        <h2>
          <NamedMark mark={leadType.mark} color={leadType.color} name={localize(leadType.name, lang)} />
        </h2>
        <p>{localize(leadType.long, lang)}</p>
        <dl>
          <dt>{t('result.values')}</dt>
          <dd>{localize(leadType.values, lang)}</dd>
          <dt>{t('result.roots')}</dt>
          <dd>{localize(leadType.roots, lang)}</dd>
          <dt>{t('result.strength')}</dt>
          <dd>{localize(leadType.strength, lang)}</dd>
          <dt>{t('result.pitfall')}</dt>
          <dd>{localize(leadType.pitfall, lang)}</dd>
          <dt>{t('result.reflection')}</dt>
          <dd className="reflection">{reflection}</dd>
        </dl>
        <h2>{t('result.casusTitle')}</h2>
        <p data-testid="casus-gap">{casusSentence(gap, instrument, lang, t)}</p>
        {crowd && (
          <p className="crowd" data-testid="crowd-compare">
            {crowdSame === null
              ? t('result.crowdSmall')
              : t('result.crowdSame', { percent: crowdSame, type: localize(leadType.name, lang) })}
          </p>
        )}
        {deliveryLine ?? (
          <p className="delivery" role="status" data-testid="delivery" data-state={delivery}>
            {delivery === 'saved'
              ? `${t('result.saved')} ${t('result.joined')}`
              : t(delivery === 'pending' ? 'result.pending' : 'result.saving')}
          </p>
        )}
      </section>
      {take ?? (
        <aside className="result-take">
          {qr && <img className="qr" src={qr} alt={t('result.takeAway')} data-text={qrText} width={240} height={240} />}
          <p>{t('result.takeAway')}</p>
          <button className="primary" onClick={reset}>
            {t('result.done')}
          </button>
        </aside>
      )}
    </main>
  );
}
