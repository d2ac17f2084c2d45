import type { Shortcut } from '../../src/editor/index.ts';

/** How docs/editor.md lists a shortcut: one table row, keys joined with "or". */
export const shortcutRow = (s: Shortcut) =>
  `| ${s.keys.map((k) => `<kbd>${k.replace(/\|/g, '\\|')}</kbd>`).join(' or ')} | ${s.description} |`;
