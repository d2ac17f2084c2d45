import { useCallback, useSyncExternalStore } from 'react';
import type { EditorState, EditorStore } from '../../editor/index.ts';

/**
 * A slice of the editor's state, re-rendering only when that slice changes. `select` must return
 * a field of the state or a primitive, never a fresh object: React compares snapshots with
 * Object.is, and a new object on every call would re-render forever.
 */
export function useEditorState<T>(store: EditorStore, select: (s: EditorState) => T): T {
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  const snapshot = () => select(store.getState());
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
