import { createContext, useContext } from 'react';
import type { InstrumentProblem } from '../../../core/instrumentProblems';
import { LANGUAGES, type Localized } from '../../../core/instrument';
import { useLang } from '../../common/useLang';
import { problemsAt, problemText } from './problemWords';
import { useLibrary, type DraftPath } from './store';

/** The draft's problems as the editor checks them while the organiser types (the hub's own check, in the page). */
export const ProblemsContext = createContext<InstrumentProblem[]>([]);

/** The problems of one place in the draft, said beside it. */
export function FieldProblems({ path, id, exact = false }: { path: string; id: string; exact?: boolean }) {
  const { t } = useLang();
  const all = useContext(ProblemsContext);
  // A situation's own problems (one answer per type) without those of the texts inside it, which stand beside them.
  const problems = exact ? all.filter((p) => p.path === path) : problemsAt(all, path);
  if (problems.length === 0) return null;
  return (
    <ul className="field-problems" id={id}>
      {problems.map((p) => (
        <li key={`${p.path}-${p.rule}`}>{problemText(p, t)}</li>
      ))}
    </ul>
  );
}

/**
 * One text of the instrument in Dutch and English side by side, with what is wrong with it underneath. Text is
 * always text: React writes it as such, and the hub and the exports never read it as HTML or a formula.
 */
export function Bilingual({
  path,
  label,
  value,
  multiline = false,
}: {
  path: DraftPath;
  label: string;
  value: Localized | undefined;
  multiline?: boolean;
}) {
  const { t } = useLang();
  const setText = useLibrary((s) => s.setText);
  const key = path.join('.');
  const problems = problemsAt(useContext(ProblemsContext), key);
  const errorId = `p-${key.replace(/\./g, '-')}`;
  return (
    <fieldset className="bilingual" aria-invalid={problems.length > 0 || undefined}>
      <legend>{label}</legend>
      {LANGUAGES.map((lang) => {
        const id = `f-${key.replace(/\./g, '-')}-${lang}`;
        const props = {
          id,
          lang,
          value: value?.[lang] ?? '',
          'aria-invalid':
            problemsAt(problems, `${key}.${lang}`).length > 0 ||
            problems.some((p) => p.path === key && p.values.lang === lang) ||
            undefined,
          'aria-describedby': problems.length > 0 ? errorId : undefined,
          onChange: (e: { target: { value: string } }) => setText(path, lang, e.target.value),
        };
        return (
          <label key={lang} htmlFor={id}>
            <span className="lang-tag">{t(`editor.${lang}`)}</span>
            {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
          </label>
        );
      })}
      <FieldProblems path={key} id={errorId} />
    </fieldset>
  );
}
