import { localize, type Instrument } from '../../../core/instrument';
import { asksBalance } from '../../../core/instrumentDraft';
import { useLang } from '../../common/useLang';
import { Bilingual, FieldProblems } from './Bilingual';
import { useLibrary } from './store';

/** Most situations an instrument holds (the schema's bound). */
const MAX_SITUATIONS = 30;
/** Fewest situations an instrument holds. */
const MIN_SITUATIONS = 3;

/** The situations: each with its texts, the type it asks and its place in the order; drop one, add one. */
export function Situations({ draft }: { draft: Instrument }) {
  const { t, lang } = useLang();
  const { setAsks, setWorkshopOnly, moveItem, dropItem, addItem } = useLibrary.getState();
  const balance = asksBalance(draft);
  const nextAsks = balance.short[0] ?? draft.types[0]!.id;
  const typeName = (id: string): string => {
    const type = draft.types.find((x) => x.id === id);
    return type ? localize(type.name, lang) : id;
  };
  return (
    <section className="panel" aria-labelledby="ed-situations">
      <h2 id="ed-situations">
        {t('editor.situations')} ({draft.items.length})
      </h2>
      <FieldProblems path="items" id="p-items" exact />
      <ol className="situations">
        {draft.items.map((item, i) => {
          const heading = `${t('editor.situation', { n: i + 1 })}${item.title?.[lang] ? `: ${item.title[lang]}` : ''}`;
          return (
            <li key={item.id} className="situation" aria-label={heading}>
              <div className="situation-head">
                <h3>{heading}</h3>
                <label className="asks">
                  {t('editor.asks')}
                  <select
                    value={item.asks ?? ''}
                    onChange={(e) => setAsks(i, e.target.value)}
                    aria-describedby={`p-items-${i}-asks`}
                  >
                    {!item.asks && <option value="">…</option>}
                    {draft.types.map((type) => (
                      <option key={type.id} value={type.id}>
                        {localize(type.name, lang)}
                      </option>
                    ))}
                  </select>
                </label>
                <div className="row">
                  <button
                    onClick={() => moveItem(i, -1)}
                    disabled={i === 0}
                    aria-label={`${t('editor.up')}: ${heading}`}
                  >
                    ↑
                  </button>
                  <button
                    onClick={() => moveItem(i, 1)}
                    disabled={i === draft.items.length - 1}
                    aria-label={`${t('editor.down')}: ${heading}`}
                  >
                    ↓
                  </button>
                  <button
                    onClick={() => dropItem(i)}
                    disabled={draft.items.length <= MIN_SITUATIONS}
                    aria-label={`${t('editor.remove')}: ${heading}`}
                  >
                    {t('editor.remove')}
                  </button>
                </div>
              </div>
              <label className="check-row">
                <input
                  type="checkbox"
                  checked={item.workshopOnly === true}
                  onChange={(e) => setWorkshopOnly(i, e.target.checked)}
                />
                {t('editor.workshopOnly')}
              </label>
              <FieldProblems path={`items.${i}.asks`} id={`p-items-${i}-asks`} />
              <FieldProblems path={`items.${i}.options`} id={`p-items-${i}-options`} exact />
              <Bilingual path={['items', i, 'title']} label={t('editor.situationTitle')} value={item.title} />
              <Bilingual path={['items', i, 'prompt']} label={t('editor.prompt')} value={item.prompt} multiline />
              {item.options.map((option, j) => (
                <Bilingual
                  key={option.type}
                  path={['items', i, 'options', j, 'text']}
                  label={t('editor.option', { type: typeName(option.type) })}
                  value={option.text}
                />
              ))}
            </li>
          );
        })}
      </ol>
      <div className="row">
        <button onClick={() => addItem(nextAsks)} disabled={draft.items.length >= MAX_SITUATIONS}>
          {t('editor.add')}
        </button>
        <span>
          {draft.items.length >= MAX_SITUATIONS ? t('editor.addFull') : t('editor.asks') + ': ' + typeName(nextAsks)}
        </span>
      </div>
    </section>
  );
}
