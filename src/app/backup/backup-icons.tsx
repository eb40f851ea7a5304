/** Line icons of 备份与恢复, inline like src/app/icons.tsx (no icon package, no remote assets). */
import { Svg, type P } from '../icons';

/** A U盘. */
export const IconDrive = (p: P) => (
  <Svg {...p}>
    <path d="M8 3h8v6H8z" />
    <path d="M6 9h12v10a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2z" />
    <path d="M10 5.5h1M13 5.5h1" />
  </Svg>
);

/** 备份与恢复 in the menu: a box with an arrow going in. */
export const IconBackup = (p: P) => (
  <Svg {...p}>
    <path d="M4 14v5h16v-5" />
    <path d="M12 3v11" />
    <path d="M8 10l4 4 4-4" />
  </Svg>
);

export const IconFolder = (p: P) => (
  <Svg {...p}>
    <path d="M3 6h6l2 2h10v11H3z" />
  </Svg>
);

export const IconRefresh = (p: P) => (
  <Svg {...p}>
    <path d="M20 11a8 8 0 1 0-2.3 5.7" />
    <path d="M20 4v7h-7" />
  </Svg>
);

export const IconCheck = (p: P) => (
  <Svg {...p}>
    <path d="M5 12l5 5 9-10" />
  </Svg>
);
