import { localize, type Instrument } from '../../../core/instrument';
import { useLang } from '../../common/useLang';
import { Bilingual } from './Bilingual';

const TYPE_FIELDS = [
  'name',
  'plural',
  'short',
  'long',
  'values',
  'roots',
  'strength',
  'pitfall',
  'reflection',
] as const;
const LONG = new Set(['long', 'values', 'roots', 'strength', 'pitfall', 'reflection']);
const CARD_FIELDS = ['name', 'short', 'strength', 'pitfall', 'reflection'] as const;

/** The own case, the questions about the work, the types' cards and the balanced cards: every other text. */
export function MoreTexts({ draft }: { draft: Instrument }) {
  const { t, lang } = useLang();
  const typeName = (id: string): string => localize(draft.types.find((x) => x.id === id)?.name ?? {}, lang) || id;
  return (
    <>
      <details className="panel">
        <summary>
          <h2>{t('editor.casus')}</h2>
        </summary>
        <Bilingual path={['casus', 'prompt']} label={t('editor.casusPrompt')} value={draft.casus.prompt} multiline />
        <Bilingual path={['casus', 'hint']} label={t('editor.casusHint')} value={draft.casus.hint} />
        {draft.casus.options.map((o, j) => (
          <Bilingual
            key={o.type}
            path={['casus', 'options', j, 'text']}
            label={t('editor.option', { type: typeName(o.type) })}
            value={o.text}
          />
        ))}
      </details>
      <details className="panel">
        <summary>
          <h2>{t('editor.context')}</h2>
        </summary>
        {draft.context.map((q, i) => (
          <div key={q.id} className="context-question">
            <Bilingual
              path={['context', i, 'prompt']}
              label={t('editor.contextPrompt', { n: i + 1 })}
              value={q.prompt}
            />
            {q.options.map((o, j) => (
              <div key={o.id}>
                <Bilingual
                  path={['context', i, 'options', j, 'label']}
                  label={t('editor.contextOption', { n: j + 1 })}
                  value={o.label}
                />
                {o.phrase && (
                  <Bilingual
                    path={['context', i, 'options', j, 'phrase']}
                    label={t('editor.contextPhrase')}
                    value={o.phrase}
                  />
                )}
              </div>
            ))}
          </div>
        ))}
      </details>
      <details className="panel">
        <summary>
          <h2>{t('editor.types')}</h2>
        </summary>
        {draft.types.map((type, i) => (
          <div key={type.id}>
            <h3>{localize(type.name, lang)}</h3>
            {TYPE_FIELDS.filter((key) => key !== 'plural' || type.plural).map((key) => (
              <Bilingual
                key={key}
                path={['types', i, key]}
                label={t(`editor.typeField.${key}`)}
                value={type[key]}
                multiline={LONG.has(key)}
              />
            ))}
          </div>
        ))}
      </details>
      {draft.balanced && (
        <details className="panel">
          <summary>
            <h2>{t('editor.balancedCards')}</h2>
          </summary>
          {(['chameleon', 'all-round'] as const).map((label) => (
            <div key={label}>
              <h3>{t(label === 'chameleon' ? 'editor.chameleon' : 'editor.allRound')}</h3>
              {CARD_FIELDS.map((key) => (
                <Bilingual
                  key={key}
                  path={['balanced', label, key]}
                  label={t(`editor.typeField.${key}`)}
                  value={draft.balanced![label][key]}
                  multiline={key !== 'name'}
                />
              ))}
            </div>
          ))}
        </details>
      )}
    </>
  );
}
