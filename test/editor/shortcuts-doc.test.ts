import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../../src/editor/index.ts';
import { shortcutRow } from './shortcut-rows.ts';

// The help overlay and docs/editor.md list the same shortcuts: the overlay from the table, the
// page by hand. This keeps the page from drifting when the table changes.
describe('docs/editor.md', () => {
  const doc = readFileSync(new URL('../../docs/editor.md', import.meta.url), 'utf8');

  it.each(SHORTCUTS.map((s) => [s.action, s] as const))(
    'lists the %s shortcut as the keymap has it',
    (_, s) => {
      expect(doc).toContain(shortcutRow(s));
    },
  );

  it('lists no shortcut rows that the keymap lacks', () => {
    const rows = doc.split('\n').filter((line) => line.startsWith('| <kbd>'));
    const known = new Set(SHORTCUTS.map(shortcutRow));
    expect(rows.filter((r) => !known.has(r))).toEqual([]);
  });
});
