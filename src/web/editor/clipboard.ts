import type { LabelObject } from '../../core/labels/index.ts';
import type { Clipboard } from '../../editor/index.ts';

const KEY = 'gloss.editor.clipboard';

/**
 * Copied objects kept in localStorage, so they paste into the next task (a new page) and into
 * another tab. The engine checks what it pastes against the task's ontology.
 */
export function browserClipboard(): Clipboard {
  let memory: LabelObject[] | null = null;
  return {
    read() {
      try {
        const raw = localStorage.getItem(KEY);
        return raw ? (JSON.parse(raw) as LabelObject[]) : memory;
      } catch {
        return memory;
      }
    },
    write(objects) {
      memory = objects;
      try {
        localStorage.setItem(KEY, JSON.stringify(objects));
      } catch {
        // Too large for localStorage: this page still pastes it.
      }
    },
  };
}
