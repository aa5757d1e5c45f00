/**
 * A friendly character for a type, drawn for this app: a person in the type's colour with the type's mark on a white
 * badge (so colour is never the only cue). `look` varies the hair and accessory, so 3 to 6 types each get their own
 * face from the instrument's order alone. Origin at the feet; about 64 units tall.
 */
export function Character({ color, mark, look, wave }: { color: string; mark: string; look: number; wave: boolean }) {
  const ink = '#0b1020';
  const skin = '#f7dcc0';
  return (
    <g className="character">
      <rect x="-9" y="-14" width="7" height="14" rx="3" fill={ink} />
      <rect x="2" y="-14" width="7" height="14" rx="3" fill={ink} />
      <path d="M-15 -13 Q-16 -38 0 -39 Q16 -38 15 -13 Z" fill={color} stroke="#fff" strokeWidth="2" />
      <path
        d={wave ? 'M13 -33 Q22 -40 24 -52' : 'M13 -33 Q21 -26 20 -17'}
        stroke={color}
        strokeWidth="6"
        strokeLinecap="round"
        fill="none"
      />
      <path d="M-13 -33 Q-21 -26 -20 -17" stroke={color} strokeWidth="6" strokeLinecap="round" fill="none" />
      <circle cx="0" cy="-24" r="7.5" fill="#fff" />
      <text x="0" y="-20.5" textAnchor="middle" fontSize="10" fontWeight="800" fill={ink}>
        {mark}
      </text>
      <circle cx="0" cy="-50" r="11" fill={skin} stroke={ink} strokeWidth="1.5" />
      <Hair look={look % 6} ink={ink} color={color} />
      <circle cx="-3.8" cy="-51" r="1.4" fill={ink} />
      <circle cx="3.8" cy="-51" r="1.4" fill={ink} />
      <path d="M-4 -46 Q0 -42.5 4 -46" stroke={ink} strokeWidth="1.4" fill="none" strokeLinecap="round" />
    </g>
  );
}

/** Six looks: glasses, a quiff, a bun, a cap, curls, a headband. */
function Hair({ look, ink, color }: { look: number; ink: string; color: string }) {
  switch (look) {
    case 0:
      return (
        <g stroke={ink} strokeWidth="1.3" fill="none">
          <path d="M-10 -56 Q0 -66 10 -56" strokeWidth="4" stroke="#5a3b24" />
          <circle cx="-4" cy="-51" r="3.4" />
          <circle cx="4" cy="-51" r="3.4" />
          <path d="M-0.6 -51 H0.6" />
        </g>
      );
    case 1:
      return <path d="M-10 -55 Q-6 -66 2 -63 Q6 -68 11 -58 Q4 -60 -10 -55 Z" fill="#2b1d14" />;
    case 2:
      return (
        <g fill="#7a4a24">
          <circle cx="0" cy="-63" r="5" />
          <path d="M-11 -51 Q-11 -62 0 -62 Q11 -62 11 -51 Q6 -58 0 -58 Q-6 -58 -11 -51 Z" />
        </g>
      );
    case 3:
      return (
        <g fill={color} stroke={ink} strokeWidth="1">
          <path d="M-11 -55 Q-10 -65 0 -65 Q10 -65 11 -55 Z" />
          <path d="M6 -56 H17 Q17 -53 11 -53 H6 Z" />
        </g>
      );
    case 4:
      return (
        <g fill="#3a2a1e">
          {[-9, -4.5, 0, 4.5, 9].map((x) => (
            <circle key={x} cx={x} cy={-59 + Math.abs(x) * 0.4} r="3.6" />
          ))}
        </g>
      );
    default:
      return (
        <g>
          <path d="M-11 -53 Q-10 -63 0 -63 Q10 -63 11 -53 Q6 -59 0 -59 Q-6 -59 -11 -53 Z" fill="#c98a3a" />
          <path d="M-11 -55 Q0 -60 11 -55" stroke={color} strokeWidth="2.5" fill="none" />
        </g>
      );
  }
}
