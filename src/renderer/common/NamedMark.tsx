/** A type's name with its coloured mark beside it: colour is never the only cue, the letter is hidden from screen readers, which read the name. */
export function NamedMark({ mark, color, name }: { mark: string; color: string; name: string }) {
  return (
    <>
      <span className="mark" style={{ background: color }} aria-hidden="true">
        {mark}
      </span>
      {name}
    </>
  );
}
