import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_CROWD_FOR_DISTRIBUTION } from '../../../core/aggregate';
import { localize } from '../../../core/instrument';
import { profileOf } from '../../../core/response';
import { casusGap, leadingType } from '../../../core/scoring';
import { MixBars } from '../../common/MixBars';
import { NamedMark } from '../../common/NamedMark';
import { TypePolygon } from '../../common/TypePolygon';
import { useQrCode } from '../../common/useQrCode';
import { casePhrase, casusSentence, mixSentence, situationSentence, takeAwayText } from '../describe';
import { resultCard } from '../resultCard';
import { prefersCalm } from '../stage/CrowdStage';
import { useKiosk } from '../store';
import { Reveal } from './Reveal';
import { ResultMore } from './ResultMore';

/** What the phone page puts in place of the kiosk's parts: its own delivery line and take-away, no crowd. */
interface ResultProps {
  delivery?: ReactNode;
  take?: ReactNode;
  crowd?: boolean;
}

/**
 * The essentials on screen (the mix in a sentence, bars and picture; the card; the visitor's situation; one thing to
 * try this week), the rest one tap away and in the take-away. The reveal comes first, over it.
 */
export function Result({ delivery: deliveryLine, take, crowd = true }: ResultProps = {}) {
  const { t } = useTranslation();
  const instrument = useKiosk((s) => s.instrument)!;
  const lang = useKiosk((s) => s.lang);
  const response = useKiosk((s) => s.finished)!;
  const delivery = useKiosk((s) => s.delivery);
  const aggregate = useKiosk((s) => s.aggregate);
  const revealing = useKiosk((s) => s.revealing);
  const endReveal = useKiosk((s) => s.endReveal);
  const reset = useKiosk((s) => s.reset);
  const [calm] = useState(prefersCalm);
  const heading = useRef<HTMLHeadingElement>(null);
  const typeIds = instrument.types.map((x) => x.id);

  const profile = useMemo(() => profileOf(response, instrument), [response, instrument]);
  const sentence = mixSentence(profile, instrument, lang, t);
  const mirror = situationSentence(response, profile, instrument, lang, t);
  const card = resultCard(profile.label, profile.shares, instrument, lang);
  const gap = casusGap(typeIds, profile.shares, response.casus);
  const situation = casusSentence(gap, instrument, lang, t, casePhrase(instrument, response.context, lang));
  const qrText = takeAwayText(instrument, lang, profile.shares, { sentence, situation, card, t });
  // The phone page has its own take-away (the result is already on the phone): no QR code to draw there.
  // The whole result as text makes a dense code: drawn large, with the lowest error correction (it is on a screen).
  const qr = useQrCode(take === undefined ? qrText : '', 640, 'L');
  const showReveal = revealing && !calm;

  useEffect(() => {
    if (revealing && calm) endReveal();
  }, [revealing, calm, endReveal]);
  useEffect(() => {
    if (!showReveal) heading.current?.focus();
  }, [showReveal]);

  const lead = leadingType(profile.label);
  const leadIndex = lead ? typeIds.indexOf(lead) : -1;
  const crowdTotal = aggregate?.total ?? 0;
  const alike = lead ? (aggregate?.leading[leadIndex] ?? 0) : (aggregate?.balanced ?? 0);
  const crowdSame = crowdTotal >= MIN_CROWD_FOR_DISTRIBUTION ? Math.round((alike / crowdTotal) * 100) : null;

  return (
    <>
      <main className="screen result" inert={showReveal}>
        <section className="result-mix">
          <p className="step">{t('result.title')}</p>
          <h1 className="sentence" data-testid="mix-sentence" ref={heading} tabIndex={-1}>
            {sentence}
          </h1>
          <MixBars types={instrument.types} lang={lang} shares={profile.shares} />
          <TypePolygon
            types={instrument.types}
            lang={lang}
            shares={profile.shares}
            label={`${t('result.position')}: ${sentence}`}
          />
          <p className="mirror">{t('result.mirror')}</p>
          <p className="credit">{t('credit')}</p>
        </section>
        <section className="result-detail">
          <h2 data-testid="result-card" data-kind={card.kind}>
            <NamedMark mark={card.mark} color={card.color} name={card.name} />
          </h2>
          <p data-testid="card-short">{card.short}</p>
          <h2>{t('result.casusTitle')}</h2>
          <p data-testid="casus-gap">{situation}</p>
          <h2>{t('result.reflection')}</h2>
          <p className="reflection" data-testid="reflection">
            {card.reflection}
          </p>
          <ResultMore card={card} mirror={mirror} />
          {crowd && (
            <p className="crowd" data-testid="crowd-compare">
              {crowdSame === null
                ? t('result.crowdSmall')
                : lead
                  ? t('result.crowdSame', {
                      percent: crowdSame,
                      type: localize(instrument.types[leadIndex]!.name, lang),
                    })
                  : t('result.crowdBalanced', { percent: crowdSame })}
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
            <p className="take-what">{t('result.takeAway')}</p>
            {qr && <img className="qr" src={qr} alt={t('result.qrAlt')} data-text={qrText} width={240} height={240} />}
            <button className="primary" onClick={reset}>
              {t('result.done')}
            </button>
          </aside>
        )}
      </main>
      {showReveal && <Reveal instrument={instrument} lang={lang} shares={profile.shares} crowd={crowd} />}
    </>
  );
}
